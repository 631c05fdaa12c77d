package io.wiretrace.cluster;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;

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
  int[] candidates(int[] terms) {
    int n = 0;
    int[] all = new int[64];
    for (int t : terms) {
      LinkedHashSet<Integer> p = postings.get(t);
      if (p != null) {
        if (n + p.size() > all.length) {
          all = java.util.Arrays.copyOf(all, Math.max(all.length * 2, n + p.size()));
        }
        for (int s : p) {
          all[n++] = s;
        }
      }
    }
    java.util.Arrays.sort(all, 0, n);
    int d = 0;
    for (int i = 0; i < n; i++) {
      if (d == 0 || all[i] != all[d - 1]) {
        all[d++] = all[i];
      }
    }
    return java.util.Arrays.copyOf(all, d);
  }

  /** Whether {@code story} is listed. */
  boolean listed(int story) {
    return listedUnder.containsKey(story);
  }

  /** Stories currently listed. */
  int size() {
    return listedUnder.size();
  }
}
