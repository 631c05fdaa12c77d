package io.wiretrace.extract;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the date forms news pages print and normalizes them to ISO-8601 text.
 *
 * <p>Output forms: {@code 2024-03-05T09:30:00+02:00} or {@code ...Z} (an instant, with the offset
 * the page printed, so the local day survives),
 * {@code 2024-03-05T09:30:00} (a local time with no zone) or {@code 2024-03-05} (a day).
 * Years outside 1990..2100 are rejected as implausible for news.
 */
public final class Dates {
  private Dates() {}

  private static final DateTimeFormatter ISO_INSTANT_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);
  private static final DateTimeFormatter UTC_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);
  private static final DateTimeFormatter LOCAL_OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss", Locale.ROOT);

  private static final List<DateTimeFormatter> DAY_FORMATS = List.of(
      fmt("MMMM d, uuuu"), fmt("MMM d, uuuu"), fmt("MMM. d, uuuu"), fmt("d MMMM uuuu"), fmt("d MMM uuuu"),
      fmt("EEEE, MMMM d, uuuu"), fmt("EEEE d MMMM uuuu"), fmt("EEE, MMM d, uuuu"), fmt("uuuu/MM/dd"),
      fmt("MMMM d uuuu"), fmt("d. MMMM uuuu"),
      fmt("d.M.uuuu").withResolverStyle(java.time.format.ResolverStyle.STRICT)); // day-first, as dotted dates are written

  private static DateTimeFormatter fmt(String p) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(p).toFormatter(Locale.ENGLISH);
  }

  /** Finds an ISO-like or English date inside free text (a date header line, a URL). */
  private static final Pattern ISO_IN_TEXT = Pattern.compile(
      "(\\d{4}-\\d{2}-\\d{2})(?:[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)\\s*(Z|UTC|GMT|[+-]\\d{2}:?\\d{2})?)?");
  private static final Pattern ENGLISH_IN_TEXT = Pattern.compile(
      "(?i)\\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?"
          + "(?:(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})"
          + "|(\\d{1,2})(?:st|nd|rd|th)?\\.?\\s+(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?,?\\s+(\\d{4}))");
  /**
   * {@code /2020/03/16/}, {@code /2020-03-16-title}: with slashes the day ends its segment, so
   * {@code /2023/10/3-fragen-an} (a title opening with a number) is no date.
   */
  private static final Pattern URL_DATE = Pattern.compile(
      "/((?:19|20)\\d{2})(?:/(\\d{1,2})/(\\d{1,2})(?:/|$)|-(\\d{1,2})-(\\d{1,2})(?:/|-|$))");

  /** Normalizes a machine-readable date value (meta content, JSON-LD, datetime attribute). */
  public static Optional<String> normalize(String value) {
    if (value == null) {
      return Optional.empty();
    }
    String v = value.trim();
    if (v.isEmpty()) {
      return Optional.empty();
    }
    // ISO forms begin with a four-digit year and a hyphen, RFC 1123 never does: each parser is
    // tried only on values of its shape
    boolean isoShape = v.length() >= 11 && isDigits(v, 0, 4) && v.charAt(4) == '-';
    if (isoShape) {
      String fast = isoOffsetDateTime(v);
      if (fast != null) {
        return plausible(fast);
      }
    }
    try {
      if (isoShape && fits(DateTimeFormatter.ISO_OFFSET_DATE_TIME, v)) {
        return plausible(ISO_INSTANT_OUT.format(OffsetDateTime.parse(v)));
      }
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      if (!isoShape && fits(DateTimeFormatter.RFC_1123_DATE_TIME, v)) {
        return plausible(ISO_INSTANT_OUT.format(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME)));
      }
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      if (isoShape && fits(DateTimeFormatter.ISO_LOCAL_DATE_TIME, v)) {
        return plausible(LOCAL_OUT.format(LocalDateTime.parse(v)));
      }
    } catch (DateTimeParseException e) {
      // next form
    }
    return find(v);
  }

  /**
   * The common {@code 2024-03-05T09:30:00+02:00} form (seconds and fraction optional, offset
   * {@code Z} or {@code ±HH:MM}) read by hand, as {@code ISO_OFFSET_DATE_TIME} reads it and
   * {@link #ISO_INSTANT_OUT} writes it; null for anything else, which the formatters then read.
   * Pages carry several such values each, and the formatter path cost 3 % of extraction time.
   */
  static String isoOffsetDateTime(String v) {
    int n = v.length();
    if (n < 17 || v.charAt(7) != '-' || v.charAt(10) != 'T' || v.charAt(13) != ':'
        || !isDigits(v, 5, 7) || !isDigits(v, 8, 10) || !isDigits(v, 11, 13) || !isDigits(v, 14, 16)) {
      return null;
    }
    int i = 16;
    String seconds = "00";
    if (i < n && v.charAt(i) == ':') {
      if (i + 3 > n || !isDigits(v, i + 1, i + 3)) {
        return null;
      }
      seconds = v.substring(i + 1, i + 3);
      i += 3;
      if (i < n && v.charAt(i) == '.') {
        int j = i + 1;
        while (j < n && j - i - 1 < 9 && v.charAt(j) >= '0' && v.charAt(j) <= '9') {
          j++;
        }
        if (j == i + 1) {
          return null;
        }
        i = j;
      }
    }
    String offset;
    if (i == n - 1 && v.charAt(i) == 'Z') {
      offset = "Z";
    } else if (i == n - 6 && (v.charAt(i) == '+' || v.charAt(i) == '-') && v.charAt(i + 3) == ':'
        && isDigits(v, i + 1, i + 3) && isDigits(v, i + 4, i + 6)) {
      int oh = Integer.parseInt(v, i + 1, i + 3, 10);
      int om = Integer.parseInt(v, i + 4, i + 6, 10);
      if (oh > 18 || om > 59 || (oh == 18 && om > 0)) {
        return null;
      }
      offset = oh == 0 && om == 0 ? "Z" : v.substring(i);
    } else {
      return null;
    }
    int month = Integer.parseInt(v, 5, 7, 10);
    int day = Integer.parseInt(v, 8, 10, 10);
    int hour = Integer.parseInt(v, 11, 13, 10);
    int minute = Integer.parseInt(v, 14, 16, 10);
    int second = Integer.parseInt(seconds);
    if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59
        || day > java.time.YearMonth.of(Integer.parseInt(v, 0, 4, 10), month).lengthOfMonth()) {
      return null;
    }
    return v.substring(0, 16) + ":" + seconds + offset;
  }

  /**
   * Whether {@code v} has the syntax of {@code f} from end to end: a check that costs no exception,
   * done before the parse that may throw (a thrown exception costs more than the parse).
   */
  private static boolean fits(DateTimeFormatter f, String v) {
    java.text.ParsePosition pos = new java.text.ParsePosition(0);
    return f.parseUnresolved(v, pos) != null && pos.getErrorIndex() < 0 && pos.getIndex() == v.length();
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code s} has an ASCII digit: every date form read here has one (a year at least). */
  static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  /** Finds the first date written anywhere in {@code text}, ISO or English. */
  public static Optional<String> find(String text) {
    if (text == null || !hasDigit(text)) { // every form has a year
      return Optional.empty();
    }
    Matcher iso = ISO_IN_TEXT.matcher(text);
    if (iso.find()) {
      try {
        LocalDate day = LocalDate.parse(iso.group(1));
        if (iso.group(2) != null) {
          String time = iso.group(2).length() == 5 ? iso.group(2) + ":00" : iso.group(2);
          LocalDateTime ldt = LocalDateTime.parse(iso.group(1) + "T" + time);
          String zone = iso.group(3);
          if (zone == null) {
            return plausible(LOCAL_OUT.format(ldt));
          }
          ZoneOffset off = zone.equalsIgnoreCase("Z") || zone.equalsIgnoreCase("UTC") || zone.equalsIgnoreCase("GMT")
              ? ZoneOffset.UTC : ZoneOffset.of(zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone);
          return plausible(ISO_INSTANT_OUT.format(ldt.atOffset(off)));
        }
        return plausible(day.toString());
      } catch (DateTimeParseException e) {
        // not a real date; try English
      }
    }
    Matcher en = ENGLISH_IN_TEXT.matcher(text);
    if (en.find()) {
      String month = en.group(1) != null ? en.group(1) : en.group(5);
      String dayOf = en.group(2) != null ? en.group(2) : en.group(4);
      String year = en.group(3) != null ? en.group(3) : en.group(6);
      try {
        int m = month(month);
        LocalDate d = LocalDate.of(Integer.parseInt(year), m, Integer.parseInt(dayOf));
        return plausible(d.toString());
      } catch (RuntimeException e) {
        return Optional.empty();
      }
    }
    String trimmed = text.trim();
    for (DateTimeFormatter f : DAY_FORMATS) {
      if (!fits(f, trimmed)) {
        continue;
      }
      try {
        return plausible(LocalDate.parse(trimmed, f).toString());
      } catch (DateTimeParseException e) {
        // next
      }
    }
    return Optional.empty();
  }

  /** A date in a URL path such as {@code /2024/03/05/}. */
  public static Optional<String> fromUrl(String url) {
    if (url == null) {
      return Optional.empty();
    }
    Matcher m = URL_DATE.matcher(url);
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      int g = m.group(2) != null ? 2 : 4;
      return plausible(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(g)), Integer.parseInt(m.group(g + 1))).toString());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static int month(String name) {
    String m = name.toLowerCase(Locale.ROOT).substring(0, 3);
    return switch (m) {
      case "jan" -> 1; case "feb" -> 2; case "mar" -> 3; case "apr" -> 4; case "may" -> 5; case "jun" -> 6;
      case "jul" -> 7; case "aug" -> 8; case "sep" -> 9; case "oct" -> 10; case "nov" -> 11; case "dec" -> 12;
      default -> throw new IllegalArgumentException("not a month: " + name);
    };
  }

  private static Optional<String> plausible(String iso) {
    int year = Integer.parseInt(iso.substring(0, 4));
    return year >= 1990 && year <= 2100 ? Optional.of(iso) : Optional.empty();
  }

  /**
   * Sort key for an ISO date produced here: instants in UTC, local times as printed, day-only dates
   * at the end of their day (known only to the day, such an article is not placed before one with a
   * time on that day: no earlier-publication claim rests on a missing time).
   */
  public static String sortKey(String iso) {
    if (iso == null) {
      return "\uffff";
    }
    if (iso.length() == 10) {
      return iso + "T23:59:59";
    }
    if (iso.length() > 19) {
      try {
        return UTC_OUT.format(OffsetDateTime.parse(iso).withOffsetSameInstant(ZoneOffset.UTC));
      } catch (DateTimeParseException e) {
        return iso.substring(0, 19);
      }
    }
    return iso;
  }

  /** Epoch day of an ISO date produced here, or {@code Long.MIN_VALUE} when null. */
  public static long epochDay(String iso) {
    if (iso == null) {
      return Long.MIN_VALUE;
    }
    return LocalDate.parse(iso.substring(0, 10)).getLong(ChronoField.EPOCH_DAY);
  }
}
