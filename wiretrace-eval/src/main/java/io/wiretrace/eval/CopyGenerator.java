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
 *       (no partial copy is written once the filler runs out);
 *   <li>{@code translated}: an imitation of a round trip through machine translation (see
 *       {@link #roundTrip}). No translation system runs offline, so these copies are made by rules
 *       that reproduce what round-trip translation is known to do to English news text; they are
 *       drawn from a second random stream, so adding them leaves the other kinds unchanged.
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

  public static final List<String> KINDS = List.of("verbatim", "near_duplicate", "spun", "partial", "translated");

  private static final Pattern WORD = Pattern.compile("\\p{L}[\\p{L}'’-]*");
  private static final Instant START = Instant.parse("2025-01-06T06:00:00Z");

  private final long seed;
  private final double spinRate;
  private final double translationRate;

  /**
   * @param seed the random seed
   * @param spinRate share of WordNet-known content words a spinner replaces, 0.05..0.9
   */
  public CopyGenerator(long seed, double spinRate) {
    this(seed, spinRate, TRANSLATION_RATE);
  }

  /**
   * @param seed the random seed
   * @param spinRate share of WordNet-known content words a spinner replaces, 0.05..0.9
   * @param translationRate share of content words a simulated round trip renders with another word,
   *     0.05..0.9 (prepositions and articles change at {@value #FUNCTION_WORD_FACTOR} times this rate)
   */
  public CopyGenerator(long seed, double spinRate, double translationRate) {
    if (!(spinRate >= 0.05 && spinRate <= 0.9)) {
      throw new IllegalArgumentException("spinRate must be between 0.05 and 0.9, got " + spinRate);
    }
    if (!(translationRate >= 0.05 && translationRate <= 0.9)) {
      throw new IllegalArgumentException("translationRate must be between 0.05 and 0.9, got " + translationRate);
    }
    this.seed = seed;
    this.spinRate = spinRate;
    this.translationRate = translationRate;
  }

  /** Generates copies of {@code originals}; {@code filler} paragraphs surround partial copies. */
  public Corpus generate(List<Source> originals, List<String> filler) {
    if (filler.size() < 3) {
      throw new IllegalArgumentException("need at least 3 filler paragraphs, got " + filler.size());
    }
    Random rnd = new Random(seed);
    Random rndTranslated = new Random(seed * 31 + 17);
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
        Random r = kind.equals("translated") ? rndTranslated : rnd;
        Instant t = t0.plus(1 + r.nextInt(30), ChronoUnit.HOURS);
        String body = switch (kind) {
          case "verbatim" -> String.join("\n\n", paras);
          case "near_duplicate" -> lightEdit(paras, rnd);
          case "spun" -> spin(String.join("\n\n", paras), spinRate, rnd);
          case "translated" -> roundTrip(paras, translationRate, rndTranslated);
          default -> partial(paras, fillerLeft, rnd);
        };
        if (body == null) {
          continue; // e.g. no paragraph long enough for a partial copy
        }
        String credit = kind.equals("verbatim") && rnd.nextBoolean() ? "Source: Source " + (i + 1) : null;
        docs.add(new Doc(copyId, kind.equals("partial") ? "Weekly roundup " + (i + 1) : s.title(), t.toString(), null,
            scrapedPage(s.title(), body, t, credit, r)));
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

  /** Default share of WordNet-known content words a round trip replaces by their most common synonym. */
  static final double TRANSLATION_RATE = 0.35;
  /** Chance that a preposition or article is rendered differently, per unit of translation rate. */
  static final double FUNCTION_WORD_FACTOR = 0.6;

  /** Phrases round-trip translation renders with other words (English → French/German/Spanish → English). */
  private static final String[][] PHRASES = {
      {"told reporters", "said to journalists"}, {"a number of", "several"}, {"as well as", "and also"},
      {"more than", "over"}, {"in order to", "to"}, {"because of", "due to"}, {"last week", "the past week"},
      {"last year", "the past year"}, {"next year", "the coming year"}, {"percent", "per cent"},
      {"officials", "officers"}, {"toggle caption", "change the subtitles"}, {"people", "persons"},
      {"however", "nevertheless"}, {"although", "even though"}, {"so far", "until now"}, {"despite", "in spite of"},
      {"whether", "if"}, {"must", "has to"}, {"around", "approximately"}, {"about", "approximately"},
      {"spokesman", "spokesperson"}, {"spokeswoman", "spokesperson"}, {"said", "declared"}, {"says", "declares"},
      {"announced", "made known"}, {"which", "that"}, {"while", "whereas"}, {"also", "likewise"}};
  private static final Pattern PHRASE;
  private static final java.util.Map<String, String> PHRASE_MAP = new java.util.HashMap<>();

  static {
    StringBuilder alt = new StringBuilder();
    for (String[] p : PHRASES) {
      PHRASE_MAP.put(p[0], p[1]);
      alt.append(alt.isEmpty() ? "" : "|").append(Pattern.quote(p[0]));
    }
    PHRASE = Pattern.compile("\\b(?i:" + alt + ")\\b");
  }

  /** Prepositions and articles as a round trip may render them: each maps to what may come back. */
  private static final java.util.Map<String, String[]> FUNCTION_WORDS = java.util.Map.ofEntries(
      java.util.Map.entry("in", new String[] {"at", "within"}), java.util.Map.entry("at", new String[] {"in"}),
      java.util.Map.entry("on", new String[] {"at", "upon"}), java.util.Map.entry("to", new String[] {"towards"}),
      java.util.Map.entry("from", new String[] {"of"}), java.util.Map.entry("by", new String[] {"through"}),
      java.util.Map.entry("into", new String[] {"in"}), java.util.Map.entry("over", new String[] {"above"}),
      java.util.Map.entry("under", new String[] {"below"}), java.util.Map.entry("for", new String[] {"during"}),
      java.util.Map.entry("the", new String[] {""}), java.util.Map.entry("a", new String[] {"one"}),
      java.util.Map.entry("an", new String[] {"one"}));

  private static final String[][] CONTRACTIONS = {
      {"n't", " not"}, {"won not", "will not"}, {"can not", "cannot"}, {"'re", " are"}, {"'ll", " will"},
      {"'ve", " have"}, {"it's", "it is"}, {"that's", "that is"}, {"he's", "he is"}, {"she's", "she is"}};

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?][\"”’]?)\\s+(?=[\"“‘]?[A-Z])");
  private static final Pattern FRONTED = Pattern.compile("^(On|In|At|During|After|Before|Last|Earlier) ([^,]{3,30}), (\\p{Ll}.*?|\\p{Lu}.*?)([.!?])$");
  private static final Pattern SAID_NAME = Pattern.compile(", said ((?:the )?\\p{Lu}[\\p{L}.'-]*(?: \\p{Lu}[\\p{L}.'-]*){0,3})([.!?])$");
  private static final Pattern ROMAN = Pattern.compile("[ivxlcdm]+");
  private static final Pattern JOINED = Pattern.compile("(?:; |, but |, and )(?=\\p{Ll})");

  /**
   * Imitates a round trip through machine translation, sentence by sentence, with the changes such
   * a round trip makes to English news text (cf. the brief's "toggle caption" → "change the
   * subtitles"): quotation marks straightened and contractions spelled out; stock phrases rendered
   * with other words ({@link #PHRASES}); prepositions and articles rendered differently
   * ({@link #FUNCTION_WORD_FACTOR} × {@code rate}); {@code rate} of the content words replaced by
   * their <em>most common</em> WordNet synonym (a translator picks the usual word, a spinner any
   * word); a fronted adverbial moved to the end ("On Monday, the minister said …" → "The minister
   * said … on Monday"), "…, said Name." turned into "…, Name said."; long sentences joined by a
   * semicolon or ", and" split in two. Names and numbers pass through unchanged.
   */
  static String roundTrip(List<String> paras, double rate, Random rnd) {
    List<String> out = new ArrayList<>(paras.size());
    for (String para : paras) {
      StringBuilder p = new StringBuilder();
      for (String sentence : SENTENCE_END.split(para.replace('“', '"').replace('”', '"').replace('’', '\'').replace('‘', '\''))) {
        if (!p.isEmpty()) {
          p.append(' ');
        }
        p.append(roundTripSentence(sentence, rate, rnd));
      }
      out.add(p.toString());
    }
    return String.join("\n\n", out);
  }

  private static String roundTripSentence(String sentence, double rate, Random rnd) {
    String s = sentence;
    for (String[] c : CONTRACTIONS) {
      s = s.replace(c[0], c[1]);
    }
    Matcher fr = FRONTED.matcher(s);
    if (fr.matches() && rnd.nextDouble() < 0.6) {
      String rest = fr.group(3);
      String head = fr.group(1).toLowerCase(Locale.ROOT);
      s = Character.toUpperCase(rest.charAt(0)) + rest.substring(1) + " " + head + " " + fr.group(2) + fr.group(4);
    }
    Matcher sn = SAID_NAME.matcher(s);
    if (sn.find() && rnd.nextDouble() < 0.7) {
      s = s.substring(0, sn.start()) + ", " + sn.group(1) + " said" + sn.group(2);
    }
    // phrases, then word by word
    Matcher ph = PHRASE.matcher(s);
    StringBuilder sb = new StringBuilder(s.length() + 32);
    int pos = 0;
    while (ph.find()) {
      sb.append(s, pos, ph.start());
      String m = ph.group();
      String rep = PHRASE_MAP.get(m.toLowerCase(Locale.ROOT));
      sb.append(rnd.nextDouble() < 0.9 ? capitalizeLike(m, rep) : m);
      pos = ph.end();
    }
    sb.append(s.substring(pos));
    s = words(sb.toString(), rate, rnd);
    Matcher j = JOINED.matcher(s);
    if (s.split(" ").length >= 24 && j.find() && j.start() > 30 && s.length() - j.end() > 30 && rnd.nextDouble() < 0.5) {
      String second = s.substring(j.end());
      String sep = j.group();
      String joiner = sep.contains("but") ? "But " : sep.contains("and") ? "And " : "";
      s = s.substring(0, j.start()) + ". " + (joiner.isEmpty() ? Character.toUpperCase(second.charAt(0)) + second.substring(1) : joiner + second);
    }
    return s;
  }

  /** Function words and content words of one sentence, as a round trip renders them. */
  private static String words(String s, double rate, Random rnd) {
    Matcher m = WORD.matcher(s);
    StringBuilder sb = new StringBuilder(s.length() + 32);
    int pos = 0;
    boolean first = true;
    while (m.find()) {
      String w = m.group();
      String lower = w.toLowerCase(Locale.ROOT);
      sb.append(s, pos, m.start());
      pos = m.end();
      boolean sentenceStart = first;
      first = false;
      String[] fw = FUNCTION_WORDS.get(lower);
      if (fw != null) {
        if (rnd.nextDouble() < FUNCTION_WORD_FACTOR * rate) {
          String rep = fw[rnd.nextInt(fw.length)];
          if (rep.isEmpty()) {
            // a dropped article takes its following space with it
            if (pos < s.length() && s.charAt(pos) == ' ' && !sentenceStart) {
              pos++;
            } else {
              sb.append(w);
            }
          } else {
            sb.append(capitalizeLike(w, rep));
          }
        } else {
          sb.append(w);
        }
        continue;
      }
      if (Character.isUpperCase(w.charAt(0)) || lower.length() < 3 || Terms.STOP_WORDS.contains(lower) || rnd.nextDouble() >= rate) {
        sb.append(w);
        continue;
      }
      String best = null;
      int bestUse = -1;
      for (String alt : Synonyms.alternatives(lower)) {
        if (ROMAN.matcher(alt).matches()) {
          continue; // "twenty" -> "xx": a translator keeps numbers as they are
        }
        int[] u = Synonyms.usage(alt);
        int use = u == null ? 0 : u[0];
        if (use > bestUse) {
          bestUse = use;
          best = alt;
        }
      }
      sb.append(best == null ? w : inflectLike(w, best));
    }
    sb.append(s.substring(pos));
    return sb.toString();
  }

  static String capitalizeLike(String original, String replacement) {
    return Character.isUpperCase(original.charAt(0)) ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement;
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
    return capitalizeLike(original, out);
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
