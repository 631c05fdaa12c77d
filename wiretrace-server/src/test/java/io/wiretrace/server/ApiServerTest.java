package io.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiServerTest {
  static final Path DEMO = Path.of("..", "demo", "corpus").toAbsolutePath().normalize();
  static final ObjectMapper JSON = new ObjectMapper();
  static Path data;
  static Store store;
  static ApiServer server;
  static HttpClient http = HttpClient.newHttpClient();
  static Pipeline pipeline;

  @BeforeAll
  static void start() throws IOException {
    data = Files.createTempDirectory("wiretrace-api");
    store = Store.open(data);
    pipeline = Pipeline.builder().threads(2).paraphrases(false).build();
    store.ingest(pipeline.prepare(List.of(DEMO), store::contains));
    server = ApiServer.start(store, pipeline, "127.0.0.1", 0, 64 * 1024);
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    store.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String path, String token, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body))
        // a body over the limit is refused before it is read: with 100-continue the client waits for
        // that answer instead of racing the server's close while it is still sending (a reset, no reply)
        .expectContinue(body.length > 64 * 1024);
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static JsonNode ok(HttpResponse<String> r) throws IOException {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    return JSON.readTree(r.body());
  }

  static void error(HttpResponse<String> r, int code, String message) throws IOException {
    assertThat(r.statusCode()).as(r.uri() + " " + r.body()).isEqualTo(code);
    JsonNode n = JSON.readTree(r.body());
    assertThat(n.get("code").asInt()).isEqualTo(code);
    assertThat(n.get("message").asText()).contains(message);
    assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void readEndpoints() throws Exception {
    JsonNode status = ok(get("/api/status"));
    assertThat(status.get("article").asInt()).isGreaterThanOrEqualTo(25);
    JsonNode a = ok(get("/api/article?id=" + enc("farms/buzzwire-brenholm-treasurer.txt")));
    assertThat(a.get("kinds").toString()).contains("spun");
    assertThat(a.get("text").asText()).isNotBlank();
    JsonNode rel = ok(get("/api/article/relations?id=" + enc("farms/buzzwire-brenholm-treasurer.txt")));
    assertThat(rel.get(0).get("original").asText()).isEqualTo("meridian/brenholm-treasurer-verdict");
    JsonNode lineage = ok(get("/api/lineage?id=" + enc("meridian/brenholm-treasurer-verdict")));
    assertThat(lineage.get("copies").toString()).contains("farms/buzzwire-brenholm-treasurer.txt");
    JsonNode stories = ok(get("/api/stories?size=2"));
    assertThat(stories.get("total").asInt()).isEqualTo(5);
    assertThat(stories.get("items")).hasSize(2);
    String sid = stories.get("items").get(0).get("id").asText();
    JsonNode story = ok(get("/api/stories/" + sid));
    assertThat(story.get("articles")).isNotEmpty();
    JsonNode line = ok(get("/api/storylines/" + story.get("storyline").asText()));
    assertThat(line.get("items")).isNotEmpty();
    JsonNode rels = ok(get("/api/relations?kind=verbatim&size=100"));
    assertThat(rels.get("items")).allMatch(r -> r.get("kind").asText().equals("verbatim"));
    JsonNode outlets = ok(get("/api/outlets"));
    assertThat(outlets).isNotEmpty();
    JsonNode search = ok(get("/api/search?q=" + enc("earthquake") + "&group=story&outlet=" + enc("Northwind Press")));
    assertThat(search.get("hits")).allMatch(h -> h.get("outlet").asText().equals("Northwind Press"));
    assertThat(search.get("groups")).isNotEmpty();
  }

  @Test
  void errorsAreJsonWithTheRightStatus() throws Exception {
    error(get("/api/article?id=no-such-article"), 404, "no such article");
    error(get("/api/stories/s999999"), 404, "no such story");
    error(get("/api/lineage?id=nope"), 404, "no such article");
    error(get("/api/article"), 400, "'id' is required");
    error(get("/api/search?q=" + enc("title:(broken")), 400, "does not parse");
    error(get("/api/search?size=1000"), 400, "size must be between");
    error(get("/api/stories?page=x"), 400, "whole number");
    error(get("/api/nothing-here"), 404, "no such endpoint");
    error(post("/api/ingest/jsonl", null, "{}".getBytes(StandardCharsets.UTF_8)), 401, "Bearer");
    error(post("/api/ingest/jsonl", "wrong-token", "{}".getBytes(StandardCharsets.UTF_8)), 401, "Bearer");
    error(post("/api/ingest/jsonl", server.token(), new byte[100 * 1024]), 413, "over the limit");
    error(post("/api/ingest/jsonl", server.token(), "{\"id\": \"x\", \"text\": \"unclosed\n".getBytes(StandardCharsets.UTF_8)),
        400, "line 1 is not valid JSON");
    error(post("/api/ingest/html", server.token(), "<p>x</p>".getBytes(StandardCharsets.UTF_8)), 400, "'url' is required");
    assertThat(ok(get("/api/status")).get("article").asInt()).as("nothing stored by bad requests").isGreaterThanOrEqualTo(25);
  }

  @Test
  void aPostedCopyIsLinkedToItsStoredOriginalAndSearchable() throws Exception {
    JsonNode orig = ok(get("/api/article?id=" + enc("northwind/caldera-earthquake")));
    String text = orig.get("text").asText();
    String line = JSON.writeValueAsString(Map.of("id", "posted/caldera-copy", "title", "Quake copy", "outlet", "Copycat Daily",
        "published", "2030-01-01", "text", text + "\n\nLeave a Reply. Your email address will not be published."));
    long t0 = System.nanoTime();
    JsonNode r = ok(post("/api/ingest/jsonl", server.token(), (line + "\n").getBytes(StandardCharsets.UTF_8)));
    assertThat(r.get("added").asInt()).isEqualTo(1);
    JsonNode rel = ok(get("/api/article/relations?id=" + enc("posted/caldera-copy") + "&as=copy"));
    assertThat(rel.get(0).get("original").asText()).isEqualTo("northwind/caldera-earthquake");
    JsonNode hits = ok(get("/api/search?outlet=" + enc("Copycat Daily")));
    assertThat(hits.get("total").asInt()).isEqualTo(1);
    double seconds = (System.nanoTime() - t0) / 1e9;
    System.out.printf("posted copy linked and searchable after %.3f s%n", seconds);
    // the same batch again changes nothing
    assertThat(ok(post("/api/ingest/jsonl", server.token(), (line + "\n").getBytes(StandardCharsets.UTF_8))).get("added").asInt())
        .isZero();
    JsonNode page = ok(post("/api/ingest/html?url=" + enc("https://copycat.example/quake"), server.token(),
        ("<html><head><title>Quake</title></head><body><article><h1>Quake</h1><p>" + text.replace("\n\n", "</p><p>")
            + "</p></article></body></html>").getBytes(StandardCharsets.UTF_8)));
    assertThat(page.get("added").asInt()).isEqualTo(1);
    assertThat(ok(get("/api/article?id=" + enc("https://copycat.example/quake"))).get("kinds").toString()).contains("verbatim");
  }

  @Test
  void openApiDocumentIsValidAndEveryPathAnswers() throws Exception {
    String doc = get("/openapi.json").body();
    SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(doc);
    assertThat(parsed.getMessages()).isEmpty();
    assertThat(parsed.getOpenAPI().getPaths()).hasSize(13);
    JsonNode paths = JSON.readTree(doc).get("paths");
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String p = it.next();
      JsonNode ops = paths.get(p);
      if (ops.has("get")) {
        String path = p.replace("{id}", p.contains("storylines") || p.contains("stories") ? "s000001" : "x");
        StringBuilder q = new StringBuilder();
        for (JsonNode param : ops.get("get").get("parameters")) {
          if (param.get("required").asBoolean() && param.get("in").asText().equals("query")) {
            q.append(q.isEmpty() ? "?" : "&").append(param.get("name").asText()).append("=").append(enc("northwind/caldera-earthquake"));
          }
        }
        assertThat(get(path + q).statusCode()).as(path + q).isEqualTo(200);
      } else {
        assertThat(post(p, null, new byte[1]).statusCode()).as(p).isEqualTo(401);
      }
    }
  }
}
