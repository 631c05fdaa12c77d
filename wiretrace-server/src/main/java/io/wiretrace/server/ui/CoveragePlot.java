package io.wiretrace.server.ui;

import io.wiretrace.extract.Dates;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A story's coverage over time as SVG: articles per hour (a story of up to three days), per day (up
 * to 120 days) or per week, each bar split into independent reports (originals) and echoes
 * (copies). Articles without a date are counted in the caption, not plotted.
 */
public final class CoveragePlot {
  private CoveragePlot() {}

  /** An article on the plot: its publication date (ISO, may be null) and whether it is an echo. */
  public record Point(String published, boolean echo) {}

  /** The plot and its caption. */
  public record Plot(String svg, String caption) {}

  static final int W = 640;
  static final int H = 150;
  static final int LEFT = 30;
  static final int BOTTOM = 28;

  public static Plot of(List<Point> points) {
    long undated = 0;
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    long[] at = new long[points.size()];
    for (int i = 0; i < points.size(); i++) {
      Long t = epochSecond(points.get(i).published());
      if (t == null) {
        undated++;
        at[i] = Long.MIN_VALUE;
        continue;
      }
      at[i] = t;
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    if (min == Long.MAX_VALUE) {
      return new Plot("", points.size() + (points.size() == 1 ? " article" : " articles") + ", none dated: nothing to plot.");
    }
    long span = max - min;
    String unit;
    long step;
    if (span <= 3 * 86_400L) {
      unit = "hour";
      step = 3_600L;
    } else if (span <= 120 * 86_400L) {
      unit = "day";
      step = 86_400L;
    } else {
      unit = "week";
      step = 7 * 86_400L;
    }
    long start = Math.floorDiv(min, step) * step;
    int buckets = (int) (Math.floorDiv(max, step) - Math.floorDiv(min, step)) + 1;
    long[] orig = new long[buckets];
    long[] echo = new long[buckets];
    for (int i = 0; i < points.size(); i++) {
      if (at[i] == Long.MIN_VALUE) {
        continue;
      }
      int b = (int) ((at[i] - start) / step);
      if (points.get(i).echo()) {
        echo[b]++;
      } else {
        orig[b]++;
      }
    }
    long top = 1;
    for (int b = 0; b < buckets; b++) {
      top = Math.max(top, orig[b] + echo[b]);
    }
    double bw = (double) (W - LEFT - 6) / buckets;
    double scale = (double) (H - BOTTOM - 8) / top;
    StringBuilder s = new StringBuilder(2048);
    s.append("<svg class=\"coverage\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(H)
        .append("\" role=\"img\" aria-labelledby=\"coverage-title\"><title id=\"coverage-title\">Articles per ").append(unit)
        .append(": independent reports and echoes</title>");
    s.append("<line class=\"axis\" x1=\"").append(LEFT).append("\" y1=\"").append(H - BOTTOM).append("\" x2=\"").append(W - 4)
        .append("\" y2=\"").append(H - BOTTOM).append("\"/>");
    s.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(H - BOTTOM - (int) Math.round(top * scale) + 4)
        .append("\" text-anchor=\"end\">").append(top).append("</text>");
    s.append("<text class=\"tick\" x=\"").append(LEFT - 6).append("\" y=\"").append(H - BOTTOM + 4).append("\" text-anchor=\"end\">0</text>");
    for (int b = 0; b < buckets; b++) {
      long n = orig[b] + echo[b];
      if (n == 0) {
        continue;
      }
      double x = LEFT + 2 + b * bw;
      double w = Math.max(2, bw - 2);
      double ho = orig[b] * scale;
      double he = echo[b] * scale;
      String label = label(start + b * step, unit);
      s.append("<g class=\"bar\"><title>").append(label).append(": ").append(orig[b]).append(orig[b] == 1 ? " independent report, " : " independent reports, ")
          .append(echo[b]).append(echo[b] == 1 ? " echo" : " echoes").append("</title>");
      if (orig[b] > 0) {
        s.append(rect("orig", x, H - BOTTOM - ho, w, ho));
      }
      if (echo[b] > 0) {
        s.append(rect("echo", x, H - BOTTOM - ho - he, w, he));
      }
      s.append("</g>");
    }
    // first and last bucket labels
    s.append("<text class=\"tick\" x=\"").append(LEFT + 2).append("\" y=\"").append(H - 8).append("\">").append(label(start, unit))
        .append("</text>");
    if (buckets > 1) {
      s.append("<text class=\"tick\" x=\"").append(W - 4).append("\" y=\"").append(H - 8).append("\" text-anchor=\"end\">")
          .append(label(start + (long) (buckets - 1) * step, unit)).append("</text>");
    }
    s.append("</svg>");
    String caption = "Articles per " + unit + " (UTC)." + (undated == 0 ? "" : " " + undated + (undated == 1 ? " undated article" : " undated articles") + " not plotted.");
    return new Plot(s.toString(), caption);
  }

  private static String rect(String cls, double x, double y, double w, double h) {
    return String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>", cls, x, y, w, h);
  }

  private static String label(long epochSecond, String unit) {
    Instant t = Instant.ofEpochSecond(epochSecond);
    return switch (unit) {
      case "hour" -> DateTimeFormatter.ofPattern("MMM d HH:00", Locale.ROOT).withZone(ZoneOffset.UTC).format(t);
      default -> DateTimeFormatter.ofPattern("MMM d, yyyy", Locale.ROOT).withZone(ZoneOffset.UTC).format(t);
    };
  }

  /** Seconds since the epoch of an ISO date or date-time (a bare date is its midnight UTC); null if none. */
  static Long epochSecond(String published) {
    if (published == null || published.isBlank()) {
      return null;
    }
    try {
      if (published.length() <= 10) {
        return LocalDate.parse(published).atStartOfDay(ZoneOffset.UTC).toEpochSecond();
      }
      return java.time.OffsetDateTime.parse(published).toEpochSecond();
    } catch (java.time.format.DateTimeParseException e) {
      try {
        return Dates.epochDay(published) * 86_400L;
      } catch (RuntimeException e2) {
        return null;
      }
    }
  }

  /**
   * Seconds from {@code original}'s publication to {@code copy}'s, null when either is undated. When
   * either is a bare date the difference is in whole days (a date is not midnight of that day).
   */
  static Long delaySeconds(String original, String copy) {
    Long a = epochSecond(original);
    Long b = epochSecond(copy);
    if (a == null || b == null) {
      return null;
    }
    if (original.length() <= 10 || copy.length() <= 10) {
      return (Dates.epochDay(copy) - Dates.epochDay(original)) * 86_400L;
    }
    return b - a;
  }

  /** "+3 h", "+2 d", "same day" or "undated": how long after the original a copy appeared. */
  static String delay(String original, String copy) {
    Long d = delaySeconds(original, copy);
    return d == null ? "undated" : (d > 0 ? "+" : "") + duration(d);
  }

  /** A duration in seconds as "40 min", "3 h", "2 d" ("same day" at day precision, "same minute" under one). */
  static String duration(long seconds) {
    long a = Math.abs(seconds);
    String sign = seconds < 0 ? "−" : "";
    if (a % 86_400 == 0) { // day precision
      return a == 0 ? "same day" : sign + a / 86_400 + " d";
    }
    if (a < 60) {
      return "same minute";
    }
    if (a < 3_600) {
      return sign + a / 60 + " min";
    }
    if (a < 2 * 86_400) {
      return sign + a / 3_600 + " h";
    }
    return sign + Math.round(a / 86_400.0) + " d";
  }


}
