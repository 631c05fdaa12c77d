package io.wiretrace.reuse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reference statistics of plain English, for judging how a text reads on its own: word counts,
 * adjacent word-pair counts, WordNet's two-word lemmas (collocations such as "shake hands",
 * "foreign minister") and a trigram model over <em>word classes</em> (function words as themselves,
 * every other word reduced to its shape: capitalized, number, or an open-class word with its
 * suffix), which scores the grammar of a sentence independently of its topic.
 *
 * <p>The tables ship in the jar ({@code fluency-en.tsv.gz}); they were counted by {@code wiretrace
 * eval rewrite --train} from WordNet 3.1's glosses and example sentences, MEANTIME (Wikinews) and
 * wikigold (Wikipedia), all under licences that allow shipping (see NOTICE). Nothing is downloaded.
 * Immutable and thread-safe once loaded.
 */
public final class Fluency {
  /** The resource the tables are read from, next to this class. */
  public static final String RESOURCE = "fluency-en.tsv.gz";

  /** Closed-class words kept as themselves by {@link #classes}. */
  public static final Set<String> FUNCTION_WORDS = Set.of(
      "a", "an", "the", "this", "that", "these", "those", "some", "any", "no", "every", "each", "all", "both",
      "either", "neither", "such", "other", "another", "more", "most", "much", "many", "few", "less", "least",
      "of", "in", "on", "at", "to", "for", "from", "by", "with", "about", "into", "onto", "over", "under", "after",
      "before", "during", "since", "until", "through", "between", "among", "against", "without", "within",
      "across", "around", "behind", "beyond", "near", "toward", "towards", "upon", "despite", "via", "per", "amid",
      "along", "above", "below", "off", "out", "up", "down", "than", "as", "like",
      "and", "or", "but", "nor", "so", "yet", "if", "because", "although", "though", "while", "whether", "unless",
      "when", "where", "why", "how", "what", "which", "who", "whom", "whose", "there", "here", "then", "also",
      "not", "only", "even", "just", "very", "too", "again", "still", "already", "ever", "never",
      "i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her", "it", "its", "they",
      "them", "their", "himself", "herself", "itself", "themselves", "one",
      "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "having", "do", "does", "did",
      "will", "would", "shall", "should", "can", "could", "may", "might", "must",
      "said", "says", "say", "told", "according");

  /** Every word class {@link #classes} can produce, in a fixed order (their ids). */
  public static final List<String> CLASS_NAMES;
  private static final Map<String, Integer> CLASS_ID = new HashMap<>();

  static {
    List<String> names = new ArrayList<>(List.of("<s>", "</s>", "#", "C", ",", ";", ":", "\"", "(", ")", "w", "w-ly", "w-ing",
        "w-ed", "w-s"));
    names.addAll(new java.util.TreeSet<>(FUNCTION_WORDS));
    CLASS_NAMES = List.copyOf(names);
    for (int i = 0; i < CLASS_NAMES.size(); i++) {
      CLASS_ID.put(CLASS_NAMES.get(i), i);
    }
  }

  /** Number of word classes. */
  public static final int V = CLASS_NAMES.size();

  /** The id of a class name, or -1. */
  public static int classId(String name) {
    return CLASS_ID.getOrDefault(name, -1);
  }

  /** Key of a class trigram by ids. */
  public static long key(int a, int b, int c) {
    return ((long) a * V + b) * V + c;
  }

  /** Key of a class trigram written as three space-separated names, or -1 if a name is not a class. */
  public static long key(String trigram) {
    String[] c = trigram.split(" ");
    if (c.length != 3) {
      return -1;
    }
    int a = classId(c[0]);
    int b = classId(c[1]);
    int d = classId(c[2]);
    return a < 0 || b < 0 || d < 0 ? -1 : key(a, b, d);
  }

  private static final class Holder {
    static final Fluency TABLES = load();
  }

  /** The shipped tables (loaded once, about 0.3 s). */
  public static Fluency shipped() {
    return Holder.TABLES;
  }

  private final Map<String, Integer> words;
  private final Map<String, Set<String>> collocationsByFirst;
  private final Map<String, Set<String>> collocationsBySecond;
  private final Map<String, List<String>> sortedAfter = new HashMap<>();
  private final Map<String, List<String>> sortedBefore = new HashMap<>();
  private final Map<String, int[]> countsAfter = new HashMap<>(); // count() of each of sortedAfter's words
  private final Map<String, int[]> countsBefore = new HashMap<>();
  private final int trigramCount;
  private final SparseRows trigrams; // row key(0, a, b), column c
  private final int[] bigrams = new int[V * V];
  private final int[] unigrams = new int[V];
  private final int[] contexts2 = new int[V * V]; // by key(0, a, b)
  private final int[] followers2 = new int[V * V];
  private final Map<String, Integer> ids = new HashMap<>(); // every word of the word and pair tables
  private final SparseRows pairsById; // row id(first), column id(second)
  private final int[] contexts1 = new int[V];
  private final int[] followers1 = new int[V];
  private final long classTokens;
  private final int classVocabulary;

