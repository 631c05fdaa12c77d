package io.wiretrace.cluster;

import io.wiretrace.text.Terms;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * TF-IDF vectors over a fixed batch of documents: sublinear term frequency, smoothed IDF, unit
 * length. Term ids follow the sorted term strings, so vectors and every sum over them are the same
 * whatever order the documents came in.
 */
final class TfIdf {
  /** A sparse unit vector: ascending term ids and their weights. */
  record Vec(int[] ids, double[] weights) {
    static final Vec EMPTY = new Vec(new int[0], new double[0]);

    /** The ids that contribute most to {@code this · o}, strongest first (ties: lower id), at most {@code k}. */
    int[] topShared(Vec o, int k) {
      List<double[]> contrib = new java.util.ArrayList<>();
      int i = 0;
      int j = 0;
      while (i < ids.length && j < o.ids.length) {
        if (ids[i] == o.ids[j]) {
          contrib.add(new double[] {weights[i] * o.weights[j], ids[i]});
          i++;
          j++;
        } else if (ids[i] < o.ids[j]) {
          i++;
        } else {
          j++;
        }
      }
      contrib.sort((a, b) -> a[0] != b[0] ? Double.compare(b[0], a[0]) : Double.compare(a[1], b[1]));
      return contrib.stream().limit(k).mapToInt(c -> (int) c[1]).toArray();
    }

    /** The ids of the {@code k} largest weights, ascending by id (ties between weights: lower id). */
    int[] topTerms(int k) {
      if (ids.length <= k) {
        return ids.clone();
      }
      // the k-th largest weight by a primitive sort; then the ids above it, and ties at it by lower id
      double[] sorted = weights.clone();
      Arrays.sort(sorted);
      double kth = sorted[sorted.length - k];
      int above = 0;
      for (double w : weights) {
        if (w > kth) {
          above++;
        }
      }
      int ties = k - above;
      int[] out = new int[k];
      int n = 0;
      for (int i = 0; i < ids.length; i++) { // ids ascend, so ties are taken lowest id first
        if (weights[i] > kth || (weights[i] == kth && ties-- > 0)) {
          out[n++] = ids[i];
        }
      }
      return out;
    }

    /** This vector keeping only its {@code k} largest weights, rescaled to unit length. */
    Vec truncate(int k) {
      if (ids.length <= k) {
        return this;
      }
      int[] keep = topTerms(k);
      double[] w = new double[k];
      for (int i = 0, j = 0; i < ids.length && j < k; i++) {
        if (ids[i] == keep[j]) {
          w[j++] = weights[i];
        }
      }
      return unit(keep, w);
    }

    double dot(Vec o) {
      double s = 0;
      int i = 0;
      int j = 0;
      while (i < ids.length && j < o.ids.length) {
        if (ids[i] == o.ids[j]) {
          s += weights[i++] * o.weights[j++];
        } else if (ids[i] < o.ids[j]) {
          i++;
        } else {
          j++;
        }
      }
      return s;
    }
  }

  private final String[] terms;
  private final int[] remap;
  private final double[] idf;

  /**
   * Collects a batch's documents as arrays of provisional term ids (first-appearance order) and
   * their document frequencies, so that the strings of every document need not be kept; {@link
   * #build} then fixes the vocabulary in sorted term order.
   */
  static final class Builder {
    private final Map<String, Integer> provisional = new HashMap<>();
    private final List<String> names = new java.util.ArrayList<>();
    private int[] df = new int[1024];
    private int docs;

    /** Adds one document and returns its provisional term ids, in text order (repeats kept). */
    int[] add(List<String> docTerms) {
      int[] out = new int[docTerms.size()];
      java.util.BitSet seen = new java.util.BitSet();
      for (int i = 0; i < out.length; i++) {
        String t = docTerms.get(i);
        Integer id = provisional.get(t);
        if (id == null) {
          id = names.size();
          provisional.put(t, id);
          names.add(t);
          if (id == df.length) {
            df = Arrays.copyOf(df, df.length * 2);
          }
        }
        if (!seen.get(id)) {
          seen.set(id);
          df[id]++;
        }
        out[i] = id;
      }
      docs++;
      return out;
    }

    TfIdf build() {
      return new TfIdf(names, df, docs);
    }
  }

