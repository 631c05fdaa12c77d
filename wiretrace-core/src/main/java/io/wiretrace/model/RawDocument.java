package io.wiretrace.model;

import java.util.Objects;

/**
 * One unit of input as a source reader found it, before extraction.
 *
 * @param id stable identifier (relative path, JSONL {@code id}, or WARC target URI)
 * @param input where it came from, for error messages (file path, plus line or record offset)
 * @param format how {@link #content} is to be read
 * @param content the page text: HTML markup for {@link Format#HTML}, plain text otherwise
 * @param hints metadata the container already knew (JSONL fields, feed entry fields); never null
 */
public record RawDocument(String id, String input, Format format, String content, Hints hints) implements java.io.Serializable {

  /** What kind of content a raw document carries. */
  public enum Format { HTML, TEXT }

  /**
   * Metadata supplied next to the content by the container format. Any field may be null.
   *
   * @param url canonical or target URL
   * @param title headline
   * @param published publication time as ISO-8601 text
   * @param outlet publishing site or agency
   */
  public record Hints(String url, String title, String published, String outlet) implements java.io.Serializable {
    public static final Hints NONE = new Hints(null, null, null, null);
  }

  public RawDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(content, "content");
    hints = hints == null ? Hints.NONE : hints;
    if (id.isBlank()) {
      throw new IllegalArgumentException("id must not be blank (input " + input + ")");
    }
  }
}
