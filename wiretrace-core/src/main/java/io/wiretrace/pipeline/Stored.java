package io.wiretrace.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.extract.Extractor;
import io.wiretrace.model.Article;
import io.wiretrace.model.Rejection;
import io.wiretrace.model.Removed;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an earlier run left in its output folder, read back so that new inputs can be added to it
 * ({@code wiretrace analyze --append}): the extracted articles of {@code articles.jsonl} and the
 * rejections of {@code rejected.jsonl}. Extraction is not repeated; everything after it is (copies,
 * stories, annotations and synthesis depend on the whole corpus), so the result is the one a single
 * run over all the inputs gives.
 *
 * <p>A stored file that cannot be read completely is an error, never a partial read: the folder is
 * about to be rewritten, and articles skipped here would be lost from it.
 *
 * @param articles the stored articles (their rewrite verdict is recomputed by the pipeline)
 * @param rejected the stored rejections of inputs (not those the later stages produce, which are recomputed)
 */
public record Stored(List<Article> articles, List<Rejection> rejected) {
  public Stored {
    articles = List.copyOf(articles);
    rejected = List.copyOf(rejected);
  }

  /** Nothing stored. */
  public static final Stored NONE = new Stored(List.of(), List.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads the output folder {@code outDir} of an earlier run.
   *
   * @throws NoSuchFileException if it has no {@code articles.jsonl}
   * @throws IOException with the file and line, if a stored line is not what wiretrace writes
   */
  public static Stored read(Path outDir) throws IOException {
    Path articlesFile = outDir.resolve(Pipeline.ARTICLES);
    if (!Files.isRegularFile(articlesFile)) {
      throw new NoSuchFileException(articlesFile.toString(), null, "no stored articles to append to");
    }
    List<Article> articles = new ArrayList<>();
    readLines(articlesFile, n -> articles.add(article(n)));
    List<Rejection> rejected = new ArrayList<>();
    Path rejectedFile = outDir.resolve(Pipeline.REJECTED);
    if (Files.isRegularFile(rejectedFile)) {
      readLines(rejectedFile, n -> {
        Rejection r = new Rejection(text(n, "input", true), text(n, "reason", true));
        if (!recomputed(r)) {
          rejected.add(r);
        }
      });
    }
    return new Stored(articles, rejected);
  }

  /** Rejections that the stages after extraction produce; a new run produces them again. */
  static boolean recomputed(Rejection r) {
    return r.input().equals(Pipeline.PARAPHRASE_STAGE) || r.reason().startsWith(Pipeline.ANNOTATION_FAILED);
  }

  private interface LineHandler {
    void accept(JsonNode n);
  }

  private static void readLines(Path file, LineHandler handler) throws IOException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int no = 0;
      for (String line; (line = r.readLine()) != null; ) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        try {
          JsonNode n = JSON.readTree(line);
          if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
          }
          handler.accept(n);
        } catch (IOException | RuntimeException e) {
          throw new IOException(file + ":" + no + ": not a stored wiretrace record (" + e.getMessage()
              + "); nothing was changed", e);
        }
      }
    }
  }

  /** An article as {@code articles.jsonl} stores it (its rewrite verdict not read: it is recomputed). */
  public static Article article(JsonNode n) {
    List<Removed> removed = new ArrayList<>();
    for (JsonNode r : n.path("removed")) {
      removed.add(new Removed(text(r, "text", true), text(r, "reason", true)));
    }
    List<String> credits = new ArrayList<>();
    for (JsonNode c : n.path("credits")) {
      credits.add(c.asText());
    }
    return new Article(text(n, "id", true), text(n, "url", false), text(n, "title", false), text(n, "published", false),
        text(n, "outlet", false), text(n, "byline", false), text(n, "dateline", false), text(n, "language", false),
        text(n, "text", true), removed, credits, Extractor.NOT_ASSESSED);
  }

  private static String text(JsonNode n, String field, boolean required) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new IllegalArgumentException("missing field '" + field + "'");
      }
      return null;
    }
    if (!v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is not a string");
    }
    return v.asText();
  }
}
