package io.wiretrace.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.io.JsonLines;
import io.wiretrace.model.Relation;
import io.wiretrace.model.Story;
import io.wiretrace.pipeline.AnalysisResult;
import io.wiretrace.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreTest {
  static final Path DEMO = Path.of("..", "demo", "corpus").toAbsolutePath().normalize();
  static Pipeline pipeline;
  static AnalysisResult batch;

  @TempDir
  Path tmp;

  @BeforeAll
  static void analyze() throws IOException {
    pipeline = Pipeline.builder().threads(2).paraphrases(false).build();
    batch = pipeline.analyze(List.of(DEMO));
  }

  static Store.IngestReport ingest(Store store, Path... inputs) throws IOException {
    return store.ingest(pipeline.prepare(List.of(inputs), store::contains));
  }

  /** Relations as the batch writes them, one JSON line each, sorted. */
  static List<String> batchRelations() throws IOException {
    List<String> out = new ArrayList<>();
    for (Relation r : batch.relations()) {
      out.add(JsonLines.line(r, JsonLines.RELATION));
    }
    return out;
  }

  static List<String> storedRelations(Store store) throws IOException {
    ObjectMapper m = new ObjectMapper();
    List<String> out = new ArrayList<>();
    for (JsonNode r : store.searcher().allRelations(null, 1, 100).get("items")) {
      out.add(JsonLines.line(Store.parseRelation(r), JsonLines.RELATION));
    }
    return out;
  }

  /** Stories as sets of article ids. */
  static Set<Set<String>> partition(List<Story> stories) {
    return stories.stream().map(s -> (Set<String>) new TreeSet<>(s.articles())).collect(Collectors.toSet());
  }

  static Set<Set<String>> storedPartition(Store store) throws IOException {
    Set<Set<String>> out = new java.util.HashSet<>();
    ObjectNode page = store.searcher().stories("oldest", null, 1, 100);
    for (JsonNode s : page.get("items")) {
      Set<String> ids = new TreeSet<>();
      for (JsonNode a : store.searcher().story(s.get("id").asText()).orElseThrow().get("articles")) {
        ids.add(a.get("id").asText());
      }
      out.add(ids);
    }
    return out;
  }

  @Test
  void ingestGivesTheBatchRelationsAndStoriesOnTheDemo() throws IOException {
    try (Store store = Store.open(tmp.resolve("data"))) {
      Store.IngestReport r = ingest(store, DEMO);
      assertThat(r.added()).isEqualTo(batch.articles().size());
      assertThat(r.rejected()).extracting(x -> x.input()).anyMatch(i -> i.contains("truncated-capture"));
      assertThat(storedRelations(store)).isEqualTo(batchRelations());
      assertThat(storedPartition(store)).isEqualTo(partition(batch.stories()));
    }
  }

  @Test
  void relationsDoNotDependOnIngestOrder() throws IOException {
    // the farms first (copies before their originals), then the rest: lineage is recomputed as originals arrive
    // ids are relative to the INPUT: two roots holding parts of the corpus give the ids of the whole
    Path first = tmp.resolve("first");
    Path rest = tmp.resolve("rest");
    splitFarmsFirst(first, rest);
    try (Store store = Store.open(tmp.resolve("data"))) {
      ingest(store, first);
      String outletsBefore = store.searcher().outlets().toString();
      assertThat(store.searcher().outlets().toString()).isEqualTo(outletsBefore);
      ingest(store, rest);
      assertThat(storedRelations(store)).isEqualTo(batchRelations());
      // outlets are computed once per refresh of the searcher: the second ingest shows in them
      assertThat(store.searcher().outlets().toString()).isNotEqualTo(outletsBefore).contains("\"source\":\"Northwind Press\"");
      for (JsonNode r : store.searcher().allRelations(null, 1, 100).get("items")) {
        JsonNode copy = store.searcher().article(r.get("copy").asText()).orElseThrow();
        JsonNode orig = store.searcher().article(r.get("original").asText()).orElseThrow();
        assertThat(copy.get("story")).as("a copy is in its original's story").isEqualTo(orig.get("story"));
        assertThat(copy.get("kinds").toString()).contains(r.get("kind").asText());
        assertThat(orig.get("kinds").toString()).contains("original");
      }
    }
  }

  /** The demo's farms (copies whose originals are elsewhere) under {@code first}, everything else under {@code rest}. */
  static void splitFarmsFirst(Path first, Path rest) throws IOException {
    try (var dirs = Files.list(DEMO)) {
      for (Path d : dirs.sorted().toList()) {
        copyTree(d, (d.getFileName().toString().equals("farms") ? first : rest).resolve(d.getFileName().toString()));
      }
    }
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (var walk = Files.walk(from)) {
      for (Path p : walk.sorted().toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  /**
   * Writes since the last refresh are read from the in-memory overlay: committing (and so
   * refreshing) after every article must store exactly what one commit at the end stores, on the
   * demo (copies before their originals, so relations move and kinds are rewritten while pending)
   * and on a generated corpus with many copies per original.
   */
  @Test
  void whatIsStoredDoesNotDependOnWhenTheSearcherIsRefreshed() throws IOException {
    Path first = tmp.resolve("first");
    Path rest = tmp.resolve("rest");
    splitFarmsFirst(first, rest);
    Path generated = Corpus.write(tmp.resolve("corpus.jsonl"), 40, 4, 5);
    List<String> dumps = new ArrayList<>();
    for (int commitEvery : new int[] {1, 3, 100_000}) {
      try (Store store = Store.open(tmp.resolve("data-" + commitEvery), commitEvery)) {
        ingest(store, first);
        ingest(store, rest);
        ingest(store, generated);
        StringBuilder lists = new StringBuilder(store.searcher().dump());
        for (String order : new String[] {"newest", "biggest", "copied"}) { // these carry the stored sizes and echoes
          lists.append(store.searcher().stories(order, null, 1, 1000)).append('\n');
        }
        dumps.add(lists.toString());
        assertStoredCountsAreTheMembers(store);
      }
    }
    assertThat(dumps.get(0)).contains("\"kind\":\"verbatim\"").contains("\"echoes\":4");
    assertThat(dumps.get(1)).isEqualTo(dumps.get(0));
    assertThat(dumps.get(2)).isEqualTo(dumps.get(0));
  }

  /** Every story's stored size and echoes (written at refresh points) are its members and its members that copy another. */
  static void assertStoredCountsAreTheMembers(Store store) throws IOException {
    TreeMap<String, long[]> counted = new TreeMap<>();
    for (String line : store.searcher().dump().split("\n")) {
      JsonNode n = new ObjectMapper().readTree(line);
      if (n.has("kinds") && n.has("story")) {
        long[] c = counted.computeIfAbsent(n.get("story").asText(), k -> new long[2]);
        c[0]++;
        boolean copy = false;
        for (JsonNode k : n.get("kinds")) {
          copy |= Relation.COPY_KINDS.contains(k.asText());
        }
        c[1] += copy ? 1 : 0;
      }
    }
    TreeMap<String, long[]> stored = new TreeMap<>();
    for (JsonNode o : store.searcher().stories("oldest", null, 1, 100_000).get("items")) {
      stored.put(o.get("id").asText(), new long[] {o.get("articles").asLong(), o.get("echoes").asLong()});
    }
    assertThat(stored.keySet()).isEqualTo(counted.keySet());
    for (var e : counted.entrySet()) {
      assertThat(stored.get(e.getKey())).as("size and echoes of %s", e.getKey()).containsExactly(e.getValue());
    }
  }

  @Test
  void aSpunCopyStoredBeforeItsOriginalIsLinkedWhenTheOriginalArrives() throws IOException {
    // one paragraph, spun so that no literal key survives for either channel: only the restored keys meet
    Path copy = tmp.resolve("copy.jsonl");
    Files.writeString(copy, "{\"id\":\"farm/crews\",\"title\":\"Rescue on the river\",\"published\":\"2025-06-06T08:00:00Z\",\"text\":"
        + "\"Emergency crews employed boats to reach occupants trapped on rooftops, and the army sent four choppers from the base at "
        + "Northfield. No deaths had been reported by eve, but at least 14 citizenry were handled for hypothermia.\"}\n");
    Path original = tmp.resolve("original.jsonl");
    Files.writeString(original, "{\"id\":\"wire/crews\",\"title\":\"Rescue on the river\",\"published\":\"2025-06-05T08:00:00Z\",\"text\":"
        + "\"Emergency crews used boats to reach residents trapped on rooftops, and the army sent four helicopters from the base at "
        + "Northfield. No deaths had been reported by evening, but at least 14 people were treated for hypothermia.\"}\n");
    try (Store store = Store.open(tmp.resolve("data"))) {
      ingest(store, copy);
      assertThat(store.searcher().relations("farm/crews", null)).isEmpty();
      ingest(store, original);
      assertThat(store.searcher().relations("farm/crews", "copy")).singleElement().satisfies(r -> {
        assertThat(r.get("original").asText()).isEqualTo("wire/crews");
        assertThat(r.get("evidence")).isNotEmpty();
      });
    }
  }

  @Test
  void aColumnQuotingAWireParagraph_isClusteredOnItsOwnText_inTheStoreAsInTheBatch() throws IOException {
    // a long column of its own that pastes one paragraph of a wire story: a partial copy under a tenth copied
    Path in = tmp.resolve("column.jsonl");
    Files.writeString(in, "{\"id\": \"wire/flood\", \"title\": \"Floods force 3,000 from homes in Riverton\", \"published\": \"2025-06-05T08:00:00Z\", \"text\": \"RIVERTON (Valley Wire) — Floodwaters from the swollen Amber River forced more than 3,000 people from their homes in the Riverton district on Thursday, after two days of record rainfall overwhelmed the town's levees.\\n\\nThe regional weather office said 212 millimetres of rain fell in 48 hours, more than the area usually receives in two months. Water reached the first floor of houses in the low-lying Millbank neighbourhood by early afternoon.\\n\\nEmergency crews used boats to reach residents trapped on rooftops, and the army sent four helicopters from the base at Northfield. No deaths had been reported by evening, but at least 14 people were treated for hypothermia.\\n\\nThe district's two bridges were closed as a precaution, cutting the main road to the coast. Schools will remain shut until engineers have checked their foundations, the education department said.\"}\n{\"id\": \"column/reservoir\", \"title\": \"A reservoir, two towns and a calendar\", \"published\": \"2025-06-09T08:00:00Z\", \"text\": \"Lindqvist and Teranova have argued about the Silverå reservoir for as long as anyone on either council can remember. The reservoir sits on the border, its dam was built by one town and its pipes by the other, and every dry summer the old quarrel returns with the heat.\\n\\nThis spring the two mayors, Ilse Varga and Tomas Ekberg, signed an agreement that divides the water by season rather than by volume. Lindqvist draws more in winter, when its mills run; Teranova draws more in summer, when its orchards need it most.\\n\\nCritics on the Lindqvist council call the deal a surrender, pointing out that the orchards pay no share of the dam's upkeep. Supporters answer that the mills never paid for the pipes either, and that a seasonal split at least ends the yearly court cases.\\n\\nThe engineers who drafted the technical annex are more cautious than either camp. They warn that the reservoir silts up faster than the agreement assumes, and that dredging, which neither budget includes, will be needed within a decade.\\n\\nFloods elsewhere in the region have sharpened the debate. Last week a wire report described the scene downriver:\\n\\nEmergency crews used boats to reach residents trapped on rooftops, and the army sent four helicopters from the base at Northfield. No deaths had been reported by evening, but at least 14 people were treated for hypothermia.\\n\\nNo such flood has reached the Silverå valley in living memory, but the dam's spillway was sized for a climate that no longer exists. The agreement says nothing about who pays if it fails, and that, more than any seasonal quota, is the question both councils will have to answer before the autumn rains.\\n\\nUntil then the water will flow by the calendar, the mills and the orchards will each take their turn, and the two towns will go on sharing a reservoir that neither can afford to lose. The mills have already asked for a review clause, and the orchard growers want a seat on the board that will read the gauges each month.\\n\\nWhatever the councils decide, the people of both towns will be watching the level of the water more closely than any clause of the agreement, and they will not wait for the lawyers to tell them when it is too low.\"}\n");
    AnalysisResult b = pipeline.analyze(List.of(in));
    assertThat(b.rejected()).isEmpty();
    assertThat(b.relations()).singleElement().satisfies(r -> {
      assertThat(r.copy()).isEqualTo("column/reservoir");
      assertThat(r.coverage()).isLessThan(io.wiretrace.cluster.StoryClusterer.MIN_TIE_COVERAGE);
    });
    assertThat(partition(b.stories())).hasSize(2);
    try (Store store = Store.open(tmp.resolve("data"))) {
      ingest(store, in);
      assertThat(storedRelations(store)).hasSize(1);
      assertThat(storedPartition(store)).isEqualTo(partition(b.stories()));
    }
  }

  @Test
  void undatedVisitsAYearApart_areTwoStories_inTheStoreAsInTheBatch() throws IOException {
    // text dumps carry no dates; each report names its day in its lead, and the store reads the estimate
    Path in = tmp.resolve("visits.jsonl");
    Files.writeString(in, "{\"id\": \"wire/visit-2025\", \"title\": \"Varga signs water pact in Teranova\", \"text\": \"Mayor Ilse Varga of Lindqvist visited Teranova on Wednesday, April 2, 2025, and signed a water agreement with Mayor Tomas Ekberg covering the Silverå reservoir.\"}\n"
        + "{\"id\": \"wire/visit-2026\", \"title\": \"Varga in Teranova\", \"text\": \"Mayor Ilse Varga of Lindqvist returned to Teranova on Tuesday, April 14, 2026, to inspect the pumping station built under the Silverå water agreement with Mayor Tomas Ekberg.\"}\n");
    AnalysisResult b = pipeline.analyze(List.of(in));
    assertThat(b.articles()).allSatisfy(a -> {
      assertThat(a.published()).isNull();
      assertThat(a.estimated()).isNotNull();
    });
    assertThat(partition(b.stories())).hasSize(2);
    try (Store store = Store.open(tmp.resolve("data"))) {
      ingest(store, in);
      assertThat(storedPartition(store)).isEqualTo(partition(b.stories()));
    }
  }

  @Test
  void aStoreOfAnotherFormatIsRefusedWithWhatToDo() throws IOException {
    Path data = tmp.resolve("old");
    Files.createDirectories(data);
    try (var dir = org.apache.lucene.store.FSDirectory.open(data);
        var w = new org.apache.lucene.index.IndexWriter(dir, new org.apache.lucene.index.IndexWriterConfig())) {
      w.setLiveCommitData(java.util.Map.of("format", "3").entrySet());
      w.commit();
    }
    assertThatThrownBy(() -> Store.open(data)).isInstanceOf(IOException.class)
        .hasMessageContaining("has format 3").hasMessageContaining("new --data folder");
    try (var dir = org.apache.lucene.store.FSDirectory.open(data)) { // and the old store is left as it was
      assertThat(org.apache.lucene.index.SegmentInfos.readLatestCommit(dir).getUserData()).containsEntry("format", "3");
    }
  }

  @Test
  void theSameInputTwiceChangesNothing() throws IOException {
    Path data = tmp.resolve("data");
    String first;
    try (Store store = Store.open(data)) {
      ingest(store, DEMO);
      first = store.searcher().dump();
      Store.IngestReport again = ingest(store, DEMO);
      assertThat(again.added()).isZero();
      assertThat(again.skipped()).isEqualTo(batch.articles().size());
      assertThat(store.searcher().dump()).isEqualTo(first);
    }
    try (Store store = Store.open(data)) { // and after a restart, from the commit
      assertThat(store.searcher().dump()).isEqualTo(first);
      assertThat(ingest(store, DEMO).added()).isZero();
      assertThat(store.searcher().dump()).isEqualTo(first);
    }
  }

  @Test
  void aSecondWriterIsRefusedWithAClearMessage() throws IOException {
    Path data = tmp.resolve("data");
    try (Store store = Store.open(data)) {
      assertThatThrownBy(() -> Store.open(data)).isInstanceOf(Store.LockedException.class)
          .hasMessageContaining("in use by another wiretrace process");
    }
  }

  @Test
  void searchFiltersFacetsAndHighlights() throws IOException {
    try (Store store = Store.open(tmp.resolve("data"))) {
      ingest(store, DEMO);
      Searcher s = store.searcher();
      ObjectNode r = s.search(Searcher.Query2.of("earthquake"));
      assertThat(r.get("total").asLong()).isGreaterThan(3);
      assertThat(r.get("hits").get(0).get("snippet").asText()).containsIgnoringCase("<b>earthquake");
      assertThat(r.get("facets").get("outlet").toString()).contains("Northwind");
      ObjectNode spun = s.search(new Searcher.Query2(null, null, null, null, null, "spun", null, null, 1, 10, false));
      assertThat(spun.get("hits")).extracting(h -> h.get("id").asText()).containsExactly("farms/buzzwire-brenholm-treasurer.txt");
      ObjectNode dated = s.search(new Searcher.Query2("Varga", null, null, "2026-01-01", "2026-12-31", null, null, null, 1, 10, true));
      for (JsonNode h : dated.get("hits")) {
        assertThat(h.get("published").asText()).startsWith("2026");
      }
      assertThat(dated.get("groups")).isNotEmpty();
      assertThatThrownBy(() -> s.search(Searcher.Query2.of("title:(unclosed"))).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("does not parse");
      assertThatThrownBy(() -> s.search(new Searcher.Query2(null, null, null, "last week", null, null, null, null, 1, 10, false)))
          .hasMessageContaining("from must be a date");
    }
  }

  @Test
  void lineageAndOutlets() throws IOException {
    try (Store store = Store.open(tmp.resolve("data"))) {
      ingest(store, DEMO);
      JsonNode l = store.searcher().lineage("northwind/caldera-earthquake").orElseThrow();
      assertThat(l.get("root").asText()).isEqualTo("northwind/caldera-earthquake");
      assertThat(l.get("copies").toString()).contains("farms/newsportal24-caldera-seism.txt").contains("translated");
      JsonNode up = store.searcher().lineage("farms/newsportal24-caldera-seism.txt").orElseThrow();
      assertThat(up.get("root").asText()).isEqualTo("northwind/caldera-earthquake");
      assertThat(store.searcher().lineage("no/such")).isEmpty();
      assertThat(store.searcher().outlets().toString()).contains("\"source\":\"Northwind Press\"");
    }
  }

  @Test
  void killedIngestRestartsAtItsLastCommitAndCompletes() throws Exception {
    Path input = Corpus.write(tmp.resolve("corpus.jsonl"), 30, 3, 11);
    Path reference = tmp.resolve("reference");
    String expected;
    try (Store store = Store.open(reference, 7)) {
      ingest(store, input);
      expected = store.searcher().dump();
    }
    // the store links the generated corpus exactly as the batch does
    List<String> batchLines = new ArrayList<>();
    for (Relation r : pipeline.analyze(List.of(input)).relations()) {
      batchLines.add(JsonLines.line(r, JsonLines.RELATION));
    }
    List<String> storeLines = new ArrayList<>();
    try (Store store = Store.open(reference, 7)) {
      for (JsonNode r : store.searcher().allRelations(null, 1, 100_000).get("items")) {
        storeLines.add(JsonLines.line(Store.parseRelation(r), JsonLines.RELATION));
      }
    }
    assertThat(storeLines).isEqualTo(batchLines);
    TreeMap<Long, Long> seen = new TreeMap<>();
    // kill points: 300 ms and 1.2 s after linking starts, and right after the first commit of the
    // run (-1): the last one lands inside the ingest however slow or loaded the machine is
    for (long delay : new long[] {300, -1, 1200}) {
      Path data = tmp.resolve("killed-" + delay);
      Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
          System.getProperty("java.class.path"), IngestMain.class.getName(), data.toString(), input.toString(), "7")
          .redirectErrorStream(true).start();
      try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream()))) {
        String line;
        while ((line = out.readLine()) != null && !line.startsWith("ingesting")) {
          // model loading and extraction
        }
        if (delay >= 0) {
          Thread.sleep(delay);
        } else {
          long start = commitGeneration(data);
          long deadline = System.nanoTime() + 120_000_000_000L;
          while (commitGeneration(data) <= start && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(2);
          }
        }
        p.destroyForcibly(); // SIGKILL
        p.waitFor();
      }
      long stored;
      try (Store store = Store.open(data, 7)) {
        stored = store.counts().get("article");
        // a commit holds whole articles: every stored copy's relation and story are there
        for (JsonNode r : store.searcher().allRelations(null, 1, 100).get("items")) {
          assertThat(store.searcher().article(r.get("copy").asText())).isPresent();
        }
        seen.put(delay, stored);
        ingest(store, input);
        assertThat(store.searcher().dump()).as("restart after kill at %d ms (%d stored)", delay, stored).isEqualTo(expected);
      }
    }
    assertThat(seen.values()).as("kill points fell inside the ingest").anyMatch(n -> n > 0 && n < 120);
  }

  /** The highest Lucene commit generation ({@code segments_N}) under {@code dir}, 0 when none. */
  private static long commitGeneration(Path dir) throws java.io.IOException {
    if (!java.nio.file.Files.isDirectory(dir)) {
      return 0;
    }
    try (var files = java.nio.file.Files.walk(dir)) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith("segments_"))
          .mapToLong(n -> Long.parseLong(n.substring("segments_".length()), Character.MAX_RADIX)).max().orElse(0);
    } catch (java.io.UncheckedIOException | NumberFormatException e) {
      return 0; // a file vanished while listed (Lucene deletes old commits): try again
    }
  }
}
