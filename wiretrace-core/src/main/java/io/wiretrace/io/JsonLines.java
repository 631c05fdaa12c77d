package io.wiretrace.io;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wiretrace.model.Article;
import io.wiretrace.model.Evidence;
import io.wiretrace.model.Rejection;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Rewrite;
import io.wiretrace.model.Removed;
import io.wiretrace.model.Story;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Writes records as JSON Lines, one record per line, fields in contract order.
 *
 * <p>Files are written to a temporary sibling and moved into place, so a crash never leaves a
 * half-written output over a good one. Thread-safe (no state).
 */
public final class JsonLines {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonLines() {}

  /** A function that writes one record's fields. */
  @FunctionalInterface
  public interface Fields<T> {
    void write(JsonGenerator g, T value) throws IOException;
  }

  /** Writes {@code records} to {@code file} atomically. */
  public static <T> void write(Path file, List<T> records, Fields<T> fields) throws IOException {
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (T r : records) {
        w.write(line(r, fields));
        w.write('\n');
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** One record as a JSON line (no newline). */
  public static <T> String line(T record, Fields<T> fields) throws IOException {
    StringWriter sw = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(sw)) {
      g.writeStartObject();
      fields.write(g, record);
      g.writeEndObject();
    }
    return sw.toString();
  }

  public static final Fields<Article> ARTICLE = (g, a) -> {
    g.writeStringField("id", a.id());
    g.writeStringField("url", a.url());
    g.writeStringField("title", a.title());
    g.writeStringField("published", a.published());
    g.writeStringField("outlet", a.outlet());
    g.writeStringField("byline", a.byline());
    g.writeStringField("dateline", a.dateline());
    g.writeStringField("language", a.language());
    g.writeStringField("text", a.text());
    g.writeArrayFieldStart("removed");
    for (Removed r : a.removed()) {
      g.writeStartObject();
      g.writeStringField("text", r.text());
      g.writeStringField("reason", r.reason());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "credits", a.credits());
    g.writeObjectFieldStart("rewrite");
    g.writeStringField("kind", a.rewrite().kind());
    g.writeFieldName("score");
    g.writeNumber(fixed(a.rewrite().score()));
    numbers(g, "signals", a.rewrite().signals());
    g.writeArrayFieldStart("spans");
    for (Rewrite.Suspect x : a.rewrite().spans()) {
      g.writeStartObject();
      g.writeNumberField("start", x.start());
      g.writeNumberField("end", x.end());
      g.writeStringField("signal", x.signal());
      g.writeStringField("likely", x.likely());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
    if (a.estimated() == null) {
      g.writeNullField("estimated");
    } else {
      g.writeObjectFieldStart("estimated");
      g.writeStringField("from", a.estimated().from());
      g.writeStringField("to", a.estimated().to());
      strings(g, "basis", a.estimated().basis());
      g.writeEndObject();
    }
  };

  public static final Fields<Relation> RELATION = (g, r) -> {
    g.writeStringField("copy", r.copy());
    g.writeStringField("original", r.original());
    g.writeStringField("kind", r.kind());
    g.writeFieldName("score");
    g.writeNumber(fixed(r.score()));
    g.writeFieldName("coverage");
    g.writeNumber(fixed(r.coverage()));
    g.writeArrayFieldStart("evidence");
    for (Evidence e : r.evidence()) {
      g.writeStartObject();
      g.writeArrayFieldStart("copy");
      g.writeNumber(e.copy().start());
      g.writeNumber(e.copy().end());
      g.writeEndArray();
      g.writeArrayFieldStart("original");
      g.writeNumber(e.original().start());
      g.writeNumber(e.original().end());
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeStringField("direction_basis", r.directionBasis());
    numbers(g, "signals", r.signals());
  };

  public static final Fields<Story> STORY = (g, s) -> {
    g.writeStringField("id", s.id());
    g.writeStringField("title", s.title());
    g.writeStringField("storyline", s.storyline());
    strings(g, "articles", s.articles());
    strings(g, "originals", s.originals());
    g.writeArrayFieldStart("members");
    for (Story.Membership m : s.members()) {
      g.writeStartObject();
      g.writeStringField("id", m.id());
      g.writeStringField("via", m.via());
      g.writeFieldName("similarity");
      g.writeNumber(fixed(m.similarity()));
      strings(g, "terms", m.terms());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (s.storylineEvidence() == null) {
      g.writeNullField("storyline_evidence");
    } else {
      g.writeObjectFieldStart("storyline_evidence");
      g.writeFieldName("similarity");
      g.writeNumber(fixed(s.storylineEvidence().similarity()));
      strings(g, "terms", s.storylineEvidence().terms());
      g.writeEndObject();
    }
  };

  /** Serializes nested records (entities, quotes, timeline…) with snake_case names, nulls kept. */
  private static final com.fasterxml.jackson.databind.ObjectMapper NESTED = new com.fasterxml.jackson.databind.ObjectMapper()
      .setPropertyNamingStrategy(com.fasterxml.jackson.databind.PropertyNamingStrategies.SNAKE_CASE)
      .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, false);

  /** The annotation fields an articles.jsonl line ends with: entities, quotes, times. */
  public static final Fields<io.wiretrace.model.Annotations> ANNOTATIONS = (g, a) -> {
    g.setCodec(NESTED);
    g.writeFieldName("entities");
    g.writeObject(a.entities());
    g.writeFieldName("quotes");
    g.writeObject(a.quotes());
    g.writeFieldName("times");
    g.writeObject(a.times());
  };

  private static final com.fasterxml.jackson.databind.ObjectMapper NESTED_READER = NESTED.copy()
      .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The annotations {@link #ANNOTATIONS} wrote into an articles.jsonl line, read back. */
  public static io.wiretrace.model.Annotations readAnnotations(com.fasterxml.jackson.databind.JsonNode line) throws IOException {
    String id = line.path("id").asText();
    return new io.wiretrace.model.Annotations(id,
        list(line.path("entities"), io.wiretrace.model.Entity.class),
        list(line.path("quotes"), io.wiretrace.model.Quote.class),
        list(line.path("times"), io.wiretrace.model.Timex.class));
  }

  private static <T> List<T> list(com.fasterxml.jackson.databind.JsonNode array, Class<T> type) throws IOException {
    List<T> out = new java.util.ArrayList<>();
    for (com.fasterxml.jackson.databind.JsonNode n : array) {
      out.add(NESTED_READER.treeToValue(n, type));
    }
    return out;
  }

  /** The synthesis fields a stories.jsonl line ends with. */
  public static final Fields<io.wiretrace.model.Synthesis> SYNTHESIS = (g, s) -> {
    g.setCodec(NESTED);
    g.writeNumberField("independent_reports", s.independent());
    g.writeNumberField("echoes", s.echoes());
    for (var e : new Object[][] {{"summary", s.summary()}, {"timeline", s.timeline()}, {"entities", s.entities()},
        {"quotes", s.quotes()}, {"lineage", s.lineage()}}) {
      g.writeFieldName((String) e[0]);
      g.writeObject(e[1]);
    }
  };

  /** Writes {@code first}'s fields, then {@code extra}'s for the value {@code lookup} finds (if any). */
  public static <T, U> Fields<T> with(Fields<T> first, java.util.function.Function<T, U> lookup, Fields<U> extra) {
    return (g, v) -> {
      first.write(g, v);
      U u = lookup.apply(v);
      if (u != null) {
        extra.write(g, u);
      }
    };
  }

  public static final Fields<Rejection> REJECTION = (g, r) -> {
    g.writeStringField("input", r.input());
    g.writeStringField("reason", r.reason());
  };

  private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /** A map of names to numbers (already sorted by name), numbers at fixed precision. */
  private static void numbers(JsonGenerator g, String field, Map<String, Double> values) throws IOException {
    g.writeObjectFieldStart(field);
    for (Map.Entry<String, Double> e : values.entrySet()) {
      g.writeFieldName(e.getKey());
      g.writeNumber(fixed(e.getValue()));
    }
    g.writeEndObject();
  }

  /** Four decimals, as text, so that output never depends on floating-point printing details. */
  private static String fixed(double v) {
    return new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
  }
}