  private Fluency(Map<String, Integer> words, Map<String, Integer> pairs, Set<String> collocations, Map<String, Integer> trigrams) {
    this.words = words;
    this.collocationsByFirst = new HashMap<>();
    this.collocationsBySecond = new HashMap<>();
    for (String c : collocations) {
      int sp = c.indexOf(' ');
      collocationsByFirst.computeIfAbsent(c.substring(0, sp), k -> new HashSet<>()).add(c.substring(sp + 1));
      collocationsBySecond.computeIfAbsent(c.substring(sp + 1), k -> new HashSet<>()).add(c.substring(0, sp));
    }
    collocationsByFirst.forEach((k, v) -> sortedAfter.put(k, v.stream().sorted().toList()));
    collocationsBySecond.forEach((k, v) -> sortedBefore.put(k, v.stream().sorted().toList()));
    sortedAfter.forEach((k, v) -> countsAfter.put(k, v.stream().mapToInt(this::count).toArray()));
    sortedBefore.forEach((k, v) -> countsBefore.put(k, v.stream().mapToInt(this::count).toArray()));
    for (String w : words.keySet()) { // ids are internal: their order changes no answer
      ids.put(w, ids.size());
    }
    int[] pairFirst = new int[pairs.size()];
    int[] pairSecond = new int[pairs.size()];
    long[] pairCounts = new long[pairs.size()];
    int np = 0;
    for (Map.Entry<String, Integer> e : pairs.entrySet()) {
      int sp = e.getKey().indexOf(' ');
      if (sp < 0) {
        throw new IllegalArgumentException("fluency tables: pair '" + e.getKey() + "' is not two words");
      }
      int a = ids.computeIfAbsent(e.getKey().substring(0, sp), k -> ids.size());
      int b = ids.computeIfAbsent(e.getKey().substring(sp + 1), k -> ids.size());
      pairFirst[np] = a;
      pairSecond[np] = b;
      pairCounts[np++] = e.getValue();
    }
    this.pairsById = new SparseRows(ids.size(), pairFirst, pairSecond, pairCounts);
    int[] triContext = new int[trigrams.size()];
    int[] triNext = new int[trigrams.size()];
    long[] triCounts = new long[trigrams.size()];
    int nt = 0;
    long total = 0;
    for (Map.Entry<String, Integer> e : trigrams.entrySet()) {
      long k = key(e.getKey());
      if (k < 0) {
        throw new IllegalArgumentException("fluency tables: '" + e.getKey() + "' is not a trigram of word classes");
      }
      int n = e.getValue();
      int c = (int) (k % V);
      int bb = (int) (k / V % V);
      int aa = (int) (k / V / V);
      triContext[nt] = aa * V + bb;
      triNext[nt] = c;
      triCounts[nt++] = n;
      contexts2[aa * V + bb] += n;
      followers2[aa * V + bb]++;
      if (bigrams[bb * V + c] == 0) {
        followers1[bb]++;
      }
      bigrams[bb * V + c] += n;
      contexts1[bb] += n;
      unigrams[c] += n;
      total += n;
    }
    this.trigrams = new SparseRows(V * V, triContext, triNext, triCounts);
    this.trigramCount = nt;
    this.classTokens = total;
    this.classVocabulary = V + 1;
  }

  /** Builds tables from counts (the trainer's path; tests use it for small hand-made tables). */
  public static Fluency of(Map<String, Integer> words, Map<String, Integer> pairs, Set<String> collocations, Map<String, Integer> trigrams) {
    return new Fluency(Map.copyOf(words), Map.copyOf(pairs), Set.copyOf(collocations), Map.copyOf(trigrams));
  }

