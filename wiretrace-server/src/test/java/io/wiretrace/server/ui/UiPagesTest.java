package io.wiretrace.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.model.Evidence;
import io.wiretrace.model.Span;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ApiServer;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The UI's pages over HTTP without a browser: content, links, and the security rules every page keeps. */
class UiPagesTest {
  static final Path DEMO = Path.of("..", "demo", "corpus").toAbsolutePath().normalize();
  static Store store;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    store = Store.open(Files.createTempDirectory("wiretrace-ui-pages"));
    Pipeline pipeline = Pipeline.builder().threads(2).paraphrases(false).build();
    store.ingest(pipeline.prepare(List.of(DEMO), store::contains));
    server = ApiServer.start(store, pipeline, "127.0.0.1", 0, 1 << 20);
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    store.close();
  }

  static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Fetches a page, checks the rules every page keeps, and parses it. */
  static Document page(String path, int status) throws Exception {
    HttpResponse<String> r = get(path);
    assertThat(r.statusCode()).as(path).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(r.headers().firstValue("Content-Security-Policy").orElse("")).isEqualTo(WebUi.CSP);
    assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
    Document d = Jsoup.parse(r.body());
    for (Element s : d.select("script")) {
      assertThat(s.attr("src")).as("no inline script on %s", path).startsWith("/static/");
      assertThat(s.data()).isEmpty();
    }
    assertThat(d.select("style")).as("no style element on %s", path).isEmpty();
    assertThat(d.select("[style]")).as("no style attribute on %s", path).isEmpty();
    assertThat(d.select("[onclick],[onload],[onerror]")).isEmpty();
    for (Element e : d.select("[href],[src]")) {
      String u = e.hasAttr("href") ? e.attr("href") : e.attr("src");
      assertThat(u).as("only local links on %s", path).matches("(/|#).*");
    }
    assertThat(r.body()).doesNotContain("Exception", "\tat ");
    return d;
  }

  @Test
  void everyPageRendersWithItsFacts() throws Exception {
    Document home = page("/", 200);
    assertThat(home.select("ol.cards li.card")).hasSize(5);
    Document biggest = page("/?order=biggest", 200);
    assertThat(biggest.select("ol.cards li.card a.title").first().text()).startsWith("Magnitude 6.1 earthquake");

    Document story = page("/story/s000003", 200);
    assertThat(story.select(".figure.independent .big").text()).isEqualTo("3");
    assertThat(story.select(".figure.echoes .big").text()).isEqualTo("4");
    assertThat(story.select("svg.lineage g.edge")).hasSize(4);
    assertThat(story.select("svg.lineage g.edge").eachAttr("data-kind")).contains("verbatim", "translated");
    assertThat(story.select("table.edges tbody tr")).hasSize(4);

    Document search = page("/search?q=earthquake&kind=translated", 200);
    assertThat(search.select("ol.hits li.hit")).hasSize(1);
    assertThat(search.select("a.chip").text()).contains("kind: translated");
    Document bad = page("/search?q=%22unclosed", 200);
    assertThat(bad.select(".problem").text()).isNotBlank();

    Document cmp = page("/compare?copy=farms/buzzwire-brenholm-treasurer.txt&original=meridian/brenholm-treasurer-verdict", 200);
    assertThat(cmp.select(".copy-cell mark.syn").eachText()).contains("tribunal", "attorney");
    assertThat(cmp.select("ul.residue .reason").eachText()).contains("site_tagline");

    Document outlet = page("/outlet?name=Northwind+Press", 200);
    assertThat(outlet.select("h1").text()).isEqualTo("Northwind Press");
    assertThat(outlet.select("table.ledger").text()).contains("translated");
    for (String href : outlet.select("table.ledger a").eachAttr("href")) {
      assertThat(get(href).statusCode()).as(href).isEqualTo(200); // no link to an outlet page that does not exist
    }
    page("/article?id=wires.jsonl:1", 404);
    Document art = page("/article?id=farms/buzzwire-brenholm-treasurer.txt", 200);
    // the verdict read on its own is the stored one, spelled out; a rewrite verdict lists its suspect passages
    com.fasterxml.jackson.databind.JsonNode stored = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(get("/api/article?id=farms/buzzwire-brenholm-treasurer.txt").body()).path("rewrite");
    assertThat(art.select(".verdict .tag").text()).isEqualTo(stored.path("kind").asText().replace('_', ' '));
    assertThat(art.select(".verdict").text()).contains("p spun " + Explain.number(stored.path("signals").path("p_spun").asDouble()));
    assertThat(art.select(".verdict").text().contains("Suspect passages")).isEqualTo(!stored.path("spans").isEmpty());
    // an undated text dump shows the estimate its lead gives, marked as one
    Document radio = page("/article?id=locals/valley-radio-pumping-station-transcript.txt", 200);
    assertThat(radio.text()).contains("undated; its text names 2026-04-14 (“Tuesday, April 14, 2026”)");
    page("/storyline/s000002", 200);
    page("/outlets", 200);
    page("/story/none", 404);
    page("/outlet?name=Nobody", 404);
    page("/compare?copy=farms/buzzwire-brenholm-treasurer.txt&original=locals/brenholm-post-verdict.html", 404);
    page("/?order=sideways", 400);
    page("/no/such/page", 404);
    assertThat(get("/static/..%2Fpom.xml").statusCode()).isEqualTo(404);
    assertThat(get("/static/wiretrace.css").headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
  }

  @Test
  void passageDiffClassifiesWhatChanged() {
    String copy = "The tribunal will hear the attorney on Monday, and he met with a union leader.";
    String orig = "The court will hear the lawyer on Monday and he met with the union leader.";
    PassageDiff.Result r = PassageDiff.compare(copy, orig, List.of(new Evidence(new Span(0, copy.length()), new Span(0, orig.length()))));
    assertThat(r.rows()).hasSize(1);
    String left = r.rows().get(0).copyHtml();
    assertThat(left).contains("<mark class=\"syn\" title=\"original: court\">tribunal</mark>")
        .contains("<mark class=\"syn\" title=\"original: lawyer\">attorney</mark>")
        .contains("<mark class=\"fn\" title=\"original: the\">a</mark>");
    assertThat(r.rows().get(0).originalHtml()).contains("<mark class=\"syn\" title=\"copy: tribunal\">court</mark>");
    assertThat(r.counts().synonym()).isGreaterThanOrEqualTo(2);
    assertThat(r.counts().function()).isGreaterThanOrEqualTo(1);
    // markup in the texts is escaped, never passed through
    PassageDiff.Result x = PassageDiff.compare("<b>x</b> said", "<i>x</i> said", List.of(new Evidence(new Span(0, 13), new Span(0, 13))));
    assertThat(x.rows().get(0).copyHtml()).doesNotContain("<b>", "<i>").contains("&lt;", "&gt;x&lt;/");
  }

  @Test
  void passagesSplitAtSharedParagraphs() {
    String copy = "First part is here.\n\nSecond part follows now.";
    String orig = "First part is there.\n\nSecond part follows now.";
    PassageDiff.Result r = PassageDiff.compare(copy, orig, List.of(new Evidence(new Span(0, copy.length()), new Span(0, orig.length()))));
    assertThat(r.rows()).hasSize(2);
    assertThat(r.rows().get(1).copyHtml()).isEqualTo("Second part follows now.");
  }

  @Test
  void lineageLayoutIsDeterministicAndLayered() {
    List<LineageGraph.Node> nodes = List.of(new LineageGraph.Node("a", "Wire", "day 1", "1", "/article?id=a"),
        new LineageGraph.Node("b", "Farm B", "day 2", "2", "/article?id=b"),
        new LineageGraph.Node("c", "Farm C", "day 3", "3", "/article?id=c"));
    List<LineageGraph.Edge> edges = List.of(new LineageGraph.Edge("c", "b", "spun", "+1 d"),
        new LineageGraph.Edge("b", "a", "verbatim", "+1 d"));
    String svg = LineageGraph.svg(nodes, edges);
    assertThat(LineageGraph.svg(List.of(nodes.get(2), nodes.get(0), nodes.get(1)), List.of(edges.get(1), edges.get(0)))).isEqualTo(svg);
    Document d = Jsoup.parse(svg);
    // a copy of a copy sits one column further right than the copy it copies
    assertThat(d.select("g.node[data-id=a] rect").attr("x")).isEqualTo("8");
    assertThat(d.select("g.node[data-id=b] rect").attr("x")).isEqualTo(String.valueOf(8 + LineageGraph.COL));
    assertThat(d.select("g.node[data-id=c] rect").attr("x")).isEqualTo(String.valueOf(8 + 2 * LineageGraph.COL));
    assertThat(d.select("g.node.root").attr("data-id")).isEqualTo("a");
    assertThat(LineageGraph.svg(nodes, List.of())).isEmpty();
  }
}