  private TfIdf(List<String> names, int[] df, int docs) {
    int n = names.size();
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> names.get(a).compareTo(names.get(b)));
    terms = new String[n];
    remap = new int[n];
    idf = new double[n];
    for (int k = 0; k < n; k++) {
      int p = order[k];
      terms[k] = names.get(p);
      remap[p] = k;
      idf[k] = Math.log((docs + 1.0) / (df[p] + 1.0)) + 1;
    }
  }

  /** The term of an id. */
  String term(int id) {
    return terms[id];
  }

  /** The unit TF-IDF vector of a document given as provisional ids from the {@link Builder}. */
  Vec vector(int[] provisionalIds) {
    int[] sorted = new int[provisionalIds.length];
    for (int i = 0; i < sorted.length; i++) {
      sorted[i] = remap[provisionalIds[i]];
    }
    Arrays.sort(sorted);
    int distinct = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    int[] is = new int[distinct];
    double[] ws = new double[distinct];
    int k = -1;
    int run = 0;
    for (int i = 0; i < sorted.length; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        if (k >= 0) {
          ws[k] = (1 + Math.log(run)) * idf[is[k]];
        }
        is[++k] = sorted[i];
        run = 0;
      }
      run++;
    }
    if (k >= 0) {
      ws[k] = (1 + Math.log(run)) * idf[is[k]];
    }
    return unit(is, ws);
  }

  /** A vector of the given ids and weights scaled to unit length; empty if all weights are zero. */
  private static Vec unit(int[] ids, double[] weights) {
    double norm = 0;
    for (double w : weights) {
      norm += w * w;
    }
    if (norm == 0) {
      return Vec.EMPTY;
    }
    double inv = 1 / Math.sqrt(norm);
    for (int i = 0; i < weights.length; i++) {
      weights[i] *= inv;
    }
    return new Vec(ids, weights);
  }

  /** Numbers of at most three digits before the point, or with decimals. */
  private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("(?<![\\d.,])\\d{1,3}(?:,\\d{3})*(?:\\.\\d+)?(?![\\d])");

  /**
   * The two term lists of an article from one tokenization: {@code terms}, the index terms (body
   * terms, title terms twice more, with {@code properNouns} each capitalized mid-sentence word once
   * more, and numbers), and {@code keys}, what tells one event from another of the same kind — capitalized mid-sentence
   * words of the text (names, places, products; headline capitals say nothing) and numbers.
   */
  record DocTerms(List<String> terms, List<String> keys) {
    static DocTerms of(String title, String text, boolean properNouns) {
      List<String> t = new java.util.ArrayList<>();
      List<String> proper = new java.util.ArrayList<>();
      Terms.both(text, t, proper);
      if (title != null) {
        List<String> tt = Terms.of(title);
        t.addAll(tt);
        t.addAll(tt);
      }
      if (properNouns) {
        t.addAll(proper);
      }
      List<String> numbers = numbers(text);
      t.addAll(numbers);
      proper.addAll(numbers);
      for (String term : t) { // years ("2008" or "2013": which of two visits)
        if (term.length() == 4 && (term.startsWith("19") || term.startsWith("20")) && Character.isDigit(term.charAt(2))
            && Character.isDigit(term.charAt(3))) {
          proper.add(term);
        }
      }
      return new DocTerms(t, proper);
    }
  }

  /** Numbers as {@code #n} terms: magnitudes, tolls, counts ("6.1", "33") tell one quake from another. */
  static List<String> numbers(String text) {
    List<String> t = new java.util.ArrayList<>();
    java.util.regex.Matcher m = NUMBER.matcher(text);
    while (m.find()) {
      String n = m.group().replace(",", "");
      if (n.length() < 4 || n.indexOf('.') >= 0) {
        t.add("#" + n);
      }
    }
    return t;
  }

  /** {@code sum + v} over sorted ids (a merge: linear in their lengths). */
  static Vec plus(Vec sum, Vec v) {
    int[] a = sum.ids();
    int[] b = v.ids();
    int[] is = new int[a.length + b.length];
    double[] ws = new double[is.length];
    int i = 0;
    int j = 0;
    int k = 0;
    while (i < a.length || j < b.length) {
      if (j >= b.length || (i < a.length && a[i] < b[j])) {
        is[k] = a[i];
        ws[k++] = sum.weights()[i++];
      } else if (i >= a.length || b[j] < a[i]) {
        is[k] = b[j];
        ws[k++] = v.weights()[j++];
      } else {
        is[k] = a[i];
        ws[k++] = sum.weights()[i++] + v.weights()[j++];
      }
    }
    return new Vec(Arrays.copyOf(is, k), Arrays.copyOf(ws, k));
  }

  /** {@code sum - v} over sorted ids, dropping the terms that cancel out. */
  static Vec minus(Vec sum, Vec v) {
    double[] neg = v.weights().clone();
    for (int i = 0; i < neg.length; i++) {
      neg[i] = -neg[i];
    }
    Vec d = plus(sum, new Vec(v.ids(), neg));
    int k = 0;
    int[] is = d.ids();
    double[] ws = d.weights();
    for (int i = 0; i < is.length; i++) {
      if (Math.abs(ws[i]) > 1e-12) {
        is[k] = is[i];
        ws[k++] = ws[i];
      }
    }
    return k == is.length ? d : new Vec(Arrays.copyOf(is, k), Arrays.copyOf(ws, k));
  }

  /** The squared length of a (not necessarily unit) vector. */
  static double norm2(Vec v) {
    double n = 0;
    for (double w : v.weights()) {
      n += w * w;
    }
    return n;
  }

  /** {@code v} keeping only its {@code k} largest weights, not rescaled. */
  static Vec prune(Vec v, int k) {
    if (v.ids().length <= k) {
      return v;
    }
    int[] keep = v.topTerms(k);
    double[] w = new double[k];
    for (int i = 0, j = 0; i < v.ids().length && j < k; i++) {
      if (v.ids()[i] == keep[j]) {
        w[j++] = v.weights()[i];
      }
    }
    return new Vec(keep, w);
  }

  /** The unit-length direction of a sum of vectors (the sum itself is left unchanged). */
  static Vec centroid(Vec sum) {
    return unit(sum.ids().clone(), sum.weights().clone());
  }

  @Override
  public String toString() {
    return "TfIdf[terms=" + terms.length + "]";
  }
}