  private static Fluency load() {
    try (InputStream raw = Fluency.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("fluency tables " + RESOURCE + " missing from the class path (a build error)");
      }
      return read(new GZIPInputStream(raw));
    } catch (IOException e) {
      throw new UncheckedIOException("fluency tables " + RESOURCE + " could not be read", e);
    }
  }

  /** Reads tables in the shipped format: lines {@code W|P|C|T <TAB> key <TAB> count}, {@code #} comments. */
  public static Fluency read(InputStream in) throws IOException {
    Map<String, Integer> w = new HashMap<>();
    Map<String, Integer> p = new HashMap<>();
    Set<String> c = new HashSet<>();
    Map<String, Integer> t = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int no = 0;
    while ((line = r.readLine()) != null) {
      no++;
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      if (f.length != 3) {
        throw new IOException("fluency tables line " + no + ": expected 3 tab-separated fields, got " + f.length);
      }
      int n = Integer.parseInt(f[2]);
      switch (f[0]) {
        case "W" -> w.put(f[1], n);
        case "P" -> p.put(f[1], n);
        case "C" -> c.add(f[1]);
        case "T" -> t.put(f[1], n);
        default -> throw new IOException("fluency tables line " + no + ": unknown table '" + f[0] + "'");
      }
    }
    return new Fluency(w, p, c, t);
  }

  /** Reference count of a case-folded word (0 when unseen). */
  public int count(String word) {
    return words.getOrDefault(word, 0);
  }

  /** Reference count of two adjacent case-folded words (0 when unseen or below the shipped cut-off). */
  public int count(String first, String second) {
    return count(id(first), id(second));
  }

  /**
   * A dense id for a case-folded word of the reference tables (their words and the words of their
   * pairs), or -1: {@link #count(int, int)} takes ids, so a caller that meets a word many times looks
   * it up once.
   */
  public int id(String word) {
    Integer id = ids.get(word);
    return id == null ? -1 : id;
  }

  /** {@link #count(String, String)} by {@link #id}s (0 when either is -1). */
  public int count(int first, int second) {
    return first < 0 || second < 0 ? 0 : (int) pairsById.get(first, second, 0);
  }

  /** Second words that form a WordNet two-word lemma after {@code first} (a base form), sorted. */
  public List<String> collocatesAfter(String first) {
    return sortedAfter.getOrDefault(first, List.of());
  }

  /** First words that form a WordNet two-word lemma before {@code second} (a base form), sorted. */
  public List<String> collocatesBefore(String second) {
    return sortedBefore.getOrDefault(second, List.of());
  }

  /** {@link #count(String)} of each of {@link #collocatesAfter}'s words, in the same order. */
  public int[] collocateCountsAfter(String first) {
    return countsAfter.getOrDefault(first, NO_COUNTS);
  }

  /** {@link #count(String)} of each of {@link #collocatesBefore}'s words, in the same order. */
  public int[] collocateCountsBefore(String second) {
    return countsBefore.getOrDefault(second, NO_COUNTS);
  }

  private static final int[] NO_COUNTS = new int[0];

  /** True if "first second" (base forms) is a WordNet two-word lemma. */
  public boolean collocation(String first, String second) {
    Set<String> after = collocationsByFirst.get(first);
    return after != null && after.contains(second);
  }

  /**
   * Log2 probability of class {@code c} after {@code a b}: interpolated absolute discounting
   * (D = 0.75) down to an add-one unigram, so unseen sequences are possible but costly.
   */
  public double logProb(String a, String b, String c) {
    return logProb(classId(a), classId(b), classId(c));
  }

  /** {@link #logProb(String, String, String)} by class ids. */
  public double logProb(int a, int b, int c) {
    double pUni = (unigrams[c] + 1.0) / (classTokens + classVocabulary);
    double pBi = interpolate(contexts1[b], bigrams[b * V + c], pUni, followers1[b]);
    int ctx = a * V + b;
    int n2 = contexts2[ctx];
    double pTri = n2 == 0 ? pBi : interpolate(n2, (int) trigrams.get(ctx, c, 0), pBi, followers2[ctx]);
    return Math.log(pTri) * INV_LN2;
  }

  private static final double INV_LN2 = 1 / Math.log(2);
  private static final double D = 0.75;

  private static double interpolate(int context, int joint, double lower, int distinct) {
    if (context == 0) {
      return lower;
    }
    double lambda = D * distinct / context;
    return Math.max(joint - D, 0) / context + lambda * lower;
  }

  /**
   * The word-class sequence of one sentence's tokens (raw word forms, in order), with sentence
   * start and end markers {@code <s>} and {@code </s>}: function words as themselves (case-folded),
   * {@code #} for numbers, {@code C} for a capitalized word that does not open the sentence,
   * {@code ,} for a comma, and {@code w}, {@code w-ly}, {@code w-ing}, {@code w-ed}, {@code w-s} for
   * the other words by their ending.
   */
  public static List<String> classes(List<String> rawTokens) {
    List<String> out = new ArrayList<>(rawTokens.size() + 3);
    out.add("<s>");
    out.add("<s>");
    for (int i = 0; i < rawTokens.size(); i++) {
      out.add(wordClass(rawTokens.get(i), i == 0 || rawTokens.get(i - 1).equals(":") || rawTokens.get(i - 1).equals("\"")));
    }
    out.add("</s>");
    return out;
  }

  /** {@link #classes} as class ids (the same classes, without building their names). */
  public static int[] classIds(List<String> rawTokens) {
    int[] out = new int[rawTokens.size() + 3];
    out[0] = START;
    out[1] = START;
    for (int i = 0; i < rawTokens.size(); i++) {
      out[i + 2] = wordClassId(rawTokens.get(i), i == 0 || rawTokens.get(i - 1).equals(":") || rawTokens.get(i - 1).equals("\""));
    }
    out[out.length - 1] = END;
    return out;
  }

  private static final int START = classId("<s>");
  private static final int END = classId("</s>");
  private static final int NUMBER = classId("#");
  private static final int CAPITALIZED = classId("C");
  private static final int[] BY_ENDING = {classId("w"), classId("w-ly"), classId("w-ing"), classId("w-ed"), classId("w-s")};

  /** {@link #wordClass}'s id. */
  static int wordClassId(String raw, boolean sentenceInitial) {
    if (raw.length() == 1) {
      char ch = raw.charAt(0);
      if (ch == ',' || ch == ';' || ch == ':' || ch == '"' || ch == '(' || ch == ')') {
        return CLASS_ID.get(raw);
      }
    }
    char first = raw.charAt(0);
    if (Character.isDigit(first)) {
      return NUMBER;
    }
    String lower = raw.toLowerCase(Locale.ROOT);
    Integer function = FUNCTION_WORDS.contains(lower) ? CLASS_ID.get(lower) : null;
    if (function != null) {
      return sentenceInitial || !Character.isUpperCase(first) ? function : CAPITALIZED;
    }
    if (Character.isUpperCase(first) && !sentenceInitial) {
      return CAPITALIZED;
    }
    return BY_ENDING[ending(lower)];
  }

  /** 0 for {@code w}, then {@code w-ly}, {@code w-ing}, {@code w-ed}, {@code w-s}. */
  private static int ending(String lower) {
    if (lower.endsWith("ly") && lower.length() > 4) {
      return 1;
    }
    if (lower.endsWith("ing") && lower.length() > 5) {
      return 2;
    }
    if (lower.endsWith("ed") && lower.length() > 4) {
      return 3;
    }
    if (lower.endsWith("s") && !lower.endsWith("ss") && lower.length() > 3) {
      return 4;
    }
    return 0;
  }

  static String wordClass(String raw, boolean sentenceInitial) {
    return CLASS_NAMES.get(wordClassId(raw, sentenceInitial));
  }

  /**
   * Splits text into sentences of raw tokens for {@link #classes}: words (letters, digits, inner
   * apostrophes and hyphens) and the punctuation marks the classes keep; a sentence ends at
   * {@code . ! ?} or a line break.
   */
  public static List<List<String>> sentences(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> cur = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char ch = text.charAt(i);
      if (Character.isLetterOrDigit(ch)) {
        int s = i;
        while (i < n) {
          char c = text.charAt(i);
          if (Character.isLetterOrDigit(c)) {
            i++;
          } else if ((c == '\'' || c == '\u2019' || c == '-' || c == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1))
              && Character.isDigit(text.charAt(i - 1))) && i + 1 < n && Character.isLetterOrDigit(text.charAt(i + 1))) {
            i++;
          } else {
            break;
          }
        }
        cur.add(text.substring(s, i).replace('\u2019', '\''));
        continue;
      }
      if (ch == '.' || ch == '!' || ch == '?' || ch == '\n') {
        if (!cur.isEmpty()) {
          out.add(cur);
          cur = new ArrayList<>();
        }
      } else if (ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')') {
        if (!cur.isEmpty()) {
          cur.add(String.valueOf(ch));
        }
      } else if (ch == '"' || ch == '\u201c' || ch == '\u201d') {
        cur.add("\"");
      }
      i++;
    }
    if (!cur.isEmpty()) {
      out.add(cur);
    }
    return out;
  }

  /** Number of entries per table, for the trainer's report: words, pairs, collocations, class trigrams. */
  public int[] sizes() {
    int colls = collocationsByFirst.values().stream().mapToInt(Set::size).sum();
    return new int[] {words.size(), pairsById.size(), colls, trigramCount};
  }
}
