package io.wiretrace.reuse;

import io.wiretrace.model.Rewrite;
import io.wiretrace.text.Synonyms;
import io.wiretrace.text.Terms;
import io.wiretrace.text.Tokens;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Intrinsic rewrite detection: is this article a synonym-spun rewrite or a round trip through
 * machine translation, judged from the article alone (its original need not be in the corpus)?
 *
 * <p>Measurements ({@link #FEATURES}), each against reference English ({@link Fluency}) or WordNet:
 * <ul>
 *   <li>{@code odd_synonym_share}: content words much rarer than the usual word of their sense
 *       ("citizenry" for "people", "tribunal" for "court"); the usual word is the likely original;
 *   <li>{@code broken_collocation_rate}: adjacent words that are not a set phrase but become one when a
 *       word is put back by a WordNet neighbour ("shook palms" → "shook hands", "overseas minister" →
 *       "foreign minister"), per 100 content words;
 *   <li>{@code class_logprob} and {@code improbable_share}: how well the sentences' grammar (a trigram
 *       model over function words and word shapes) fits reference English; round trips through
 *       machine translation break it ("It said That the talks", "at Tuesday", "of the of");
 *   <li>{@code foreign_word_share}: lower-case words neither WordNet nor the reference knows (an MT
 *       engine leaves words it cannot translate, or glues them: "visitadeapuestas");
 *   <li>{@code unseen_pair_share}: adjacent common words never seen together in the reference;
 *   <li>{@code rare_word_share}: content words the reference has seen at most twice;
 *   <li>{@code of_rate}, {@code possessive_rate}, {@code the_rate}, {@code of_chain_rate}: a round trip
 *       through a Romance language turns "North Korea's army" into "the army of North Korea": "of"
 *       and "the" become more frequent, the possessive "'s" rare, and "of" follows "of" within three
 *       words ("the agency of news of the country");
 *   <li>{@code mt_contrast}: the mean log-odds of the text's word-class trigrams between round-trip
 *       output and originals, learnt from the training pieces (a naive Bayes contrast);
 *   <li>{@code log_frequency}: the mean log2 reference count of the content words (a spinner's
 *       choices are rarer than a writer's);
 *   <li>{@code outranked_share}: content words with a WordNet synonym at least ten times more common
 *       in the reference (seen 50 times or more), which is then the likely original;
 *   <li>{@code odd_day_preposition_rate}: weekdays after "at", "in", "of" or "the" ("at Monday", "the
 *       Thursday late": Romance "el lunes" rendered word for word), per 100 words;
 *   <li>{@code context_fit} and {@code context_fit_tail}: how well each lower-case content word belongs
 *       to its context, the cosine of its word vector ({@link WordVectors}) with the sum of the vectors of
 *       the {@value #CONTEXT} content words on either side; the mean, and the mean of the worst tenth. A
 *       spinner's synonym is right in some sense of the word but not in the article's ("two village
 *       familiar with the mind"), so it fits its neighbours worse than the writer's word did; a word that
 *       fits worse than {@value #OUT_OF_CONTEXT} is a suspect span, with the WordNet synonym that fits
 *       clearly better as the likely original;
 *   <li>{@code better_synonym_share} and {@code synonym_fit_gain}: the same fit relative to the word's
 *       own WordNet synonyms, which does not depend on how coherent the article's topic is: the share
 *       of words a synonym fits at least {@value #SYNONYM_MARGIN} better, and the mean gain of the
 *       best-fitting synonym over the written word.
 * </ul>
 * A multinomial logistic model over the standardized measurements gives the probability of
 * {@code original}, {@code spun} and {@code machine_translated}; the text is judged rewritten when the
 * probability that it is <em>not</em> original reaches the model's threshold (chosen so that few
 * originals reach it), and then the likelier of {@code spun} and {@code machine_translated} is the
 * kind and that probability the score; otherwise {@code original}, meaning no sign of rewriting. Texts with fewer than {@link #MIN_WORDS} content words
 * WordNet knows are {@code unknown} (too short, or not English). Paraphrase is not judged
 * intrinsically (only against an original: see {@code ParaphraseDetector}).
 *
 * <p>The weights ship in the jar ({@code rewrite-model.tsv}), trained by {@code wiretrace eval rewrite
 * --train} on copies generated from openly licensed text only. Thread-safe.
 */
public final class RewriteDetector {
  /** The measurements, in the model's order. */
  public static final List<String> FEATURES = List.of("odd_synonym_share", "broken_collocation_rate", "class_logprob",
      "improbable_share", "foreign_word_share", "unseen_pair_share", "rare_word_share", "of_rate", "possessive_rate", "the_rate",
      "of_chain_rate", "mt_contrast", "log_frequency", "outranked_share",
      "odd_day_preposition_rate", "context_fit", "context_fit_tail", "better_synonym_share", "synonym_fit_gain");
  /** The kinds the model tells apart, in its order. */
  public static final List<String> KINDS = List.of("original", "spun", "machine_translated");
  static final int RATIO = 8;
  static final int MIN_BEST = 5;
  /** Fewest WordNet-known content words a text needs for a verdict (fewer: {@code unknown}). */
  public static final int MIN_WORDS = 40;
  /** Share of content words unknown to WordNet and the reference from which an unlabelled text is taken as not English. */
  static final double NOT_ENGLISH = 0.25;
  /** A class transition this improbable (log2) counts towards {@code improbable_share}. */
  static final double IMPROBABLE = -11;
  /** Content words on each side of a word that make its context for {@code context_fit}. */
  static final int CONTEXT = 6;
  /** A word whose context fit is below this is an {@code out_of_context} suspect. */
  static final double OUT_OF_CONTEXT = 0.2;
  /** How much better a synonym must fit the context to be given as the likely original of an out-of-context word. */
  static final double BETTER_FIT = 0.15;
  /** How much better a WordNet synonym must fit a word's context to count towards {@code better_synonym_share}. */
  static final double SYNONYM_MARGIN = 0.05;
  /** The model resource, next to this class. */
  public static final String MODEL = "rewrite-model.tsv";

  private final Fluency fluency;
  private final WordVectors vectors;
  private final Model model;

  /** The shipped detector: shipped reference tables, word vectors and weights. */
  public RewriteDetector() {
    this(Fluency.shipped(), WordVectors.shipped(), Model.shipped());
  }

  /** A detector with other tables or weights and the shipped word vectors. */
  public RewriteDetector(Fluency fluency, Model model) {
    this(fluency, WordVectors.shipped(), model);
  }

  /** A detector with other tables, vectors or weights (the trainer's path). */
  public RewriteDetector(Fluency fluency, WordVectors vectors, Model model) {
    this.fluency = fluency;
    this.vectors = vectors;
    this.model = model;
  }

  /** What {@link #measure} finds in one text. */
  public record Measured(int knownWords, double[] features, List<Rewrite.Suspect> spans) {}

  /** Assesses one article text whose language is not known. */
  public Rewrite assess(String text) {
    return assess(text, null);
  }

  /**
   * Assesses one article text. The model knows English only: a text in another language (as
   * {@code language}, an ISO 639-1 code, says; or, when null, one where a quarter of the content words
   * are unknown to English references) is {@code unknown}.
   */
  public Rewrite assess(String text, String language) {
    if (language != null && !language.equals("en")) {
      return new Rewrite("unknown", 0, Map.of("not_english", 1.0));
    }
    Measured m = measure(text);
    if (m.knownWords() < MIN_WORDS) {
      return new Rewrite("unknown", 0, Map.of("known_content_words", (double) m.knownWords()));
    }
    double foreignShare = m.features()[FEATURES.indexOf("foreign_word_share")];
    if (language == null && foreignShare >= NOT_ENGLISH) {
      return new Rewrite("unknown", 0, Map.of("foreign_word_share", round(foreignShare), "not_english", 1.0));
    }
    double[] p = model.probabilities(m.features());
    // rewritten when the original is unlikely enough; which rewrite: the likelier of the two
    String kind = "original";
    double score = p[0];
    if (1 - p[0] >= model.threshold(0)) {
      int k = p[1] >= p[2] ? 1 : 2;
      kind = KINDS.get(k);
      score = 1 - p[0];
    }
    Map<String, Double> signals = new TreeMap<>();
    for (int i = 0; i < FEATURES.size(); i++) {
      signals.put(FEATURES.get(i), round(m.features()[i]));
    }
    signals.put("known_content_words", (double) m.knownWords());
    for (int k = 1; k < KINDS.size(); k++) {
      signals.put("p_" + KINDS.get(k), round(p[k]));
    }
    List<Rewrite.Suspect> spans = kind.equals("original") ? List.of() : m.spans();
    return new Rewrite(kind, round(score), signals, spans);
  }

  private static double round(double v) {
    return Math.round(v * 10000) / 10000.0;
  }

  /** Measures one text: the {@link #FEATURES} and the suspicious spans behind them. */
  public Measured measure(String text) {
    Tokens t = Tokens.of(text);
    int known = 0;
    int odd = 0;
    int content = 0;
    int foreign = 0;
    int rare = 0;
    int pairs = 0;
    int unseenPairs = 0;
    int broken = 0;
    List<Rewrite.Suspect> spans = new ArrayList<>();
    int ofs = 0;
    int possessives = 0;
    int thes = 0;
    int chains = 0;
    int lastOf = -10;
    double logFreq = 0;
    int oddDays = 0;
    int outranked = 0;
    Word[] words = new Word[t.size()]; // what the measurements need of each token's form, looked up once
    for (int i = 0; i < words.length; i++) {
      words[i] = word(t.form(i));
    }
    for (int i = 0; i < t.size(); i++) {
      String f = t.form(i);
      if (i > 0 && f.endsWith("day") && WEEKDAYS.contains(f) && ODD_BEFORE_DAY.contains(t.form(i - 1))) {
        oddDays++;
        spans.add(new Rewrite.Suspect(t.start(i - 1), t.end(i), "odd_day_preposition", null));
      }
      if (f.equals("of")) {
        ofs++;
        if (i - lastOf <= 3) {
          chains++;
          spans.add(new Rewrite.Suspect(t.start(lastOf), t.end(i), "of_chain", null));
        }
        lastOf = i;
      } else if (f.equals("the")) {
        thes++;
      } else if (f.endsWith("'s") || f.endsWith("s'")) {
        possessives++;
      }
      if (!Character.isLetter(f.charAt(0))) {
        continue;
      }
      boolean joined = i > 0 && onlySpaces(text, t.end(i - 1), t.start(i));
      if (joined && Character.isLetter(t.form(i - 1).charAt(0))) {
        String prev = t.form(i - 1);
        int pairCount = -1;
        if (words[i - 1].count() >= 20 && words[i].count() >= 20) {
          pairs++;
          pairCount = fluency.count(words[i - 1].id(), words[i].id());
          if (pairCount == 0) {
            unseenPairs++;
          }
        }
        if (words[i - 1].content() && words[i].content()) {
          String likely = restoreCollocation(prev, words[i - 1], f, words[i],
              pairCount < 0 ? fluency.count(words[i - 1].id(), words[i].id()) : pairCount);
          if (likely != null && restoresAnotherWord(t, i - 1, likely)) {
            broken++;
            spans.add(new Rewrite.Suspect(t.start(i - 1), t.end(i), "broken_collocation",
                likeCase(text.substring(t.start(i - 1), t.end(i)), likely)));
          }
        }
      }
      if (!words[i].content()) {
        continue;
      }
      content++;
      boolean lower = Character.isLowerCase(text.charAt(t.start(i)));
      Word w = words[i];
      if (w.usage() == null) {
        if (lower && f.length() >= 4 && w.count() == 0 && f.indexOf('-') < 0 && f.indexOf('\'') < 0) {
          foreign++;
          spans.add(new Rewrite.Suspect(t.start(i), t.end(i), "foreign_word", null));
        }
        continue;
      }
      known++;
      logFreq += w.log2Count();
      if (w.count() <= 2) {
        rare++;
      }
      if (w.outranked()) {
        outranked++;
      }
      if (w.odd()) {
        odd++;
        spans.add(new Rewrite.Suspect(t.start(i), t.end(i), "odd_synonym",
            w.usual() == null ? null : likeCase(text.substring(t.start(i), t.end(i)), w.usual())));
      }
    }
    double logSum = 0;
    double contrastSum = 0;
    int transitions = 0;
    int improbable = 0;
    for (List<String> sentence : Fluency.sentences(text)) {
      int[] c = Fluency.classIds(sentence);
      for (int k = 2; k < c.length; k++) {
        double lp = fluency.logProb(c[k - 2], c[k - 1], c[k]);
        if (model != null) {
          contrastSum += model.contrast(c[k - 2], c[k - 1], c[k]);
        }
        logSum += lp;
        transitions++;
        if (lp < IMPROBABLE) {
          improbable++;
        }
      }
    }
    double[] fit = contextFit(text, t, words, spans);
    spans.sort(java.util.Comparator.comparingInt(Rewrite.Suspect::start).thenComparingInt(Rewrite.Suspect::end));
    double[] features = {
        share(odd, known),
        content == 0 ? 0 : 100.0 * broken / content,
        transitions == 0 ? 0 : logSum / transitions,
        share(improbable, transitions),
        share(foreign, content),
        share(unseenPairs, pairs),
        share(rare, known),
        share(ofs, t.size()),
        share(possessives, t.size()),
        share(thes, t.size()),
        t.size() == 0 ? 0 : 100.0 * chains / t.size(),
        transitions == 0 ? 0 : contrastSum / transitions,
        known == 0 ? 0 : logFreq / known,
        share(outranked, known),
        t.size() == 0 ? 0 : 100.0 * oddDays / t.size(),
        fit[0],
        fit[1],
        fit[2],
        fit[3]};
    return new Measured(known, features, spans);
  }

  /**
   * {@code context_fit}, {@code context_fit_tail}, {@code better_synonym_share} and {@code
   * synonym_fit_gain}, in that order (see the class javadoc), adding an {@code out_of_context} span
   * for each word that fits worse than {@link #OUT_OF_CONTEXT}. All four are 0 for a text with fewer
   * than two words the vectors know.
   */
  private double[] contextFit(String text, Tokens t, Word[] words, List<Rewrite.Suspect> spans) {
    int[] rows = new int[t.size()];
    int[] tokens = new int[t.size()];
    int n = 0;
    for (int i = 0; i < t.size(); i++) {
      if (words[i].content() && Character.isLowerCase(text.charAt(t.start(i)))) {
        int r = words[i].row();
        if (r >= 0) {
          rows[n] = r;
          tokens[n++] = i;
        }
      }
    }
    if (n < 2) {
      return new double[] {0, 0, 0, 0};
    }
    int d = vectors.dims();
    double[][] prefix = new double[n + 1][d]; // prefix[k]: sum of the first k vectors
    for (int k = 0; k < n; k++) {
      System.arraycopy(prefix[k], 0, prefix[k + 1], 0, d);
      vectors.addTo(rows[k], prefix[k + 1]);
    }
    double[] fits = new double[n];
    double[] context = new double[d];
    double sum = 0;
    int withAlternatives = 0;
    int better = 0;
    double gain = 0;
    for (int k = 0; k < n; k++) {
      int lo = Math.max(0, k - CONTEXT);
      int hi = Math.min(n, k + CONTEXT + 1);
      vectors.differenceWithout(prefix[hi], prefix[lo], rows[k], context);
      double norm = WordVectors.squaredNorm(context);
      fits[k] = vectors.cosine(rows[k], context, norm);
      sum += fits[k];
      int i = tokens[k];
      double bestAlt = Double.NEGATIVE_INFINITY;
      int bestRow = -1;
      Alternatives alts = words[i].alternatives();
      for (int a = 0; a < alts.rows().length; a++) {
        double c = vectors.cosine(alts.rows()[a], context, norm);
        if (c > bestAlt) {
          bestAlt = c;
          bestRow = a;
        }
      }
      if (bestRow >= 0) {
        withAlternatives++;
        if (bestAlt >= fits[k] + SYNONYM_MARGIN) {
          better++;
        }
        gain += Math.max(0, bestAlt - fits[k]);
      }
      if (fits[k] < OUT_OF_CONTEXT) {
        String likely = bestRow >= 0 && bestAlt >= fits[k] + BETTER_FIT ? alts.words()[bestRow] : null;
        spans.add(new Rewrite.Suspect(t.start(i), t.end(i), "out_of_context", likely));
      }
    }
    double[] sorted = fits.clone();
    java.util.Arrays.sort(sorted);
    int tail = Math.max(1, n / 10);
    double tailSum = 0;
    for (int k = 0; k < tail; k++) {
      tailSum += sorted[k];
    }
    return new double[] {sum / n, tailSum / tail, share(better, withAlternatives),
        withAlternatives == 0 ? 0 : gain / withAlternatives};
  }

  /**
   * Whether the restored phrase {@code likely} for the words at {@code first} and {@code first + 1}
   * puts back another word, not another spelling of the written one ("defence budget" is no broken
   * "defense budget").
   */
  private static boolean restoresAnotherWord(Tokens t, int first, String likely) {
    int space = likely.indexOf(' ');
    boolean second = likely.regionMatches(true, 0, t.form(first), 0, t.form(first).length()) && space == t.form(first).length();
    String restored = (second ? likely.substring(space + 1) : likely.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    return !spellingVariant(t.form(second ? first + 1 : first), restored);
  }

  /**
   * Whether {@code a}, written as the plural of {@code base}, would be the modifier of the noun
   * compound "base x" ("water levels spoiling" is no broken "level crossing": English compounds take
   * a singular modifier). Verbal phrases are not concerned ("takes place").
   */
  static boolean pluralModifier(String a, String base, String x) {
    boolean plural = a.equals(base + "s") || a.equals(base + "es")
        || base.endsWith("y") && a.equals(base.substring(0, base.length() - 1) + "ies");
    if (!plural) {
      return false;
    }
    return Synonyms.nounOnly(base + " " + x);
  }


  /** A word's single-word WordNet alternatives that have vectors, and their rows. */
  private record Alternatives(String[] words, int[] rows) {}

  private static final Alternatives NO_ALTERNATIVES = new Alternatives(new String[0], new int[0]);

  /**
   * What the measurements need of one case-folded word form, looked up once in the reference tables,
   * WordNet and the vectors.
   *
   * @param id the reference's {@link Fluency#id}, -1 when unseen
   * @param count its reference count, and {@code log2Count} log2 of one more
   * @param content whether it is a content word (only content words have the WordNet fields)
   * @param usage {@link Synonyms#usage}, null when WordNet does not know it
   * @param odd much rarer than the usual word of its sense, {@code usual}, which is no spelling variant of it
   * @param outranked whether a WordNet synonym outranks it ({@link #outranking})
   * @param row its vector row, -1 when the vectors do not know it
   * @param alternatives its WordNet alternatives that have vectors (empty when it has no row)
   * @param bases {@link Synonyms#bases}
   * @param phrases the reference's set phrases of its base forms, read when first needed
   */
  private record Word(int id, int count, double log2Count, boolean content, int[] usage, boolean odd, String usual,
      boolean outranked, int row, Alternatives alternatives, List<String> bases, Phrases phrases) {}

  /**
   * A word's {@link Collocates} per base form, after it and before it, found when a pair first needs
   * them (their WordNet keys are what costs when a word is first seen, and most words never need them).
   */
  private static final class Phrases {
    volatile Collocates[] after;
    volatile Collocates[] before;
    volatile long[] near;
  }

  /**
   * {@link Synonyms#near} of the word, read when first needed. {@code Synonyms.related(x, w)} is
   * {@code meets(near(x), synsetKeys(w))}; WordNet's part-whole and similar-to pointers all come in
   * reciprocal pairs (checked over all 39,656 of them in WordNet 3.1, see {@code RewriteDetectorTest}),
   * so that is {@code meets(near(w), synsetKeys(x))}: the collocates are indexed by their own synsets,
   * which are far cheaper to read than their neighbourhoods, and one neighbourhood is read per word.
   */
  private static long[] near(Word w) {
    long[] n = w.phrases().near;
    if (n == null) {
      n = Synonyms.near(w.bases().get(0));
      w.phrases().near = n;
    }
    return n;
  }

  /** The word's {@link Collocates} per base form, the words after it ({@code after}) or before it. */
  private Collocates[] phrases(Word w, boolean after) {
    Collocates[] c = after ? w.phrases().after : w.phrases().before;
    if (c == null) {
      c = collocates(w.bases(), after);
      if (after) {
        w.phrases().after = c;
      } else {
        w.phrases().before = c;
      }
    }
    return c;
  }

  /**
   * The reference's set phrases that start (or end) with one base form: the other words and their
   * reference counts, in the reference's order, and an index of their {@link Synonyms#synsetKeys}.
   */
  private static final class Collocates {
    final List<String> words;
    final int[] counts;
    private final long[] keys; // every synset key of every word, sorted, then by word
    private final int[] owners; // the word of each key

    /** @param synsets each word's {@link Synonyms#synsetKeys} */
    Collocates(List<String> words, int[] counts, long[][] synsets) {
      this.words = words;
      this.counts = counts;
      int n = 0;
      for (long[] k : synsets) {
        n += k.length;
      }
      long[] packed = new long[n];
      int[] owner = new int[n];
      Integer[] order = new Integer[n];
      int p = 0;
      for (int w = 0; w < synsets.length; w++) {
        for (long k : synsets[w]) {
          packed[p] = k;
          owner[p] = w;
          order[p] = p++;
        }
      }
      java.util.Arrays.sort(order, (x, y) -> packed[x] != packed[y] ? Long.compare(packed[x], packed[y]) : Integer.compare(owner[x], owner[y]));
      this.keys = new long[n];
      this.owners = new int[n];
      for (int i = 0; i < n; i++) {
        keys[i] = packed[order[i]];
        owners[i] = owner[order[i]];
      }
    }

    /**
     * The words with a synset among {@code near} (sorted; {@code Synonyms.meets(near,
     * synsetKeys(word))}), as ascending indices.
     */
    int[] meeting(long[] near) {
      int[] out = new int[8];
      int n = 0;
      for (long key : near) {
        int i = java.util.Arrays.binarySearch(keys, key);
        if (i < 0) {
          continue;
        }
        while (i > 0 && keys[i - 1] == key) {
          i--;
        }
        for (; i < keys.length && keys[i] == key; i++) {
          if (n == out.length) {
            out = java.util.Arrays.copyOf(out, 2 * n);
          }
          out[n++] = owners[i];
        }
      }
      if (n == 0) {
        return NO_WORDS;
      }
      int[] sorted = java.util.Arrays.copyOf(out, n);
      java.util.Arrays.sort(sorted);
      int m = 1;
      for (int i = 1; i < n; i++) {
        if (sorted[i] != sorted[m - 1]) {
          sorted[m++] = sorted[i];
        }
      }
      return m == n ? sorted : java.util.Arrays.copyOf(sorted, m);
    }
  }

  private static final int[] NO_WORDS = new int[0];

  /** Collocates per base form, shared by the words of that base (the lists are the reference's, so bounded). */
  private final Map<String, Collocates> collocatesAfter = new java.util.concurrent.ConcurrentHashMap<>();
  private final Map<String, Collocates> collocatesBefore = new java.util.concurrent.ConcurrentHashMap<>();

  /** The collocates of each base (null where it has none). */
  private Collocates[] collocates(List<String> bases, boolean after) {
    Collocates[] out = new Collocates[bases.size()];
    for (int k = 0; k < out.length; k++) {
      String base = bases.get(k);
      List<String> xs = after ? fluency.collocatesAfter(base) : fluency.collocatesBefore(base);
      if (!xs.isEmpty()) {
        out[k] = (after ? collocatesAfter : collocatesBefore).computeIfAbsent(base,
            b -> new Collocates(xs, after ? fluency.collocateCountsAfter(b) : fluency.collocateCountsBefore(b), synsetsOf(xs)));
      }
    }
    return out;
  }

  /** Most word forms kept in {@link #lexicon}; a form met beyond that is looked up every time it is met. */
  static final int LEXICON_LIMIT = 250_000;

  private final Map<String, Word> lexicon = new java.util.concurrent.ConcurrentHashMap<>();

  /** The {@link Word} of a case-folded form; cached per detector, up to {@link #LEXICON_LIMIT} forms. */
  private Word word(String f) {
    Word w = lexicon.get(f);
    if (w == null) {
      w = lookUp(f);
      if (lexicon.size() < LEXICON_LIMIT) {
        lexicon.putIfAbsent(f, w);
      }
    }
    return w;
  }

  private Word lookUp(String f) {
    int count = fluency.count(f);
    int id = fluency.id(f);
    double log2 = Math.log(count + 1) / Math.log(2);
    int row = vectors.row(f);
    List<String> bases = Synonyms.bases(f);
    if (!content(f)) {
      return new Word(id, count, log2, false, null, false, null, false, row, NO_ALTERNATIVES, bases, new Phrases());
    }
    int[] u = Synonyms.usage(f);
    String usual = Synonyms.usual(f);
    boolean odd = u != null && u[1] >= MIN_BEST && (long) u[0] * RATIO < u[1] && !spellingVariant(f, usual);
    List<String> alternatives = Synonyms.alternatives(f);
    boolean outranked = u != null && outranking(f, count, alternatives) != null;
    Alternatives alts = NO_ALTERNATIVES;
    if (row >= 0) {
      String[] words = alternatives.stream().filter(a -> a.indexOf(' ') < 0 && vectors.row(a) >= 0).toArray(String[]::new);
      alts = new Alternatives(words, java.util.Arrays.stream(words).mapToInt(vectors::row).toArray());
    }
    return new Word(id, count, log2, true, u, odd, usual, outranked, row, alts, bases, new Phrases());
  }

  private static final java.util.Set<String> WEEKDAYS = java.util.Set.of("monday", "tuesday", "wednesday", "thursday", "friday",
      "saturday", "sunday");
  private static final java.util.Set<String> ODD_BEFORE_DAY = java.util.Set.of("at", "in", "of", "the");

  /** The WordNet synonym of {@code f} at least ten times more common in the reference (and seen 50 times), or null. */
  private String outranking(String f, int cf, List<String> alternatives) {
    String better = null;
    for (String alt : alternatives) {
      int ca = fluency.count(alt);
      if (ca >= 50 && ca >= 10L * (cf + 1) && (better == null || ca > fluency.count(better)) && !spellingVariant(f, alt)) {
        better = alt;
      }
    }
    return better;
  }

  /**
   * Whether two words are spellings of one word ("cheque" and "check", "colour" and "color", "grey"
   * and "gray"): a writer's regional spelling is no spinner's synonym. The same first three letters
   * and at most three edits apart.
   */
  static boolean spellingVariant(String a, String b) {
    if (b == null || a.length() < 4 || b.length() < 4 || !a.regionMatches(0, b, 0, 3)) {
      return false;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()] <= 3;
  }

  private static double share(int a, int b) {
    return b == 0 ? 0 : (double) a / b;
  }

  private static boolean content(String f) {
    return f.length() >= 3 && Character.isLetter(f.charAt(0)) && !Terms.STOP_WORDS.contains(f)
        && !Fluency.FUNCTION_WORDS.contains(f);
  }

  private static boolean onlySpaces(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (text.charAt(i) != ' ') {
        return false;
      }
    }
    return to > from;
  }

  /**
   * The set phrase two adjacent words were likely made from, or null: "a b" is no WordNet two-word
   * lemma, but "a x" (or "x b") is, x is a WordNet neighbour of b (of a) and more common in the
   * reference than the word it would replace (spinners pick the rarer word). Returned in the text's
   * inflection of the kept word and the phrase's base form of the restored one.
   */
  String restoreCollocation(String a, String b) {
    return restoreCollocation(a, word(a), b, word(b), fluency.count(a, b));
  }

  /** {@link #restoreCollocation(String, String)} given the two words' entries and the pair's reference count. */
  private String restoreCollocation(String a, Word wa, String b, Word wb, int pairCount) {
    if (pairCount > 0) { // a pair the reference uses is no broken phrase (checked first: no WordNet needed)
      return null;
    }
    List<String> as = wa.bases();
    List<String> bs = wb.bases();
    for (String ba : as) {
      for (String bb : bs) {
        if (fluency.collocation(ba, bb)) {
          return null;
        }
      }
    }
    // "a x" is a phrase, x a neighbour of b (Synonyms.related(x, b), by cached arrays) and more common
    Collocates[] after = phrases(wa, true);
    for (int m = 0; m < after.length; m++) {
      Collocates c = after[m];
      for (int k : c == null ? NO_WORDS : c.meeting(near(wb))) {
        if (c.counts[k] > wb.count()) {
          String x = c.words.get(k);
          if (!bs.contains(x) && !x.equalsIgnoreCase(b) && !pluralModifier(a, as.get(m), x)) {
            return a + " " + inflect(b, x);
          }
        }
      }
    }
    Collocates[] before = phrases(wb, false);
    for (int m = 0; m < before.length; m++) {
      Collocates c = before[m];
      for (int k : c == null ? NO_WORDS : c.meeting(near(wa))) {
        if (c.counts[k] > wa.count()) {
          String x = c.words.get(k);
          if (!as.contains(x) && !x.equalsIgnoreCase(a)) {
            return inflect(a, x) + " " + b;
          }
        }
      }
    }
    return null;
  }

  private static long[][] synsetsOf(List<String> words) {
    long[][] out = new long[words.size()][];
    for (int k = 0; k < out.length; k++) {
      out[k] = Synonyms.synsetKeys(words.get(k));
    }
    return out;
  }

  /** The base form {@code base} given the plural or past ending of {@code like}, crudely. */
  private static String inflect(String like, String base) {
    if (like.endsWith("s") && !like.endsWith("ss") && !base.endsWith("s")) {
      return base + "s";
    }
    return base;
  }

  private static String likeCase(String original, String replacement) {
    return !original.isEmpty() && Character.isUpperCase(original.charAt(0))
        ? Character.toUpperCase(replacement.charAt(0)) + replacement.substring(1) : replacement;
  }

  /**
   * A multinomial logistic model over standardized {@link #FEATURES}, with a probability threshold
   * per rewrite kind. Immutable.
   */
  public static final class Model {
    private final double[] mean;
    private final double[] sd;
    private final double[][] weights; // [kind][1 + feature], [k][0] the bias
    private final double[] thresholds;
    private final Map<String, Double> contrast;
    private final SparseRows contrastByTrigram; // row key(0, a, b), column c

    /**
     * @param contrast log-odds of word-class trigrams ({@link Fluency#classes}) between round-trip
     *     output and originals, for {@code mt_contrast}
     */
    public Model(double[] mean, double[] sd, double[][] weights, double[] thresholds, Map<String, Double> contrast) {
      if (mean.length != FEATURES.size() || sd.length != FEATURES.size() || weights.length != KINDS.size()
          || thresholds.length != KINDS.size()) {
        throw new IllegalArgumentException("model shape does not match " + FEATURES.size() + " features and " + KINDS.size() + " kinds");
      }
      this.mean = mean.clone();
      this.sd = sd.clone();
      this.weights = new double[weights.length][];
      for (int k = 0; k < weights.length; k++) {
        if (weights[k].length != FEATURES.size() + 1) {
          throw new IllegalArgumentException("kind " + k + " has " + weights[k].length + " weights");
        }
        this.weights[k] = weights[k].clone();
      }
      this.thresholds = thresholds.clone();
      this.contrast = Map.copyOf(contrast);
      int[] contexts = new int[contrast.size()];
      int[] next = new int[contrast.size()];
      double[] values = new double[contrast.size()];
      int n = 0;
      for (Map.Entry<String, Double> e : contrast.entrySet()) {
        long k = Fluency.key(e.getKey());
        if (k < 0) {
          throw new IllegalArgumentException("contrast key '" + e.getKey() + "' is not a trigram of word classes");
        }
        contexts[n] = (int) (k / Fluency.V);
        next[n] = (int) (k % Fluency.V);
        values[n++] = e.getValue();
      }
      this.contrastByTrigram = new SparseRows(Fluency.V * Fluency.V, contexts, next, SparseRows.bits(values));
    }

    private static final class Holder {
      static final Model SHIPPED = load();
    }

    public static Model shipped() {
      return Holder.SHIPPED;
    }

    private static Model load() {
      try (InputStream in = RewriteDetector.class.getResourceAsStream(MODEL)) {
        if (in == null) {
          throw new IllegalStateException("rewrite model " + MODEL + " missing from the class path (a build error)");
        }
        return read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("rewrite model " + MODEL + " could not be read", e);
      }
    }

    /** The {@code mt_contrast} log-odds of the class trigram {@code a b c}, 0 when the model has none. */
    double contrast(int a, int b, int c) {
      return contrastByTrigram.getDouble(a * Fluency.V + b, c, 0);
    }

    /** Standardizes, then softmax. */
    public double[] probabilities(double[] x) {
      double[] z = new double[KINDS.size()];
      double max = Double.NEGATIVE_INFINITY;
      for (int k = 0; k < z.length; k++) {
        double s = weights[k][0];
        for (int i = 0; i < x.length; i++) {
          s += weights[k][i + 1] * (x[i] - mean[i]) / sd[i];
        }
        z[k] = s;
        max = Math.max(max, s);
      }
      double sum = 0;
      for (int k = 0; k < z.length; k++) {
        z[k] = Math.exp(z[k] - max);
        sum += z[k];
      }
      for (int k = 0; k < z.length; k++) {
        z[k] /= sum;
      }
      return z;
    }

    /** Threshold on a kind's probability; for {@code original} (0), on the probability of not being original. */
    public double threshold(int kind) {
      return thresholds[kind];
    }

    /** The model in its resource format (tab-separated lines; the trainer writes it). */
    public String write(String header) {
      StringBuilder sb = new StringBuilder();
      for (String h : header.split("\n")) {
        sb.append("# ").append(h).append('\n');
      }
      for (int i = 0; i < FEATURES.size(); i++) {
        sb.append("feature\t").append(FEATURES.get(i)).append('\t').append(num(mean[i])).append('\t').append(num(sd[i])).append('\n');
      }
      for (int k = 0; k < KINDS.size(); k++) {
        sb.append("weight\t").append(KINDS.get(k)).append("\tbias\t").append(num(weights[k][0])).append('\n');
        for (int i = 0; i < FEATURES.size(); i++) {
          sb.append("weight\t").append(KINDS.get(k)).append('\t').append(FEATURES.get(i)).append('\t')
              .append(num(weights[k][i + 1])).append('\n');
        }
      }
      for (int k = 0; k < KINDS.size(); k++) {
        sb.append("threshold\t").append(KINDS.get(k)).append('\t').append(num(thresholds[k])).append('\n');
      }
      for (Map.Entry<String, Double> e : new TreeMap<>(contrast).entrySet()) {
        sb.append("contrast\t").append(e.getKey()).append('\t').append(num(e.getValue())).append('\n');
      }
      return sb.toString();
    }

    private static String num(double v) {
      return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Reads {@link #write}'s format. */
    public static Model read(InputStream in) throws IOException {
      double[] mean = new double[FEATURES.size()];
      double[] sd = new double[FEATURES.size()];
      double[][] w = new double[KINDS.size()][FEATURES.size() + 1];
      double[] th = new double[KINDS.size()];
      Map<String, Double> contrast = new java.util.HashMap<>();
      Map<String, Boolean> seen = new LinkedHashMap<>();
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      String line;
      int no = 0;
      while ((line = r.readLine()) != null) {
        no++;
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        try {
          switch (f[0]) {
            case "feature" -> {
              int i = index(FEATURES, f[1], no);
              mean[i] = Double.parseDouble(f[2]);
              sd[i] = Double.parseDouble(f[3]);
            }
            case "weight" -> {
              int k = index(KINDS, f[1], no);
              int i = f[2].equals("bias") ? 0 : index(FEATURES, f[2], no) + 1;
              w[k][i] = Double.parseDouble(f[3]);
            }
            case "threshold" -> th[index(KINDS, f[1], no)] = Double.parseDouble(f[2]);
            case "contrast" -> {
              contrast.put(f[1], Double.parseDouble(f[2]));
              continue;
            }
            default -> throw new IOException("rewrite model line " + no + ": unknown entry '" + f[0] + "'");
          }
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
          throw new IOException("rewrite model line " + no + ": " + e.getMessage(), e);
        }
        seen.put(f[0] + "\t" + f[1] + (f[0].equals("weight") ? "\t" + f[2] : ""), true);
      }
      int expected = FEATURES.size() + KINDS.size() * (FEATURES.size() + 1) + KINDS.size();
      if (seen.size() != expected) {
        throw new IOException("rewrite model has " + seen.size() + " entries, expected " + expected);
      }
      for (int i = 0; i < sd.length; i++) {
        if (!(sd[i] > 0)) {
          throw new IOException("rewrite model: feature " + FEATURES.get(i) + " has no spread");
        }
      }
      return new Model(mean, sd, w, th, contrast);
    }

    private static int index(List<String> names, String name, int line) throws IOException {
      int i = names.indexOf(name);
      if (i < 0) {
        throw new IOException("rewrite model line " + line + ": unknown name '" + name + "'");
      }
      return i;
    }
  }
}
