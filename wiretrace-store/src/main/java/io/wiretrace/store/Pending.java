package io.wiretrace.store;

import io.wiretrace.reuse.CopyDetector;
import io.wiretrace.reuse.Fingerprint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the store wrote since its searcher was last refreshed, kept in memory in the form the
 * index holds it, so that the next article is linked and placed exactly as if every earlier write
 * were visible. Refreshing the searcher after each article (an NRT reopen) flushed a segment of a
 * few documents per article and fed merges with them: two thirds of the store's cost per article.
 * Reads during placement ask the searcher and then this overlay; a refresh empties it.
 *
 * <p>Values are kept as they come back from the index (edges and story states through their
 * stored encodings) so a placement reads the same numbers either way. Not thread-safe: the store
 * serializes writes.
 */
final class Pending {
  /** An article written since the refresh, as its stored document holds it. */
  record Article(String json, String story, String storyline, List<String> kinds, String via, double sim,
      List<String> why, long seq, boolean isNew, boolean storedWasCopy) {}

  final Map<String, Article> articles = new HashMap<>();
  /** Fingerprints of the new articles (candidates are verified against them). */
  final Map<String, Fingerprint> fingerprints = new HashMap<>();
  /** New articles by LSH band key and by kept sampled shingle, in write order. */
  final Map<String, List<String>> lsh = new HashMap<>();
  final Map<String, List<String>> samples = new HashMap<>();
  /** Document-frequency increments of the story terms and key terms. */
  final Map<String, Integer> terms = new HashMap<>();
  final Map<String, Integer> keys = new HashMap<>();
  /** Edges written, by each of their two articles. */
  final Map<String, List<CopyDetector.Edge>> edges = new HashMap<>();
  /** The relation lines stored for a copy (original → JSON), replacing what the searcher holds. */
  final Map<String, Map<String, String>> relations = new HashMap<>();
  /** Story records written, and the index keys of each (what a candidate query matches). */
  final Map<String, Store.StoryRecord> stories = new HashMap<>();
  final Map<String, List<String>> storyKeys = new HashMap<>();
  /** Stories whose record changed since the refresh and is not yet written to the index (in id order). */
  final java.util.TreeSet<String> dirtyStories = new java.util.TreeSet<>();
  /** Written stories by index key. */
  final Map<String, java.util.Set<String>> storiesByKey = new HashMap<>();

  void putStory(Store.StoryRecord r) {
    for (String k : storyKeys.getOrDefault(r.id(), List.of())) {
      storiesByKey.get(k).remove(r.id());
    }
    List<String> keys = r.state().indexKeys();
    stories.put(r.id(), r);
    storyKeys.put(r.id(), keys);
    for (String k : keys) {
      storiesByKey.computeIfAbsent(k, x -> new java.util.HashSet<>()).add(r.id());
    }
  }

  /** Written stories holding any of {@code keys}. */
  java.util.Set<String> storiesWithAny(List<String> keys) {
    java.util.Set<String> out = new java.util.HashSet<>();
    for (String k : keys) {
      out.addAll(storiesByKey.getOrDefault(k, java.util.Set.of()));
    }
    return out;
  }

  int newArticles() {
    return fingerprints.size();
  }

  void addKeys(String id, long[] bands, List<String> kept, List<String> profileTerms, List<String> profileKeys) {
    for (long b : bands) {
      lsh.computeIfAbsent(Store.hex(b), k -> new ArrayList<>()).add(id);
    }
    for (String s : kept) {
      samples.computeIfAbsent(s, k -> new ArrayList<>()).add(id);
    }
    for (String t : profileTerms) {
      terms.merge(t, 1, Integer::sum);
    }
    for (String t : profileKeys) {
      keys.merge(t, 1, Integer::sum);
    }
  }

  void addEdge(CopyDetector.Edge e) {
    edges.computeIfAbsent(e.relation().copy(), k -> new ArrayList<>()).add(e);
    edges.computeIfAbsent(e.relation().original(), k -> new ArrayList<>()).add(e);
  }

  void clear() {
    articles.clear();
    fingerprints.clear();
    lsh.clear();
    samples.clear();
    terms.clear();
    keys.clear();
    edges.clear();
    relations.clear();
    stories.clear();
    storyKeys.clear();
    storiesByKey.clear();
    dirtyStories.clear();
  }
}
