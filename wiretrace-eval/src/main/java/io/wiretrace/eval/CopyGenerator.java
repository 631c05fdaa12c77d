package io.wiretrace.eval;

import io.wiretrace.text.Synonyms;
import io.wiretrace.text.Terms;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes disguised copies of clean articles, with ground truth, to evaluate copy detection. This is
 * an evaluation tool: it imitates what content farms do so that recall can be measured on any
 * corpus; it is not part of the analysis pipeline.
 *
 * <p>For each original it writes one copy of each kind, as a scraped plain-text page:
 * <ul>
 *   <li>{@code verbatim}: the text unchanged inside scraper residue (site tagline, date header,
 *       share lines, hashtags, author box, comment form; a {@code Source:} credit on half of them);
 *   <li>{@code near_duplicate}: a light edit: one paragraph dropped (if there are four or more) and
 *       about 3 % of content words changed;
 *   <li>{@code spun}: {@code spinRate} of the content words that WordNet knows replaced by a synonym
 *       from their first sense, keeping a plural -s, capitalization and -ed/-ing endings crudely, as
 *       spinners do;
 *   <li>{@code partial}: one or two consecutive paragraphs (at least 50 words) pasted among two or
 *       three filler paragraphs taken, without replacement, from texts that are not in the corpus
 *       (no partial copy is written once the filler runs out).
 * </ul>
 * Originals are published one hour apart; each copy 1 to 30 hours after its original. Everything
 * is drawn from one {@link Random} with the given seed, so the corpus is reproducible.
 */
public final class CopyGenerator {
  /** A clean article to copy. */
  public record Source(String id, String title, String text) {}

  /** One generated document: a scraped page as plain text, with its metadata. */
  public record Doc(String id, String title, String published, String outlet, String page) {}

  /** Ground truth: {@code copy} was made from {@code original} as {@code kind}. */
  public record Truth(String copy, String original, String kind) {}

  /** The generated corpus. */
  public record Corpus(List<Doc> docs, List<Truth> truth) {}

  public static final List<String> KINDS = List.of("verbatim", "near_duplicate", "spun", "partial");

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
  private static final Instant START = Instant.parse("2025-01-06T06:00:00Z");

  private final long seed;
  private final double spinRate;

  /**
   * @param seed the random seed
   * @param spinRate share of WordNet-known content words a spinner replaces, 0.05..0.9
   */
  public CopyGenerator(long seed, double spinRate) {
    if (!(spinRate >= 0.05 && spinRate <= 0.9)) {
      throw new IllegalArgumentException("spinRate must be between 0.05 and 0.9, got " + spinRate);
    }
    this.seed = seed;
    this.spinRate = spinRate;
  }

  /** Generates copies of {@code originals}; {@code filler} paragraphs surround partial copies. */
  public Corpus generate(List<Source> originals, List<String> filler) {
    if (filler.size() < 3) {
      throw new IllegalArgumentException("need at least 3 filler paragraphs, got " + filler.size());
    }
    Random rnd = new Random(seed);
    // filler is drawn without replacement: two partial copies sharing a filler paragraph would be
    // real copies of each other, which the truth would not list
    List<String> pool = new ArrayList<>(filler);
    java.util.Collections.shuffle(pool, rnd);
    java.util.ArrayDeque<String> fillerLeft = new java.util.ArrayDeque<>(pool);
    List<Doc> docs = new ArrayList<>();
    List<Truth> truth = new ArrayList<>();
    for (int i = 0; i < originals.size(); i++) {
      Source s = originals.get(i);
      Instant t0 = START.plus(i, ChronoUnit.HOURS);
      docs.add(new Doc(s.id(), s.title(), t0.toString(), "Source " + (i + 1), s.text()));
      List<String> paras = paragraphs(s.text());
      for (String kind : KINDS) {
        String copyId = "copy/" + kind + "/" + s.id();
        Instant t = t0.plus(1 + rnd.nextInt(30), ChronoUnit.HOURS);
        String body = switch (kind) {
          case "verbatim" -> String.join("\n\n", paras);
          case "near_duplicate" -> lightEdit(paras, rnd);
          case "spun" -> spin(String.join("\n\n", paras), spinRate, rnd);
          default -> partial(paras, fillerLeft, rnd);
        };
        if (body == null) {
          continue; // e.g. no paragraph long enough for a partial copy
        }
        String credit = kind.equals("verbatim") && rnd.nextBoolean() ? "Source: Source " + (i + 1) : null;
        docs.add(new Doc(copyId, kind.equals("partial") ? "Weekly roundup " + (i + 1) : s.title(), t.toString(), null,
            scrapedPage(s.title(), body, t, credit, rnd)));
        truth.add(new Truth(copyId, s.id(), kind));
      }
    }
    return new Corpus(docs, truth);
  }

