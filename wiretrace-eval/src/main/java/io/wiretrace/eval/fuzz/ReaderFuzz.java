package io.wiretrace.eval.fuzz;

import io.wiretrace.model.Article;
import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.source.ReadResult;
import io.wiretrace.source.Sources;
import java.util.List;

/**
 * Fuzz targets for the readers and the extractor, in the form Jazzer drives ({@code public static
 * void fuzzerTestOneInput(byte[])}): the input is read as a file of one kind exactly as {@code
 * analyze} reads it, and every document it yields (the first eight) is extracted as every run
 * extracts it ({@link Pipeline#extract}: extraction, residue removal, rewrite assessment).
 * Annotation (entities, quotes, times) works on extracted text and is not part of these targets.
 *
 * <p>A crash is anything but a clean answer: an exception or error escaping, a reader failing in a
 * way it did not foresee ({@link Sources#UNEXPECTED}), the extractor failing, an article without
 * text or with an id that is not its document's. A clear rejection is the right
 * answer to garbage and is not a crash.
 */
public final class ReaderFuzz {
  private static final Pipeline PIPELINE = Pipeline.builder().threads(1).paraphrases(false).build();
  /** Documents per input taken through extraction (a fuzzed JSONL may hold thousands). */
  private static final int MAX_DOCS = 8;

  private ReaderFuzz() {}

  /** Thrown for a broken contract; Jazzer reports it as a finding. */
  public static final class FuzzFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    FuzzFailure(String message) {
      super(message);
    }
  }

  /**
   * Loads what the first input would otherwise load (models, word lists), so that class set-up is
   * not counted against the first input's time limit. Jazzer calls each target's {@code
   * fuzzerInitialize} before fuzzing.
   */
  static void warmUp() {
    check(Sources.Kind.TEXT, "Ferry terminal approved\n\nThe harbour authority approved a ferry terminal on Monday."
        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Reads {@code data} as a {@code kind} file and checks the contract. */
  public static void check(Sources.Kind kind, byte[] data) {
    ReadResult r = Sources.read("fuzz-input", "fuzz-input", kind, data);
    for (Rejection x : r.rejections()) {
      if (x.reason().startsWith(Sources.UNEXPECTED)) {
        throw new FuzzFailure(kind + " reader: " + x.reason());
      }
      if (x.reason().isBlank() || x.input().isBlank()) {
        throw new FuzzFailure(kind + " reader: rejection without a place or a reason: " + x);
      }
    }
    if (r.documents().isEmpty()) {
      if (r.rejections().isEmpty()) {
        throw new FuzzFailure(kind + " reader: neither a document nor a rejection");
      }
      return;
    }
    List<RawDocument> docs = r.documents().subList(0, Math.min(MAX_DOCS, r.documents().size()));
    for (RawDocument d : docs) {
      Object out = PIPELINE.extract(d);
      if (out instanceof Rejection x) {
        if (!x.reason().startsWith("no article text found") || x.input().isBlank()) {
          throw new FuzzFailure(kind + ": " + x.reason());
        }
      } else if (out instanceof Article a) {
        if (a.text().isBlank()) {
          throw new FuzzFailure(kind + ": article " + a.id() + " kept without text");
        }
        if (!a.id().equals(d.id())) {
          throw new FuzzFailure(kind + ": article id " + a.id() + " is not its document's id " + d.id());
        }
      } else {
        throw new FuzzFailure(kind + ": extraction gave " + out);
      }
    }
  }

  /** HTML pages. */
  public static final class Html {
    public static void fuzzerInitialize() {
      warmUp();
    }

    public static void fuzzerTestOneInput(byte[] data) {
      check(Sources.Kind.HTML, data);
    }
  }

  /** Plain text files. */
  public static final class Text {
    public static void fuzzerInitialize() {
      warmUp();
    }

    public static void fuzzerTestOneInput(byte[] data) {
      check(Sources.Kind.TEXT, data);
    }
  }

  /** JSON lines files. */
  public static final class Jsonl {
    public static void fuzzerInitialize() {
      warmUp();
    }

    public static void fuzzerTestOneInput(byte[] data) {
      check(Sources.Kind.JSONL, data);
    }
  }

  /** WARC files. */
  public static final class Warc {
    public static void fuzzerInitialize() {
      warmUp();
    }

    public static void fuzzerTestOneInput(byte[] data) {
      check(Sources.Kind.WARC, data);
    }
  }

  /** RSS and Atom feeds. */
  public static final class Feed {
    public static void fuzzerInitialize() {
      warmUp();
    }

    public static void fuzzerTestOneInput(byte[] data) {
      check(Sources.Kind.FEED, data);
    }
  }
}
