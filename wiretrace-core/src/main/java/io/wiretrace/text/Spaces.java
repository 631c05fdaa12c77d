package io.wiretrace.text;

/** Unicode space characters that {@code \s} in a Java regex does not match. */
public final class Spaces {
  private Spaces() {}

  /**
   * Replaces no-break, figure, thin, narrow and ideographic spaces with a plain space, one for one,
   * so that every offset into the result is an offset into {@code text}.
   */
  public static String plain(String text) {
    char[] c = null;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\u00A0' || ch >= '\u2000' && ch <= '\u200A' || ch == '\u202F' || ch == '\u205F' || ch == '\u3000') {
        if (c == null) {
          c = text.toCharArray();
        }
        c[i] = ' ';
      }
    }
    return c == null ? text : new String(c);
  }
}
