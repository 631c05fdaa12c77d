package io.wiretrace.store;

import io.wiretrace.pipeline.Pipeline;
import java.nio.file.Path;
import java.util.List;

/** A forked ingest for the crash test: {@code IngestMain DATA INPUT COMMIT_EVERY}; prints "ingesting" when linking starts. */
public final class IngestMain {
  private IngestMain() {}

  public static void main(String[] args) throws Exception {
    try (Store store = Store.open(Path.of(args[0]), Integer.parseInt(args[2]))) {
      Pipeline.Prepared p = Pipeline.builder().threads(1).paraphrases(false).build().prepare(List.of(Path.of(args[1])), store::contains);
      System.out.println("ingesting " + p.articles().size());
      System.out.flush();
      Store.IngestReport r = store.ingest(p);
      System.out.println("added " + r.added());
    }
  }
}
