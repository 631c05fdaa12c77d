package io.wiretrace.nlp;

import io.wiretrace.model.Estimate;
import io.wiretrace.model.Timex;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Estimates when an undated article was written from the calendar days its headline and lead name
 * ("on March 3, 2025", "2025-03-03"): the {@link Estimate} spans the earliest to the latest such day.
 * Only the title and the first {@value #LEAD_CHARS} characters of the text count, where news names the
 * day of its event; further down, days are mostly background ("the 2004 raid", "since May 1, 2005").
 * Only full days count (a year or a month alone is background too: "since 2004", "in June"); days in
 * a future clause ("will be sentenced on May 5, 2026") do not, and neither do relative expressions,
 * which need the very date being estimated.
 *
 * <p>Measured on ECB+ (982 articles): taking every day of the text, 387 articles name one, and the
 * latest days of two articles of one gold event lie more than 180 days apart in 7.3 % of pairs
 * (background days named alone); taking the headline and lead, 360 articles name one and 5.7 % of
 * pairs do, mostly gold events that hold a follow-up written a year or two later (a trial after a
 * shooting). So the estimate separates articles months apart, not days: see
 * {@code StoryClusterer.ESTIMATE_MARGIN_DAYS}.
 *
 * <p>Stateless and thread-safe.
 */
public final class DateEstimator {
  /** Characters of the text, after the title, whose days count: the lead and the paragraph after it. */
  public static final int LEAD_CHARS = 600;

  private final TimeTagger tagger = new TimeTagger();

  /** The estimate for an article of {@code title} and {@code text}, or null when the text names no day. */
  public Estimate estimate(String title, String text) {
    String lead = text.length() <= LEAD_CHARS ? text : text.substring(0, LEAD_CHARS);
    String all = title == null || title.isBlank() ? lead : title + "\n" + lead;
    Timex first = null;
    Timex last = null;
    long lo = Long.MAX_VALUE;
    long hi = Long.MIN_VALUE;
    for (Timex t : tagger.tag(all, null)) {
      if (!t.type().equals("DATE") || !t.isDay() || TimeTagger.future(all, t.span().start(), t.span().end())) {
        continue;
      }
      long day;
      try {
        day = LocalDate.parse(t.value().substring(0, 10)).toEpochDay();
      } catch (RuntimeException e) {
        continue;
      }
      if (day < lo) {
        lo = day;
        first = t;
      }
      if (day > hi) {
        hi = day;
        last = t;
      }
    }
    if (first == null) {
      return null;
    }
    List<String> basis = new ArrayList<>(2);
    basis.add(first.text());
    if (last != first) {
      basis.add(last.text());
    }
    return new Estimate(LocalDate.ofEpochDay(lo).toString(), LocalDate.ofEpochDay(hi).toString(), basis);
  }
}