  /** The paragraphs of a text (blank-line or line separated). */
  public static List<String> paragraphs(String text) {
    List<String> out = new ArrayList<>();
    for (String p : text.split("\\n\\s*\\n|\\n")) {
      if (!p.isBlank()) {
        out.add(p.strip());
      }
    }
    return out;
  }

  private static String lightEdit(List<String> paras, Random rnd) {
    List<String> ps = new ArrayList<>(paras);
    if (ps.size() >= 4) {
      ps.remove(1 + rnd.nextInt(ps.size() - 1));
    }
    return spin(String.join("\n\n", ps), 0.03, rnd);
  }

  /** Replaces {@code rate} of the WordNet-known content words by a synonym. */
  static String spin(String text, double rate, Random rnd) {
    Matcher m = WORD.matcher(text);
    StringBuilder sb = new StringBuilder(text.length() + 64);
    int pos = 0;
    while (m.find()) {
      String w = m.group();
      String lower = w.toLowerCase(Locale.ROOT);
      sb.append(text, pos, m.start());
      pos = m.end();
      if (lower.length() < 3 || Terms.STOP_WORDS.contains(lower) || rnd.nextDouble() >= rate) {
        sb.append(w);
        continue;
      }
      List<String> alts = Synonyms.alternatives(lower);
      if (alts.isEmpty()) {
        sb.append(w);
        continue;
      }
      sb.append(inflectLike(w, alts.get(rnd.nextInt(alts.size()))));
    }
    sb.append(text.substring(pos));
    return sb.toString();
  }

  private static String inflectLike(String original, String base) {
    String o = original.toLowerCase(Locale.ROOT);
    String out = base;
    if (o.endsWith("ing") && !base.endsWith("ing")) {
      out = base + "ing";
    } else if (o.endsWith("ed") && !base.endsWith("ed")) {
      out = base.endsWith("e") ? base + "d" : base + "ed";
    } else if (o.endsWith("s") && !o.endsWith("ss") && !base.endsWith("s")) {
      out = base + "s";
    }
    return Character.isUpperCase(original.charAt(0)) ? Character.toUpperCase(out.charAt(0)) + out.substring(1) : out;
  }

  /** One or two paragraphs of the original among 2-3 filler paragraphs; null when filler runs out. */
  private static String partial(List<String> paras, java.util.Deque<String> filler, Random rnd) {
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < paras.size(); i++) {
      if (words(paras.get(i)) + (i + 1 < paras.size() ? words(paras.get(i + 1)) : 0) >= 50) {
        starts.add(i);
      }
    }
    int before = 1 + rnd.nextInt(2);
    int after = 1;
    if (starts.isEmpty() || filler.size() < before + after) {
      return null;
    }
    int at = starts.get(rnd.nextInt(starts.size()));
    List<String> taken = new ArrayList<>();
    taken.add(paras.get(at));
    if (words(paras.get(at)) < 50 && at + 1 < paras.size()) {
      taken.add(paras.get(at + 1));
    }
    List<String> out = new ArrayList<>();
    for (int k = 0; k < before; k++) {
      out.add(filler.poll());
    }
    out.addAll(taken);
    for (int k = 0; k < after; k++) {
      out.add(filler.poll());
    }
    return String.join("\n\n", out);
  }

  private static int words(String p) {
    return p.isBlank() ? 0 : p.trim().split("\\s+").length;
  }

  private static final String[] SITES = {"Daily Buzz 24/7", "NewsFlash Hub", "Trend Wire", "WorldInfo Daily"};

  /** The copy as a scraped page: site tagline, title, date header, share lines, body, residue. */
  private static String scrapedPage(String title, String body, Instant published, String credit, Random rnd) {
    String site = SITES[rnd.nextInt(SITES.length)];
    List<String> lines = new ArrayList<>();
    lines.add(site + " – your trusted source for breaking news");
    if (title != null) {
      lines.add(title);
    }
    lines.add("Posted on " + published.toString().substring(0, 10));
    lines.add("Share this:");
    lines.add("Facebook");
    lines.add("");
    lines.add(body.replace("\n\n", "\n"));
    if (credit != null) {
      lines.add(credit);
    }
    lines.add("#news #world #trending");
    lines.add("About the Author");
    lines.add("Admin is a staff writer at " + site + ".");
    lines.add("Leave a Reply");
    lines.add("Your email address will not be published. Required fields are marked *");
    return String.join("\n", lines) + "\n";
  }
}
