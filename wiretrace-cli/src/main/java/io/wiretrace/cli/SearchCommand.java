package io.wiretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.store.Searcher;
import io.wiretrace.store.Store;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wiretrace search}: full-text search of the store. */
@Command(
    name = "search",
    mixinStandardHelpOptions = true,
    description = "Search the store (BM25 over title and text; Lucene classic query syntax) with filters and facets.")
final class SearchCommand implements Callable<Integer> {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Option(names = "--data", paramLabel = "DIR", description = "Store folder (default: ${DEFAULT-VALUE}).", defaultValue = "wiretrace-data")
  Path data;

  @Option(names = "--outlet") String outlet;
  @Option(names = "--entity", description = "An entity id, e.g. person:jane-doe") String entity;
  @Option(names = "--from", paramLabel = "DAY") String from;
  @Option(names = "--to", paramLabel = "DAY") String to;
  @Option(names = "--kind", description = "Relation kind: verbatim, near_duplicate, spun, translated, partial, original") String kind;
  @Option(names = "--story") String story;
  @Option(names = "--language") String language;
  @Option(names = "--page", defaultValue = "1") int page;
  @Option(names = "--size", defaultValue = "10") int size;
  @Option(names = "--json", description = "Print the result as JSON (the REST API's /api/search body).") boolean json;

  @Parameters(paramLabel = "QUERY", arity = "0..1", description = "The query (default: every article).")
  String query;

  @Override
  public Integer call() throws Exception {
    CommandLine cl = spec.commandLine();
    if (!Files.isDirectory(data)) {
      throw new CommandLine.ParameterException(cl, "No store at '" + data + "': run 'wiretrace ingest --data " + data + " INPUT' first");
    }
    Searcher.Query2 q;
    try {
      q = new Searcher.Query2(query, outlet, entity, from, to, kind, story, language, page, size, false);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage());
    }
    try (Store store = Store.open(data)) {
      ObjectNode r;
      try {
        r = store.searcher().search(q);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, e.getMessage());
      }
      PrintWriter w = cl.getOut();
      if (json) {
        w.println(new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(r));
      } else {
        w.printf("%d hits%n", r.get("total").asLong());
        for (JsonNode h : r.get("hits")) {
          w.printf("%n%s  [%s, %s, story %s%s]%n  %s%n  %s%n", h.path("title").asText("(untitled)"), h.path("outlet").asText("?"),
              h.path("published").asText("undated"), h.path("story").asText(), h.get("kinds").isEmpty() ? "" : ", " + h.get("kinds"),
              h.path("id").asText(), h.path("snippet").asText().replace("\n", " "));
        }
        for (String dim : new String[] {"outlet", "entity", "month", "kind"}) {
          JsonNode f = r.get("facets").get(dim);
          if (f != null && !f.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode v : f) {
              sb.append(sb.isEmpty() ? "" : ", ").append(v.get("value").asText()).append(" (").append(v.get("count").asLong()).append(')');
            }
            w.printf("%n%s: %s", dim, sb);
          }
        }
        w.println();
      }
      w.flush();
    }
    return 0;
  }
}
