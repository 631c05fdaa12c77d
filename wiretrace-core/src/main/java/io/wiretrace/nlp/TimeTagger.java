package io.wiretrace.nlp;

import io.wiretrace.model.Span;
import io.wiretrace.model.Timex;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds temporal expressions in English news text and normalizes them to TIMEX3 values against a
 * reference date (the article's publish date or dateline), as HeidelTime does with its news rules.
 *
 * <p>Rules are regular expressions over the raw text; overlapping matches are resolved longest
 * first, leftmost on ties. Relative expressions ("Sunday", "in June", "last week", "two years
 * ago") are resolved with the tense of their sentence: a future cue ("will", "is expected to",
 * "next") resolves forward from the reference date, anything else backward, because news reports
 * mostly what has happened. Without a reference date, relative expressions keep {@code X}
 * placeholders ({@code XXXX-XX-XX}); absolute ones are unaffected.
 *
 * <p>Stateless and thread-safe.
 */
public final class TimeTagger {
  private static final String MONTH_FULL =
      "January|February|March|April|May|June|July|August|September|October|November|December";
  private static final String MONTH_ABBR = "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
  private static final String MONTH = "(?:" + MONTH_FULL + "|" + MONTH_ABBR + ")";
  private static final String WEEKDAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
  private static final String PART = "(?:morning|afternoon|evening|night)";
  private static final String NUMBER_WORD = "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
      + "thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|"
      + "eighty|ninety|hundred)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine)(?!\\w))?";
  private static final String NUM = "(?:\\d+(?:\\.\\d+)?|" + NUMBER_WORD + "|a|an|a few|a couple of|few|several|some|many)";
  private static final String UNIT = "(?:second|minute|hour|day|week|month|year|decade|century|centuries)";
  private static final String SEASON = "(?:summer|winter|spring|autumn|fall)";

  private static final Map<String, Integer> NUMBERS = Map.ofEntries(
      Map.entry("a", 1), Map.entry("an", 1), Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
      Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
      Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
      Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
      Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
      Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("sixty", 60),
      Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90), Map.entry("hundred", 100));

  private static final Pattern FUTURE = Pattern.compile(
      "(?i)\\b(?:will|'ll|won't|shall|going to|plans? to|planning to|planned|expected to|scheduled|set to|due to|"
          + "is to|are to|would|upcoming|aims? to|hopes? to|intends? to|until|by)\\b");

  /** A past-tense verb right before the timex, possibly with a preposition or "last" between. */
  private static final Pattern PAST_VERB = Pattern.compile(
      "\\b(?:\\w+ed|was|were|had|said|began|took|met|came|went|made|left|won|lost|fell|rose|told|held|saw)"
          + "(?:\\s+(?:in|on|at|since|by|during|last|early|late|until))?\\s*$", Pattern.CASE_INSENSITIVE);

  private final List<Rule> rules = new ArrayList<>();

  /** Context handed to a rule's normalizer. */
  private record Ctx(String text, int start, int end, LocalDate ref) {
    /**
     * True when a future cue stands in the timex's clause: up to 60 characters before it within its
     * sentence (not across a comma-delimited "said"), or up to 25 after it.
     */
    boolean future() {
      int from = Math.max(sentenceStart(text, start), start - 60);
      int to = Math.min(sentenceEnd(text, end), end + 25);
      String before = text.substring(from, start);
      int said = Math.max(before.lastIndexOf(" said"), before.lastIndexOf(" says"));
      if (said >= 0) {
        before = before.substring(said + 5);
      }
      if (FUTURE.matcher(before).find()) {
        return true;
      }
      // "announced in January that it would…": a past verb governs the timex; the cue after it does not
      return !PAST_VERB.matcher(before).find() && FUTURE.matcher(text.substring(end, to)).find();
    }
  }

  /** A normalization, or null to reject the match. */
  private record Norm(String type, String value, String mod) {}

  @FunctionalInterface
  private interface Normalizer {
    Norm apply(Matcher m, Ctx ctx);
  }

  /**
   * A rule runs only on paragraphs containing one of its {@code triggers} (lower-cased literals;
   * {@code "#digit"}: any digit): every match of the rule contains one, so skipping is exact and
   * saves most of the regex work.
   */
  private record Rule(String name, Pattern pattern, Normalizer normalizer, String[] triggers) {}

  private static final String MONTH_TRIGGERS = "jan feb mar apr may jun jul aug sep oct nov dec";
  private static final Map<String, String> TRIGGERS = Map.ofEntries(
      Map.entry("iso", "#digit"), Map.entry("us-numeric", "#digit"), Map.entry("month-day", "#digit"),
      Map.entry("day-month", "#digit"), Map.entry("month", MONTH_TRIGGERS), Map.entry("weekday", "day"),
      Map.entry("deictic-day", "day tonight tomorrow"), Map.entry("this-part", "morning afternoon evening night"),
      Map.entry("relative-unit", "week month quarter year decade century summer winter spring autumn fall"),
      Map.entry("earlier-this", "week month year"), Map.entry("ago", "ago earlier before later from now hence"),
      Map.entry("duration", "second minute hour day week month year decade centur"),
      Map.entry("vague-duration", "seconds minutes hours days weeks months years decades"),
      Map.entry("year", "#digit"), Map.entry("decade", "#digit"), Map.entry("century", "century"), Map.entry("spelled-decade", "ties"),
      Map.entry("season", "summer winter spring autumn fall"), Map.entry("quarter", "quarter"),
      Map.entry("clock", "#digit"), Map.entry("reported-quarter", "quarter period"),
      Map.entry("year-ago", "year"), Map.entry("fiscal", "fiscal"), Map.entry("noon", "noon midnight"),
      Map.entry("holiday", "christmas new year independence thanksgiving halloween valentine labor memorial"),
      Map.entry("soon", "soon"),
      Map.entry("present", "now current present past future recent lately these days moment"),
      Map.entry("set", "every each per daily weekly monthly annually yearly nightly"));

  private record Candidate(int start, int end, Norm norm) {}

  public TimeTagger() {
    // ISO date and numeric US date.
    rule("iso", "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2}):(\\d{2}))?", (m, c) -> {
      LocalDate d = date(m.group(1), m.group(2), m.group(3));
      if (d == null) {
        return null;
      }
      return m.group(4) == null ? day(d) : new Norm("TIME", d + "T" + m.group(4) + ":" + m.group(5), null);
    });
    rule("us-numeric", "(\\d{1,2})/(\\d{1,2})/(\\d{4}|\\d{2})", (m, c) -> {
      String y = m.group(3).length() == 2 ? (Integer.parseInt(m.group(3)) > 40 ? "19" : "20") + m.group(3) : m.group(3);
      LocalDate d = date(y, m.group(1), m.group(2));
      return d == null ? null : day(d);
    });
    // "Friday, March 22, 2013", "March 22", "Mar. 22, 2013", "early March 22" is rare: not handled.
    rule("month-day", "(?:" + WEEKDAY + ",?\\s+)?(" + MONTH + ")\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s+(\\d{4}))?",
        (m, c) -> monthDay(month(m.group(1)), Integer.parseInt(m.group(2)), m.group(3), c));
    rule("day-month", "(?:" + WEEKDAY + ",?\\s+)?(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(" + MONTH + ")(?:,?\\s+(\\d{4}))?",
        (m, c) -> monthDay(month(m.group(2)), Integer.parseInt(m.group(1)), m.group(3), c));
    // "May 2010", "early December", "last July", "late last July", "in June", "the end of March".
    rule("month", "(?:(?i:(early|mid|late|the (?:end|beginning|start|middle) of|end of|beginning of))[- ]?\\s*)?"
        + "(?:(?i:(last|next|this|past|coming))\\s+)?(" + MONTH_FULL + "|Sept?\\.|Jan\\.|Feb\\.|Aug\\.|Oct\\.|Nov\\.|Dec\\.)"
        + "(?:,?\\s+(?:of\\s+)?(\\d{4}))?", (m, c) -> {
          int month = month(m.group(3));
          String mod = mod(m.group(1));
          if (m.group(4) != null) {
            return new Norm("DATE", m.group(4) + "-" + two(month), mod);
          }
          if (m.group(3).equals("May") && m.group(1) == null && m.group(2) == null && !precededBy(c, "in|since|until|by|of|from|through|during|before|after|early|late|mid")) {
            return null; // the modal verb
          }
          if (c.ref() == null) {
            return new Norm("DATE", "XXXX-" + two(month), mod);
          }
          String rel = m.group(2) == null ? null : m.group(2).toLowerCase(Locale.ROOT);
          int y = c.ref().getYear();
          int refMonth = c.ref().getMonthValue();
          boolean forward = rel == null ? c.future() : rel.equals("next") || rel.equals("coming");
          if ("this".equals(rel)) {
            // the same year
          } else if ("last".equals(rel) || "past".equals(rel)) {
            y = month < refMonth ? y : y - 1;
          } else if (forward) {
            y = month >= refMonth ? y : y + 1;
            if ("next".equals(rel) && month <= refMonth) {
              y = c.ref().getYear() + 1;
            }
          } else {
            y = month <= refMonth ? y : y - 1;
          }
          return new Norm("DATE", y + "-" + two(month), mod);
        });
    // Weekdays with an optional part of day: "Friday", "last Sunday", "Sunday night".
    rule("weekday", "(?:(?i:(last|next|this|coming|past))\\s+)?(" + WEEKDAY + ")(?:\\s+(" + PART + "))?", (m, c) -> {
      DayOfWeek dow = DayOfWeek.valueOf(m.group(2).toUpperCase(Locale.ROOT));
      String part = partOfDay(m.group(3));
      String rel = m.group(1) == null ? null : m.group(1).toLowerCase(Locale.ROOT);
      if (c.ref() == null) {
        return withPart("XXXX-WXX-" + dow.getValue(), part);
      }
      LocalDate d;
      if ("next".equals(rel) || "coming".equals(rel)) {
        d = c.ref().with(TemporalAdjusters.next(dow));
      } else if ("last".equals(rel) || "past".equals(rel)) {
        d = c.ref().with(TemporalAdjusters.previous(dow));
      } else if ("this".equals(rel) || c.future()) {
        d = c.ref().with(TemporalAdjusters.nextOrSame(dow));
      } else {
        d = c.ref().with(TemporalAdjusters.previousOrSame(dow));
      }
      return withPart(d.toString(), part);
    });
    rule("deictic-day", "(?i:(the day before yesterday|the day after tomorrow|yesterday|today|tomorrow|tonight))(?:\\s+(" + PART + "))?",
        (m, c) -> {
          String w = m.group(1).toLowerCase(Locale.ROOT);
          int offset = switch (w) {
            case "the day before yesterday" -> -2;
            case "yesterday" -> -1;
            case "tomorrow" -> 1;
            case "the day after tomorrow" -> 2;
            default -> 0;
          };
          String part = w.equals("tonight") ? "NI" : partOfDay(m.group(2));
          String base = c.ref() == null ? "XXXX-XX-XX" : c.ref().plusDays(offset).toString();
          return withPart(base, part);
        });
    rule("this-part", "(?i:(last|this))\\s+(" + PART + ")", (m, c) -> {
      boolean last = m.group(1).equalsIgnoreCase("last");
      String base = c.ref() == null ? "XXXX-XX-XX" : c.ref().plusDays(last ? -1 : 0).toString();
      return withPart(base, partOfDay(m.group(2)));
    });
    // "last week", "this year", "the previous month", "next quarter", "this fiscal year", "late last year".
    rule("relative-unit", "(?:(?i:(early|mid|late|the (?:end|beginning|start|middle) of|end of|earlier|later))[- ]?\\s*)?"
        + "(?i:(?:the\\s+)?(last|past|previous|this|next|coming|current|following|same|prior)\\s+(?:fiscal\\s+)?"
        + "(week|weekend|month|quarter|year|decade|century|" + SEASON + "))(?!\\w)", (m, c) -> {
          String rel = m.group(2).toLowerCase(Locale.ROOT);
          String unit = m.group(3).toLowerCase(Locale.ROOT);
          String mod = mod(m.group(1));
          boolean hasThe = m.group().toLowerCase(Locale.ROOT).contains("the " + rel);
          if (rel.equals("past") || (hasThe && rel.equals("last") && !unit.equals("week"))) {
            // "the past year" is a duration in TimeML; "last year" is a date
            if (rel.equals("past") || hasThe) {
              return duration(1, unit);
            }
          }
          int delta = switch (rel) {
            case "last", "previous", "prior" -> -1;
            case "next", "coming", "following" -> 1;
            default -> 0;
          };
          if (unit.equals("weekend") && delta == 0 && c.ref() != null && !c.future()
              && c.ref().getDayOfWeek().getValue() < DayOfWeek.SATURDAY.getValue()) {
            // "ran this weekend" written on a Wednesday: the weekend just past
            return new Norm("DATE", week(c.ref().minusWeeks(1)) + "-WE", mod);
          }
          return new Norm("DATE", relativeUnit(c.ref(), unit, delta), mod);
        });
    rule("earlier-this", "(?i:(earlier|later)\\s+(?:this|in the)\\s+(week|month|year))", (m, c) ->
        new Norm("DATE", relativeUnit(c.ref(), m.group(2).toLowerCase(Locale.ROOT), 0), null));
    rule("ago", "(?i:(?:(?:nearly|almost|about|some|roughly|more than|less than|just over|over|only|just)\\s+)?(" + NUM + ")\\s+(" + UNIT + ")s?\\s+(ago|earlier|before|later|from now|hence))", (m, c) -> {
      Integer n = number(m.group(1));
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      String dir = m.group(3).toLowerCase(Locale.ROOT);
      if (dir.equals("earlier") || dir.equals("before") || dir.equals("later")) {
        return duration(n, unit); // relative to another event, not to the reference date
      }
      int sign = dir.equals("ago") ? -1 : 1;
      if (n == null || c.ref() == null) {
        return new Norm("DATE", sign < 0 ? "PAST_REF" : "FUTURE_REF", null);
      }
      LocalDate r = c.ref();
      return new Norm("DATE", switch (unit) {
        case "day" -> r.plusDays(sign * (long) n).toString();
        case "week" -> week(r.plusWeeks(sign * (long) n));
        case "month" -> yearMonth(r.plusMonths(sign * (long) n));
        case "decade" -> String.valueOf(r.plusYears(sign * 10L * n).getYear() / 10);
        case "century", "centuries" -> String.valueOf(r.plusYears(sign * 100L * n).getYear() / 100);
        case "hour", "minute", "second" -> r.toString();
        default -> String.valueOf(r.plusYears(sign * (long) n).getYear());
      }, null);
    });
    // Durations: "a month", "the past two years", "90 days", "four-week", "recent weeks", "the next few months".
    rule("duration", "(?i:(?:(?:the|a|an)\\s+)?(?:(?:past|last|next|coming|first|previous|following|recent|mere|full|"
        + "nearly|almost|about|more than|over|some)\\s+)*(" + NUM + ")[- ](" + UNIT + ")s?(?:'|[- ]long)?)(?![- ]old)(?!\\w)",
        (m, c) -> {
          Integer n = number(m.group(1));
          String unit = m.group(2).toLowerCase(Locale.ROOT);
          boolean plural = m.group().toLowerCase(Locale.ROOT).contains(unit + "s");
          boolean hyphen = m.group().contains("-" + m.group(2));
          if (!plural && !hyphen && (n == null || n != 1)) {
            return null; // "the 1988 second quarter", "two day" is not an expression
          }
          String w = m.group(1).toLowerCase(Locale.ROOT);
          if ((w.equals("a") || w.equals("an")) && rateContext(c)) {
            return null; // "$5 a year", "3% a month": a rate, not a duration
          }
          return duration(n, unit);
        });
    rule("vague-duration", "(?i:(?:(?:the\\s+)?(?:past|last|next|coming|recent|previous|following)\\s+)?"
        + "(?:few\\s+|several\\s+|many\\s+|couple of\\s+)?(seconds|minutes|hours|days|weeks|months|years|decades))(?!\\w)",
        (m, c) -> duration(null, unitOf(m.group(1).toLowerCase(Locale.ROOT))));
    // Years, decades, centuries, seasons, quarters.
    rule("year", "(?:(?i:(early|mid|late))[- ]\\s*)?(?<![\\d,.$£€]|\\d-)(1[89]\\d\\d|20\\d\\d)(?![\\d%]|,\\d|\\.\\d|\\s*(?:percent|per cent))", (m, c) -> {
      if (c.start() > 0 && c.text().charAt(c.start() - 1) == '#') {
        return null;
      }
      return new Norm("DATE", m.group(2), mod(m.group(1)));
    });
    rule("decade", "(?:(?i:the)\\s+)?(?:(?i:(early|mid|late))[- ]\\s*)?((?:1[89]|20)\\d)0'?s(?!\\w)",
        (m, c) -> new Norm("DATE", m.group(2), mod(m.group(1))));
    rule("spelled-decade", "(?i:the\\s+(?:(early|mid|late)[- ]?\\s*)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties))",
        (m, c) -> {
          int d = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "twenties" -> 2;
            case "thirties" -> 3;
            case "forties" -> 4;
            case "fifties" -> 5;
            case "sixties" -> 6;
            case "seventies" -> 7;
            case "eighties" -> 8;
            default -> 9;
          };
          return new Norm("DATE", "19" + d, mod(m.group(1))); // news means the last century's
        });
    rule("century", "(?i:(?:the\\s+)?(\\d{1,2})(?:st|nd|rd|th)\\s+century)", (m, c) ->
        new Norm("DATE", two(Integer.parseInt(m.group(1)) - 1), null));
    rule("season", "(?:(?i:(last|this|next|early|late|mid))\\s+)?(?i:(summer|winter|spring|autumn))(?:\\s+(?:of\\s+)?(\\d{4}))?"
        + "|(?i:(last|this|next))\\s+(?i:(fall))(?:\\s+(?:of\\s+)?(\\d{4}))?", (m, c) -> {
          String rel = m.group(1) != null ? m.group(1) : m.group(4);
          String season = m.group(2) != null ? m.group(2) : m.group(5);
          String year = m.group(3) != null ? m.group(3) : m.group(6);
          String code = seasonCode(season);
          if (year != null) {
            return new Norm("DATE", year + "-" + code, null);
          }
          String r = rel == null ? null : rel.toLowerCase(Locale.ROOT);
          int delta = "last".equals(r) ? -1 : "next".equals(r) ? 1 : 0;
          if (delta == 0 && r == null && !c.future()) {
            delta = -1; // bare "summer" in a past-tense sentence: the last one
          }
          return new Norm("DATE", season(c.ref(), code, delta), mod(rel));
        });
    rule("quarter", "(?i:(?:the\\s+)?(first|second|third|fourth|1st|2nd|3rd|4th|final|last)[- ]quarter)(?:\\s+of\\s+(\\d{4}))?",
        (m, c) -> {
          String q = m.group(1).toLowerCase(Locale.ROOT);
          int n = switch (q) {
            case "first", "1st" -> 1;
            case "second", "2nd" -> 2;
            case "third", "3rd" -> 3;
            default -> 4;
          };
          String y = m.group(2) != null ? m.group(2) : c.ref() == null ? "XXXX" : String.valueOf(c.ref().getYear());
          return new Norm("DATE", y + "-Q" + n, null);
        });
    // Clock times: "8 p.m.", "15:00 GMT Saturday", "noon".
    rule("clock", "(\\d{1,2})(?::(\\d{2}))?\\s*(?i:(a\\.m\\.|p\\.m\\.|am|pm)(?!\\w))(?:\\s+(?:[A-Z]{2,4}\\s+)?(" + WEEKDAY + "))?"
        + "|(\\d{1,2}):(\\d{2})(?!:\\d)(?:\\s+(?:GMT|UTC|EST|EDT|ET|PST|PDT|CET|BST))?(?:\\s+(" + WEEKDAY + "))?",
        (m, c) -> {
          int hour;
          String minute;
          String dayName;
          if (m.group(1) != null) {
            hour = Integer.parseInt(m.group(1));
            minute = m.group(2);
            boolean pm = m.group(3).toLowerCase(Locale.ROOT).startsWith("p");
            if (hour > 12) {
              return null;
            }
            hour = pm ? (hour % 12) + 12 : hour % 12;
            dayName = m.group(4);
          } else {
            hour = Integer.parseInt(m.group(5));
            minute = m.group(6);
            dayName = m.group(7);
            if (hour > 23 || Integer.parseInt(minute) > 59) {
              return null;
            }
          }
          String base;
          if (c.ref() == null) {
            base = "XXXX-XX-XX";
          } else if (dayName != null) {
            DayOfWeek dow = DayOfWeek.valueOf(dayName.toUpperCase(Locale.ROOT));
            base = (c.future() ? c.ref().with(TemporalAdjusters.nextOrSame(dow)) : c.ref().with(TemporalAdjusters.previousOrSame(dow))).toString();
          } else {
            base = c.ref().toString();
          }
          return new Norm("TIME", base + "T" + two(hour) + ":" + (minute == null ? "00" : minute), null);
        });
    // Financial news: "the quarter" is the one just reported; "the year-earlier quarter" the same one a year before.
    rule("reported-quarter", "(?i:(?:the\\s+)?(?:(year-earlier|year-ago|latest|most recent|recent|just-ended|"
        + "same)\\s+)?(?:(\\d{4})\\s+)?(?:fiscal\\s+)?(?:(first|second|third|fourth)\\s+)?(?:quarter|period))(?!\\w)", (m, c) -> {
          String which = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
          if (m.group(3) == null && m.group(2) == null && which.isEmpty() && !m.group().toLowerCase(Locale.ROOT).startsWith("the")) {
            return null;
          }
          if (m.group().toLowerCase(Locale.ROOT).endsWith("period") && !which.startsWith("year")) {
            return null;
          }
          String q = null;
          if (m.group(3) != null) {
            q = switch (m.group(3).toLowerCase(Locale.ROOT)) {
              case "first" -> "1";
              case "second" -> "2";
              case "third" -> "3";
              default -> "4";
            };
          }
          if (c.ref() == null) {
            return new Norm("DATE", (m.group(2) != null ? m.group(2) : "XXXX") + "-Q" + (q == null ? "X" : q), null);
          }
          LocalDate reported = c.ref().minusMonths(3);
          int year = m.group(2) != null ? Integer.parseInt(m.group(2)) : reported.getYear();
          if (q == null) {
            q = String.valueOf(reported.get(IsoFields.QUARTER_OF_YEAR));
          } else if (m.group(2) == null && Integer.parseInt(q) > c.ref().get(IsoFields.QUARTER_OF_YEAR)) {
            year = c.ref().getYear() - 1;
          } else if (m.group(2) == null) {
            year = c.ref().getYear();
          }
          if (which.startsWith("year")) {
            year--;
          }
          return new Norm("DATE", year + "-Q" + q, null);
        });
    rule("year-ago", "(?i:(year-earlier|year-ago|year-end|year's end|year end))(?!\\w)", (m, c) -> {
      if (c.ref() == null) {
        return new Norm("DATE", "XXXX", null);
      }
      String w = m.group(1).toLowerCase(Locale.ROOT);
      return new Norm("DATE", String.valueOf(w.contains("end") ? c.ref().getYear() : c.ref().getYear() - 1), w.contains("end") ? "END" : null);
    });
    rule("fiscal", "(?i:fiscal(?:\\s+year)?)\\s+(\\d{4})", (m, c) -> new Norm("DATE", m.group(1), null));
    rule("noon", "(?i:(noon|midnight))(?:\\s+(?:on\\s+)?(" + WEEKDAY + "|today|tomorrow|yesterday))?", (m, c) -> {
      String hour = m.group(1).equalsIgnoreCase("noon") ? "12:00" : "24:00";
      if (c.ref() == null) {
        return new Norm("TIME", "XXXX-XX-XXT" + hour, null);
      }
      LocalDate d = c.ref();
      if (m.group(2) != null) {
        String w = m.group(2).toLowerCase(Locale.ROOT);
        if (w.equals("tomorrow")) {
          d = d.plusDays(1);
        } else if (w.equals("yesterday")) {
          d = d.minusDays(1);
        } else if (!w.equals("today")) {
          DayOfWeek dow = DayOfWeek.valueOf(w.toUpperCase(Locale.ROOT));
          d = c.future() ? d.with(TemporalAdjusters.nextOrSame(dow)) : d.with(TemporalAdjusters.previousOrSame(dow));
        }
      }
      return new Norm("TIME", d + "T" + hour, null);
    });
    rule("holiday", "(Christmas Eve|Christmas Day|Christmas|New Year's Eve|New Year's Day|Independence Day|"
        + "Thanksgiving Day|Thanksgiving|Halloween|Valentine's Day|Labor Day|Memorial Day)", (m, c) -> {
          if (c.ref() == null) {
            return null;
          }
          int y = c.ref().getYear();
          LocalDate d = holiday(m.group(1), y);
          boolean future = c.future();
          if (!future && d.isAfter(c.ref().plusDays(1))) {
            d = holiday(m.group(1), y - 1);
          } else if (future && d.isBefore(c.ref())) {
            d = holiday(m.group(1), y + 1);
          }
          return day(d);
        });
    rule("soon", "(?i:soon)", (m, c) -> new Norm("DATE", "FUTURE_REF", null));
    rule("present", "(?i:(right now|now|currently|nowadays|at present|presently|these days|at the moment|the present|"
        + "the past|in the past|the future|in the future|recently|lately))(?!\\w)", (m, c) -> {
          String w = m.group(1).toLowerCase(Locale.ROOT);
          if (w.endsWith("past") || w.equals("recently") || w.equals("lately")) {
            return new Norm("DATE", "PAST_REF", null);
          }
          if (w.endsWith("future")) {
            return new Norm("DATE", "FUTURE_REF", null);
          }
          return new Norm("DATE", "PRESENT_REF", null);
        });
    rule("set", "(?i:(every|each|per)\\s+(day|week|month|year|morning|afternoon|evening|night|summer|winter|spring|autumn)"
        + "|(daily|weekly|monthly|annually|yearly|nightly))(?!\\w)", (m, c) -> {
          String unit = m.group(2) != null ? m.group(2).toLowerCase(Locale.ROOT) : switch (m.group(3).toLowerCase(Locale.ROOT)) {
            case "daily" -> "day";
            case "weekly" -> "week";
            case "monthly" -> "month";
            case "nightly" -> "night";
            default -> "year";
          };
          String value = switch (unit) {
            case "day" -> "P1D";
            case "week" -> "P1W";
            case "month" -> "P1M";
            case "year" -> "P1Y";
            case "morning" -> "XXXX-XX-XXTMO";
            case "afternoon" -> "XXXX-XX-XXTAF";
            case "evening" -> "XXXX-XX-XXTEV";
            case "night" -> "XXXX-XX-XXTNI";
            default -> "XXXX-" + seasonCode(unit);
          };
          return new Norm("SET", value, null);
        });
  }

  private void rule(String name, String regex, Normalizer normalizer) {
    String triggers = TRIGGERS.get(name);
    if (triggers == null) {
      throw new IllegalStateException("rule " + name + " has no triggers");
    }
    rules.add(new Rule(name, Pattern.compile("(?<![\\w])(?:" + regex + ")(?![\\w])"), normalizer, triggers.split(" ")));
  }

  /**
   * Tags {@code text}.
   *
   * @param reference the date relative expressions are resolved against, or null when unknown
   * @return the expressions in text order, non-overlapping
   */
  public List<Timex> tag(String original, LocalDate reference) {
    String text = io.wiretrace.text.Spaces.plain(original);
    List<Candidate> found = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int from = 0;
    while (from < text.length()) {
      int to = text.indexOf('\n', from);
      to = to < 0 ? text.length() : to;
      if (to > from) {
        String paragraph = lower.substring(from, to);
        boolean digit = paragraph.chars().anyMatch(Character::isDigit);
        for (Rule rule : rules) {
          if (!triggered(rule, paragraph, digit)) {
            continue;
          }
          Matcher m = rule.pattern().matcher(text);
          m.region(from, to);
          m.useTransparentBounds(true);
          m.useAnchoringBounds(false);
          while (m.find()) {
            Norm norm = rule.normalizer().apply(m, new Ctx(text, m.start(), m.end(), reference));
            if (norm != null) {
              found.add(new Candidate(m.start(), m.end(), norm));
            }
          }
        }
      }
      from = to + 1;
    }
    found.sort(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed()
        .thenComparingInt(Candidate::start));
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : found) {
      boolean overlaps = false;
      for (Candidate k : kept) {
        if (c.start() < k.end() && k.start() < c.end()) {
          overlaps = true;
          break;
        }
      }
      if (!overlaps) {
        kept.add(c);
      }
    }
    kept.sort(Comparator.comparingInt(Candidate::start));
    List<Timex> out = new ArrayList<>(kept.size());
    for (Candidate c : kept) {
      out.add(new Timex(new Span(c.start(), c.end()), original.substring(c.start(), c.end()), c.norm().type(),
          c.norm().value(), c.norm().mod()));
    }
    return out;
  }

  /**
   * Whether the expression at {@code [start, end)} of {@code text} stands in a future clause ("will
   * be sentenced on May 5"), by the cues {@link #tag} resolves relative expressions with.
   */
  static boolean future(String text, int start, int end) {
    return new Ctx(io.wiretrace.text.Spaces.plain(text), start, end, null).future();
  }

  private static boolean triggered(Rule rule, String paragraph, boolean digit) {
    for (String t : rule.triggers()) {
      if (t.equals("#digit") ? digit : paragraph.contains(t)) {
        return true;
      }
    }
    return false;
  }

  // ---- normalization helpers ----

  private static Norm monthDay(int month, int dayOfMonth, String year, Ctx c) {
    if (month < 1 || dayOfMonth < 1 || dayOfMonth > 31) {
      return null;
    }
    if (year != null) {
      LocalDate d = date(year, String.valueOf(month), String.valueOf(dayOfMonth));
      return d == null ? null : day(d);
    }
    if (c.ref() == null) {
      return new Norm("DATE", "XXXX-" + two(month) + "-" + two(dayOfMonth), null);
    }
    int y = c.ref().getYear();
    LocalDate d = date(String.valueOf(y), String.valueOf(month), String.valueOf(dayOfMonth));
    if (d == null) {
      return null;
    }
    boolean future = c.future();
    if (!future && d.isAfter(c.ref().plusDays(7)) && d.minusMonths(6).isAfter(c.ref().minusMonths(1))) {
      d = d.minusYears(1);
    } else if (future && d.isBefore(c.ref().minusDays(7))) {
      d = d.plusYears(1);
    } else if (d.isAfter(c.ref().plusMonths(8))) {
      d = d.minusYears(1);
    }
    return day(d);
  }

  private static String relativeUnit(LocalDate ref, String unit, int delta) {
    if (ref == null) {
      return switch (unit) {
        case "week" -> "XXXX-WXX";
        case "weekend" -> "XXXX-WXX-WE";
        case "month" -> "XXXX-XX";
        case "quarter" -> "XXXX-QX";
        case "decade" -> "XXX";
        case "century" -> "XX";
        case "year" -> "XXXX";
        default -> "XXXX-" + seasonCode(unit);
      };
    }
    return switch (unit) {
      case "week" -> week(ref.plusWeeks(delta));
      case "weekend" -> week(ref.plusWeeks(delta)) + "-WE";
      case "month" -> yearMonth(ref.plusMonths(delta));
      case "quarter" -> {
        LocalDate q = ref.plusMonths(3L * delta);
        yield q.getYear() + "-Q" + q.get(IsoFields.QUARTER_OF_YEAR);
      }
      case "decade" -> String.valueOf(ref.plusYears(10L * delta).getYear() / 10);
      case "century" -> two(ref.plusYears(100L * delta).getYear() / 100);
      case "year" -> String.valueOf(ref.getYear() + delta);
      default -> season(ref, seasonCode(unit), delta);
    };
  }

  /** The season {@code code} relative to {@code ref}: delta -1 the last one that ended, 0 this year's, +1 the next. */
  private static String season(LocalDate ref, String code, int delta) {
    if (ref == null) {
      return "XXXX-" + code;
    }
    int startMonth = switch (code) {
      case "SP" -> 3;
      case "SU" -> 6;
      case "FA" -> 9;
      default -> 12;
    };
    int year = ref.getYear();
    if (delta < 0) {
      // the most recent season of that name that has started before the reference date and is not the current one
      LocalDate start = LocalDate.of(year, startMonth, 1);
      if (code.equals("WI")) {
        start = LocalDate.of(year - 1, 12, 1);
      }
      while (!start.plusMonths(3).isBefore(ref.plusDays(1))) {
        start = start.minusYears(1);
      }
      return (code.equals("WI") ? start.getYear() + 1 : start.getYear()) + "-" + code;
    }
    if (delta > 0) {
      LocalDate start = code.equals("WI") ? LocalDate.of(year, 12, 1) : LocalDate.of(year, startMonth, 1);
      while (!start.isAfter(ref)) {
        start = start.plusYears(1);
      }
      return (code.equals("WI") ? start.getYear() + 1 : start.getYear()) + "-" + code;
    }
    return year + "-" + code;
  }

  private static Norm duration(Integer n, String unit) {
    String count = n == null ? "X" : String.valueOf(n);
    return new Norm("DURATION", switch (unit) {
      case "second" -> "PT" + count + "S";
      case "minute" -> "PT" + count + "M";
      case "hour" -> "PT" + count + "H";
      case "day" -> "P" + count + "D";
      case "week", "weekend" -> "P" + count + "W";
      case "month" -> "P" + count + "M";
      case "quarter" -> "P" + (n == null ? "X" : String.valueOf(3 * n)) + "M";
      case "decade" -> n == null ? "P" + count + "DE" : "P" + (10 * n) + "Y";
      case "century", "centuries" -> n == null ? "P" + count + "CE" : "P" + (100 * n) + "Y";
      case "summer", "winter", "spring", "autumn", "fall" -> "P1" + seasonCode(unit);
      default -> "P" + count + "Y";
    }, null);
  }

  private static String unitOf(String plural) {
    return plural.substring(0, plural.length() - 1);
  }

  private static Integer number(String s) {
    String w = s.toLowerCase(Locale.ROOT).trim();
    if (w.matches("\\d+")) {
      return Integer.parseInt(w);
    }
    if (w.matches("\\d+\\.\\d+")) {
      return null;
    }
    if (w.equals("a couple of")) {
      return 2;
    }
    int dash = Math.max(w.indexOf('-'), w.indexOf(' '));
    if (dash > 0) {
      Integer tens = NUMBERS.get(w.substring(0, dash));
      Integer ones = NUMBERS.get(w.substring(dash + 1));
      return tens == null || ones == null ? null : tens + ones;
    }
    return NUMBERS.get(w);
  }

  private static Norm day(LocalDate d) {
    return new Norm("DATE", d.toString(), null);
  }

  private static Norm withPart(String day, String part) {
    return part == null ? new Norm("DATE", day, null) : new Norm("TIME", day + "T" + part, null);
  }

  private static String partOfDay(String part) {
    if (part == null) {
      return null;
    }
    return switch (part.toLowerCase(Locale.ROOT)) {
      case "morning" -> "MO";
      case "afternoon" -> "AF";
      case "evening" -> "EV";
      default -> "NI";
    };
  }

  private static String seasonCode(String season) {
    return switch (season.toLowerCase(Locale.ROOT)) {
      case "summer" -> "SU";
      case "winter" -> "WI";
      case "spring" -> "SP";
      default -> "FA";
    };
  }

  private static String mod(String word) {
    if (word == null) {
      return null;
    }
    String w = word.toLowerCase(Locale.ROOT);
    if (w.startsWith("early") || w.contains("beginning") || w.contains("start") || w.equals("earlier")) {
      return "START";
    }
    if (w.startsWith("late") || w.contains("end")) {
      return "END";
    }
    if (w.startsWith("mid") || w.contains("middle")) {
      return "MID";
    }
    return null;
  }

  private static int month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return switch (n.substring(0, 3)) {
      case "jan" -> 1;
      case "feb" -> 2;
      case "mar" -> 3;
      case "apr" -> 4;
      case "may" -> 5;
      case "jun" -> 6;
      case "jul" -> 7;
      case "aug" -> 8;
      case "sep" -> 9;
      case "oct" -> 10;
      case "nov" -> 11;
      default -> 12;
    };
  }

  private static LocalDate date(String y, String m, String d) {
    try {
      return LocalDate.of(Integer.parseInt(y), Integer.parseInt(m), Integer.parseInt(d));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String week(LocalDate d) {
    return d.get(IsoFields.WEEK_BASED_YEAR) + "-W" + two(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  private static String yearMonth(LocalDate d) {
    return d.getYear() + "-" + two(d.getMonthValue());
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : String.valueOf(n);
  }

  private static boolean precededBy(Ctx c, String words) {
    int i = c.start() - 1;
    while (i >= 0 && c.text().charAt(i) == ' ') {
      i--;
    }
    int end = i + 1;
    while (i >= 0 && Character.isLetter(c.text().charAt(i))) {
      i--;
    }
    String prev = c.text().substring(i + 1, end).toLowerCase(Locale.ROOT);
    return prev.matches(words);
  }

  private static LocalDate holiday(String name, int year) {
    return switch (name) {
      case "Christmas Eve" -> LocalDate.of(year, 12, 24);
      case "Christmas Day", "Christmas" -> LocalDate.of(year, 12, 25);
      case "New Year's Eve" -> LocalDate.of(year, 12, 31);
      case "New Year's Day" -> LocalDate.of(year, 1, 1);
      case "Independence Day" -> LocalDate.of(year, 7, 4);
      case "Halloween" -> LocalDate.of(year, 10, 31);
      case "Valentine's Day" -> LocalDate.of(year, 2, 14);
      case "Labor Day" -> LocalDate.of(year, 9, 1).with(TemporalAdjusters.firstInMonth(DayOfWeek.MONDAY));
      case "Memorial Day" -> LocalDate.of(year, 5, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.MONDAY));
      default -> LocalDate.of(year, 11, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
    };
  }

  private static boolean rateContext(Ctx c) {
    int i = c.start() - 1;
    while (i >= 0 && c.text().charAt(i) == ' ') {
      i--;
    }
    if (i < 0) {
      return false;
    }
    char ch = c.text().charAt(i);
    if (Character.isDigit(ch) || ch == '%') {
      return true;
    }
    String before = c.text().substring(Math.max(0, i - 12), i + 1).toLowerCase(Locale.ROOT);
    return before.endsWith("percent") || before.endsWith("times") || before.endsWith("million") || before.endsWith("billion");
  }

  static int sentenceStart(String text, int from) {
    int limit = Math.max(0, from - 200);
    for (int i = from - 1; i > limit; i--) {
      char ch = text.charAt(i);
      if (ch == '\n' || ((ch == '.' || ch == '!' || ch == '?') && i + 1 < text.length() && Character.isWhitespace(text.charAt(i + 1))
          && i > 0 && Character.isLowerCase(text.charAt(i - 1)))) {
        return i + 1;
      }
    }
    return limit;
  }

  static int sentenceEnd(String text, int from) {
    int limit = Math.min(text.length(), from + 200);
    for (int i = from; i < limit; i++) {
      char ch = text.charAt(i);
      if (ch == '\n' || ((ch == '.' || ch == '!' || ch == '?') && (i + 1 == text.length() || Character.isWhitespace(text.charAt(i + 1)))
          && i > 0 && Character.isLowerCase(text.charAt(i - 1)))) {
        return i + 1;
      }
    }
    return limit;
  }
}
