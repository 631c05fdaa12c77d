package io.wiretrace.cluster;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Inverted index from terms to open stories, so that an article is compared only with the stories
 * that share one of its strongest terms instead of with every open story (Story Forest and Miranda
 * et al. bound their search the same way). A story is listed under the {@code indexTerms} strongest
 * terms of its centroid; a posting keeps at most {@code maxPosting} stories, the most recently
 * updated, so a very common term cannot make the search linear again. Not thread-safe.
 */
final class StoryIndex {
  private final int indexTerms;
  private final int maxPosting;
  private final Map<Integer, LinkedHashSet<Integer>> postings = new HashMap<>();
  private final Map<Integer, int[]> listedUnder = new HashMap<>();

  StoryIndex(int indexTerms, int maxPosting) {
    this.indexTerms = indexTerms;
    this.maxPosting = maxPosting;
  }

  /** (Re)lists {@code story} under the strongest terms of {@code centroid}. */
  void update(int story, TfIdf.Vec centroid) {
    remove(story);
    int[] top = centroid.topTerms(indexTerms);
    for (int t : top) {
      LinkedHashSet<Integer> p = postings.computeIfAbsent(t, k -> new LinkedHashSet<>());
      p.remove(story);
      p.add(story); // most recent last
      if (p.size() > maxPosting) {
        Iterator<Integer> it = p.iterator();
        it.next();
        it.remove();
      }
    }
    listedUnder.put(story, top);
  }

  /** Takes {@code story} out of the index (it closed). */
  void remove(int story) {
    int[] old = listedUnder.remove(story);
    if (old == null) {
      return;
    }
    for (int t : old) {
      LinkedHashSet<Integer> p = postings.get(t);
      if (p != null) {
        p.remove(story);
        if (p.isEmpty()) {
          postings.remove(t);
        }
      }
    }
  }

  /** Stories listed under any of {@code terms}, ascending. */
  List<Integer> candidates(int[] terms) {
    TreeSet<Integer> out = new TreeSet<>();
    for (int t : terms) {
      LinkedHashSet<Integer> p = postings.get(t);
      if (p != null) {
        out.addAll(p);
      }
    }
    return new ArrayList<>(out);
  }

  /** Stories currently listed. */
  int size() {
    return listedUnder.size();
  }
}
