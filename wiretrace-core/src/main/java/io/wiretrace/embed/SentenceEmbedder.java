package io.wiretrace.embed;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import io.wiretrace.fingerprint.Hashing64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unit-length sentence vectors (384 dimensions) from the quantized all-MiniLM-L6-v2 model, cached by
 * a 64-bit hash of the sentence so that a sentence repeated across reprints is embedded once.
 * Thread-safe. The model loads on first use (about a second).
 */
public final class SentenceEmbedder {
  static {
    // Before DJL (the tokenizer) or ONNX Runtime load: DJL otherwise probes the EC2 metadata endpoint
    // to report usage, and ONNX Runtime has its own telemetry switch.
    System.setProperty("OPT_OUT_TRACKING", "true");
  }

  private static final class Holder {
    static final AllMiniLmL6V2QuantizedEmbeddingModel MODEL = load();

    private static AllMiniLmL6V2QuantizedEmbeddingModel load() {
      try {
        ai.onnxruntime.OrtEnvironment.getEnvironment().setTelemetry(false);
      } catch (ai.onnxruntime.OrtException e) {
        throw new IllegalStateException("cannot switch off ONNX Runtime telemetry", e);
      }
      return new AllMiniLmL6V2QuantizedEmbeddingModel();
    }
  }

  private final ConcurrentHashMap<Long, float[]> cache = new ConcurrentHashMap<>();
  private final AtomicLong calls = new AtomicLong();

  /** The sentence's unit vector. */
  public float[] embed(String sentence) {
    long key = Hashing64.token(sentence.strip());
    float[] v = cache.get(key);
    if (v == null) {
      calls.incrementAndGet();
      v = Holder.MODEL.embed(sentence.strip()).content().vector();
      normalize(v);
      float[] prior = cache.putIfAbsent(key, v);
      if (prior != null) {
        v = prior;
      }
    }
    return v;
  }

  /** How many sentences went through the model (cache misses) so far. */
  public long modelCalls() {
    return calls.get();
  }

  /** Cosine of two unit vectors. */
  public static double cosine(float[] a, float[] b) {
    double d = 0;
    for (int i = 0; i < a.length; i++) {
      d += a[i] * b[i];
    }
    return d;
  }

  private static void normalize(float[] v) {
    double n = 0;
    for (float x : v) {
      n += x * x;
    }
    n = Math.sqrt(n);
    if (n > 0) {
      for (int i = 0; i < v.length; i++) {
        v[i] /= (float) n;
      }
    }
  }
}
