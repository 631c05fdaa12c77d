package io.wiretrace.extract;

import io.wiretrace.model.Removed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * Extracts an article from a plain-text scraped page: each line is classified as title,
 * date header, dateline, body paragraph or residue.
 *
 * <p>Lines are paragraphs (scraped dumps put one paragraph per line; blank lines are ignored).
 * The title is the first line that is not residue and looks like a headline (short, no final
 * sentence period) unless the container supplied one. After a comment-section opener ("Leave a
 * Reply", "3 Comments") every line is comment residue. Thread-safe.
 */
public final class TextPageExtractor {
  /** The parsed page. */
  public record Page(String title, String published, String byline, String dateline, String text,
      List<Removed> removed, List<String> credits) {}

  /**
   * Extracts {@code content}.
   *
   * @param content the page text
   * @param knownTitle a title the container supplied, or null to detect one
   */
  /** "Name - slogan", "Name | slogan": how a site's name line over a scraped article reads. */
  private static final java.util.regex.Pattern SITE_NAME = java.util.regex.Pattern.compile("^[^-–—|:]{2,40}\\s[-–—|:]\\s\\p{Ll}");

  /** A stub word glued without a space to the sentence end before it. */
  private static final java.util.regex.Pattern GLUED_STUB =
      java.util.regex.Pattern.compile("[.!?\"”’)](RSS|RSS Feed|Source|Share|Subscribe|Read [Mm]ore|Continue [Rr]eading)$");

  public Page extract(String content, String knownTitle) {
    String[] lines = content.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    List<Removed> removed = new ArrayList<>();
    List<String> credits = new ArrayList<>();
    List<String> body = new ArrayList<>();
    String title = knownTitle == null || knownTitle.isBlank() ? null : knownTitle.strip();
    boolean titleSeen = false;
    boolean titleFromText = false;
    String titleLine = null;
    String published = null;
    String byline = null;
    boolean inComments = false;
    for (String raw : lines) {
      String line = raw.strip().replaceAll("\\s+", " ");
      if (line.isEmpty()) {
        continue;
      }
      if (inComments) {
        removed.add(new Removed(line, "comment_form"));
        continue;
      }
      if (Residue.opensCommentSection(line)) {
        inComments = true;
        removed.add(new Removed(line, "comment_form"));
        continue;
      }
      if (title != null && sameText(line, title)) {
        // the first time, the headline itself (the container's title printed on the page);
        // after that, a repeated title that scrapers paste above or below the body
        if (titleSeen) {
          removed.add(new Removed(line, "repeated_title"));
        } else if (!titleFromText) {
          titleLine = line;
        }
        titleSeen = true;
        continue;
      }
      Optional<String> reason = Residue.classify(line);
      if (reason.isPresent()) {
        String r = reason.get();
        switch (r) {
          case "date_header" -> {
            if (published == null) {
              published = Dates.find(line).orElse(null);
            }
          }
          case "byline" -> {
            if (byline == null) {
              byline = line.replaceFirst("(?i)^(by|von|par|por)\\s+", "").strip();
            }
          }
          case "source_stub", "caption_credit" -> Residue.creditedName(line).ifPresent(credits::add);
          default -> { }
        }
        removed.add(new Removed(line, r));
        continue;
      }
      if (titleFromText && body.isEmpty() && looksLikeTitle(line) && SITE_NAME.matcher(title).find()
          && !SITE_NAME.matcher(line).find()) {
        // "Global News Daily - your window on the world" over the headline: the first line named the site
        removed.add(new Removed(title, "site_tagline"));
        title = line;
        continue;
      }
      if (title == null && body.isEmpty() && looksLikeTitle(line)) {
        title = line;
        titleSeen = true;
        titleFromText = true;
        continue;
      }
      body.add(line);
    }
    if (body.isEmpty() && titleFromText) {
      // a one-line page: the line is the text, not a headline over nothing
      body.add(title);
      title = null;
    } else if (body.isEmpty() && titleLine != null) {
      // the container's title is all the text there is (a one-sentence article whose title is its
      // text): it stays the title and is the text too, rather than an article with no text
      body.add(titleLine);
    }
    if (!body.isEmpty()) {
      // a stub a scraper glued to the last sentence: "... across the region.RSS"
      String last = body.get(body.size() - 1);
      Matcher glued = GLUED_STUB.matcher(last);
      if (glued.find() && glued.start(1) > 0) {
        removed.add(new Removed(glued.group(1), "rss_stub"));
        body.set(body.size() - 1, last.substring(0, glued.start(1)));
      }
    }
    joinSplitDateline(body);
    String dateline = null;
    if (!body.isEmpty()) {
      Optional<Dateline> d = Dateline.find(body.get(0));
      if (d.isPresent()) {
        dateline = d.get().text();
        if (d.get().credit() != null) {
          credits.add(0, d.get().credit());
        }
      }
    }
    return new Page(title, published, byline, dateline, String.join("\n\n", body), removed, dedupe(credits));
  }

  /** A place line: one to three capitalized words ("Beijing", "Hong Kong", "Washington,"). */
  private static final java.util.regex.Pattern PLACE_LINE =
      java.util.regex.Pattern.compile("^\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){0,2},?$");
  /** An outlet line: up to four words, capitalized, perhaps in parentheses ("CNN", "(Reuters)", "Al Jazeera"). */
  private static final java.util.regex.Pattern OUTLET_LINE =
      java.util.regex.Pattern.compile("^\\(?\\p{Lu}[\\p{L}&.'’-]*(?: [\\p{Lu}&][\\p{L}&.'’-]*){0,3}\\)?$");
  private static final java.util.regex.Pattern DASH_LINE = java.util.regex.Pattern.compile("^[—–-]{1,2}$");

  /**
   * A dateline that a page's layout split over lines ("Beijing" / "CNN" / "—" above the first
   * paragraph) is put back together ("Beijing (CNN) — ..."), so it reads as a dateline and names the
   * outlet. Only when the dash line or a dash opening the next paragraph says it is one.
   */
  static void joinSplitDateline(List<String> body) {
    if (body.size() < 3 || !PLACE_LINE.matcher(body.get(0)).matches() || !OUTLET_LINE.matcher(body.get(1)).matches()) {
      return;
    }
    String outlet = body.get(1).replaceAll("^\\(|\\)$", "");
    String rest;
    int used;
    if (DASH_LINE.matcher(body.get(2)).matches() && body.size() >= 4) {
      rest = body.get(3);
      used = 4;
    } else if (body.get(2).matches("^[—–-]{1,2}\\s+\\S.*")) {
      rest = body.get(2).replaceFirst("^[—–-]{1,2}\\s+", "");
      used = 3;
    } else {
      return;
    }
    String joined = body.get(0).replaceFirst(",$", "") + " (" + outlet + ") — " + rest;
    for (int i = 0; i < used; i++) {
      body.remove(0);
    }
    body.add(0, joined);
  }

  private static List<String> dedupe(List<String> credits) {
    List<String> out = new ArrayList<>();
    for (String c : credits) {
      if (out.stream().noneMatch(o -> o.equalsIgnoreCase(c))) {
        out.add(c);
      }
    }
    return out;
  }

  static boolean looksLikeTitle(String line) {
    if (line.length() < 8 || line.length() > 200) {
      return false;
    }
    String words[] = line.split(" ");
    if (words.length < 2) {
      return false;
    }
    char last = line.charAt(line.length() - 1);
    return last != '.' || line.length() < 90 && !line.contains(". ");
  }

  static boolean sameText(String a, String b) {
    return comparable(a).equals(comparable(b));
  }

  /** Lower-cased letters and digits, each run of anything else one space: for comparing headlines. */
  static String comparable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    boolean gap = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetterOrDigit(cp)) {
        if (gap && sb.length() > 0) {
          sb.append(' ');
        }
        gap = false;
        sb.appendCodePoint(Character.toLowerCase(cp));
      } else {
        gap = true;
      }
    }
    return sb.toString();
  }
}
