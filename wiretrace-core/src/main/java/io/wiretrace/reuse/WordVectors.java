package io.wiretrace.reuse;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Distributional word vectors of lower-case English words, for judging whether a word belongs to
 * its context: a synonym spinner's choice often has the right meaning in some sense but not in the
 * article's ("two <em>village</em> familiar with the <em>mind</em>"), and its vector lies far from
 * those of the words around it.
 *
 * <p>The table ships in the jar ({@value #RESOURCE}, written by {@code wiretrace train rewrite}): the
 * 50-dimensional word embeddings of NLP4J ({@code edu.emory.mathcs.nlp:nlp4j-english:1.1.3}, Apache
 * License 2.0, see NOTICE) for the lower-case words that the reference tables or WordNet know, each
 * vector quantized to signed bytes (its largest component to ±127; cosines do not depend on scale).
 * Nothing is downloaded. Immutable and thread-safe once loaded.
 */
public final class WordVectors {
  /** The shipped table, next to this class. */
  public static final String RESOURCE = "vectors-en.bin.gz";
  private static final int MAGIC = 0x57545631; // "WTV1"

  private final int dims;
  private final Map<String, Integer> index;
  private final float[] unit; // row i: the unit vector of word i

  private WordVectors(int dims, Map<String, Integer> index, float[] unit) {
    this.dims = dims;
    this.index = index;
    this.unit = unit;
  }

  private static final class Holder {
    static final WordVectors SHIPPED = load();
  }

  /** The shipped table (loaded once). */
  public static WordVectors shipped() {
    return Holder.SHIPPED;
  }

  private static WordVectors load() {
    try (InputStream raw = WordVectors.class.getResourceAsStream(RESOURCE)) {
      if (raw == null) {
        throw new IllegalStateException("word vectors " + RESOURCE + " missing from the class path (a build error)");
      }
      return read(new GZIPInputStream(raw, 1 << 16));
    } catch (IOException e) {
      throw new UncheckedIOException("word vectors " + RESOURCE + " could not be read", e);
    }
  }

  /** Dimensions of every vector. */
  public int dims() {
    return dims;
  }

  /** Words in the table. */
  public int size() {
    return index.size();
  }

  /** Row of {@code word} (lower case, as the table holds it), or -1 when the table lacks it. */
  public int row(String word) {
    Integer i = index.get(word);
    return i == null ? -1 : i;
  }

  /** Adds the unit vector of row {@code row} to {@code into} (length {@link #dims}). */
  public void addTo(int row, double[] into) {
    int o = row * dims;
    for (int j = 0; j < dims; j++) {
      into[j] += unit[o + j];
    }
  }

  /**
   * {@code out = a - b - unit(row)}, component by component (the context of a word: the vectors
   * around it, as the difference of two prefix sums, without its own).
   */
  public void differenceWithout(double[] a, double[] b, int row, double[] out) {
    int o = row * dims;
    for (int j = 0; j < dims; j++) {
      out[j] = a[j] - b[j] - (double) unit[o + j];
    }
  }

  /** The squared length of {@code v}, for {@link #cosine(int, double[], double)}. */
  public static double squaredNorm(double[] v) {
    double norm = 0;
    for (double x : v) {
      norm += x * x;
    }
    return norm;
  }

  /**
   * {@link #cosine(int, double[])} given {@code v}'s {@link #squaredNorm}, for many rows against one
   * vector; equal to it to the last bit.
   */
  public double cosine(int row, double[] v, double squaredNorm) {
    int o = row * dims;
    double dot = 0;
    for (int j = 0; j < dims; j++) {
      dot += unit[o + j] * v[j];
    }
    return squaredNorm == 0 ? 0 : dot / Math.sqrt(squaredNorm);
  }

  /** The cosine of row {@code row}'s vector with {@code v} (any length-{@link #dims} vector, not zero). */
  public double cosine(int row, double[] v) {
    return cosine(row, v, squaredNorm(v));
  }

  /** Reads {@link #write}'s format (uncompressed stream). */
  public static WordVectors read(InputStream in) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC) {
      throw new IOException("not a wiretrace word-vector table");
    }
    int n = d.readInt();
    int dims = d.readInt();
    if (n < 0 || dims <= 0 || dims > 1024 || (long) n * dims > Integer.MAX_VALUE) {
      throw new IOException("word-vector table claims " + n + " words of " + dims + " dimensions");
    }
    Map<String, Integer> index = new HashMap<>(n * 2);
    float[] unit = new float[n * dims];
    byte[] q = new byte[dims];
    for (int i = 0; i < n; i++) {
      byte[] w = new byte[d.readUnsignedShort()];
      d.readFully(w);
      d.readFully(q);
      double norm = 0;
      for (byte b : q) {
        norm += b * b;
      }
      double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
      for (int j = 0; j < dims; j++) {
        unit[i * dims + j] = (float) (q[j] * inv);
      }
      index.put(new String(w, StandardCharsets.UTF_8), i);
    }
    return new WordVectors(dims, index, unit);
  }

  /**
   * Writes vectors (word → components, all of one length) as a gzip-compressed table, quantized to
   * bytes, in key order; byte-identical for the same input (the gzip header's time is zeroed).
   */
  public static byte[] write(SortedMap<String, float[]> vectors) throws IOException {
    int dims = vectors.isEmpty() ? 1 : vectors.values().iterator().next().length;
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(raw))) {
      out.writeInt(MAGIC);
      out.writeInt(vectors.size());
      out.writeInt(dims);
      for (Map.Entry<String, float[]> e : vectors.entrySet()) {
        float[] v = e.getValue();
        if (v.length != dims) {
          throw new IllegalArgumentException("vector of '" + e.getKey() + "' has " + v.length + " components, not " + dims);
        }
        byte[] w = e.getKey().getBytes(StandardCharsets.UTF_8);
        out.writeShort(w.length);
        out.write(w);
        float max = 0;
        for (float x : v) {
          max = Math.max(max, Math.abs(x));
        }
        for (float x : v) {
          out.writeByte(max == 0 ? 0 : Math.round(x / max * 127));
        }
      }
    }
    byte[] gz = raw.toByteArray();
    gz[4] = gz[5] = gz[6] = gz[7] = 0;
    return gz;
  }
}
