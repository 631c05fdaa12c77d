package io.wiretrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ApiServer;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A bounded loopback load run against {@code wiretrace serve}: the REST server over a store,
 * {@code connections} clients each sending its next request as soon as the last one is answered
 * (closed loop, keep-alive), for a fixed time after a warm-up. Requests are drawn (fixed seed) from
 * what the store holds: full-text searches for words of stored titles (half of them with a facet
 * filter or grouped by story), story pages, story lists, articles and lineages. Latency is measured
 * per request from send to the last byte of the body; every non-2xx answer or transport failure
 * counts as an error. Client and server share the machine's cores, so the figures are an upper
 * bound on the server's own latency.
 */
public final class ServeBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Result of one endpoint class. */
  record Stats(String name, long requests, long errors, long[] latenciesNs) {}

  /**
   * Runs the load against the store in {@code storeDir} (which must hold articles: fill it with
   * {@code bench ingest --dir}).
   */
  public EvalTask.Table run(Path storeDir, int connections, int warmupSeconds, int seconds, PrintWriter log)
      throws Exception {
    try (Store store = Store.open(storeDir)) {
      long articles = store.counts().getOrDefault("article", 0L);
      if (articles == 0) {
        throw new IllegalArgumentException("the store in " + storeDir + " holds no articles; fill it first "
            + "(wiretrace bench ingest --sizes N --dir DIR, then --store DIR/store)");
      }
      // capacity is measured with the per-client limits off: every client here is 127.0.0.1
      ApiServer server = ApiServer.start(store, Pipeline.builder().threads(1).paraphrases(false).build(), "127.0.0.1", 0,
          1 << 20, new io.wiretrace.server.RateLimits.Config(0, 0, 0));
      try {
        String base = "http://127.0.0.1:" + server.port();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newFixedThreadPool(2)).build();
        List<String[]> requests = requests(client, base, new Random(20261206L));
        log.printf(Locale.ROOT, "%,d stored articles; %d request kinds, %d distinct requests; %d connections%n", articles,
            new TreeSet<>(requests.stream().map(r -> r[0]).toList()).size(), requests.size(), connections);
        log.flush();
        load(client, base, requests, connections, warmupSeconds, false);
        List<Stats> stats = load(client, base, requests, connections, seconds, true);
        EvalTask.Table t = new EvalTask.Table(String.format(Locale.ROOT,
            "REST API under load: %,d stored articles, %d concurrent keep-alive connections on loopback, %d s measured after %d s warm-up",
            articles, connections, seconds, warmupSeconds),
            List.of("endpoint", "requests", "errors", "throughput/s", "p50 ms", "p99 ms", "max ms"));
        List<Stats> rows = new ArrayList<>(stats);
        rows.add(all(stats));
        for (Stats s : rows) {
          long[] l = s.latenciesNs.clone();
          Arrays.sort(l);
          t.row(s.name, s.requests, s.errors, String.format(Locale.ROOT, "%.0f", s.requests / (double) seconds),
              ms(quantile(l, 0.50)), ms(quantile(l, 0.99)), ms(l.length == 0 ? 0 : l[l.length - 1]));
        }
        t.note("Closed loop: each connection sends its next request when the previous answer is read. Client (JDK HttpClient) "
            + "and server run on the same cores.");
        return t;
      } finally {
        server.stop();
      }
    }
  }

  private static String ms(long ns) {
    return String.format(Locale.ROOT, "%.1f", ns / 1e6);
  }

  static long quantile(long[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static Stats all(List<Stats> s) {
    long n = 0;
    long e = 0;
    List<long[]> parts = new ArrayList<>();
    int len = 0;
    for (Stats x : s) {
      n += x.requests;
      e += x.errors;
      parts.add(x.latenciesNs);
      len += x.latenciesNs.length;
    }
    long[] l = new long[len];
    int at = 0;
    for (long[] p : parts) {
      System.arraycopy(p, 0, l, at, p.length);
      at += p.length;
    }
    return new Stats("all", n, e, l);
  }

  /** The request mix, drawn from the store through the API itself: {kind, path}. */
  private static List<String[]> requests(HttpClient client, String base, Random r) throws Exception {
    JsonNode stories = get(client, base + "/api/stories?size=100");
    JsonNode outlets = get(client, base + "/api/outlets");
    List<String> storyIds = new ArrayList<>();
    List<String> articleIds = new ArrayList<>();
    List<String> words = new ArrayList<>();
    for (JsonNode s : stories.path("items")) {
      storyIds.add(s.path("id").asText());
      for (String w : s.path("title").asText().toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
        if (w.length() >= 5) {
          words.add(w);
        }
      }
    }
    for (String sid : storyIds.subList(0, Math.min(30, storyIds.size()))) {
      for (JsonNode a : get(client, base + "/api/stories/" + sid).path("articles")) {
        articleIds.add(a.path("id").asText());
      }
    }
    List<String> outletNames = new ArrayList<>();
    for (JsonNode o : outlets) {
      if (!outletNames.contains(o.path("copier").asText())) {
        outletNames.add(o.path("copier").asText());
      }
    }
    if (storyIds.isEmpty() || words.isEmpty() || articleIds.isEmpty()) {
      throw new IllegalStateException("the store gave no stories, title words or articles to ask for");
    }
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < 2000; i++) {
      int k = r.nextInt(10);
      if (k < 5) {
        String q = words.get(r.nextInt(words.size()));
        if (r.nextBoolean()) {
          q += " " + words.get(r.nextInt(words.size()));
        }
        String extra = switch (r.nextInt(4)) {
          case 0 -> "&group=story";
          case 1 -> outletNames.isEmpty() ? "" : "&outlet=" + enc(outletNames.get(r.nextInt(outletNames.size())));
          default -> "";
        };
        out.add(new String[] {"search", "/api/search?q=" + enc(q) + extra});
      } else if (k < 7) {
        out.add(new String[] {"story", "/api/stories/" + storyIds.get(r.nextInt(storyIds.size()))});
      } else if (k < 8) {
        out.add(new String[] {"stories", "/api/stories?page=" + (1 + r.nextInt(5)) + "&order=" + (r.nextBoolean() ? "newest" : "oldest")});
      } else if (k < 9) {
        out.add(new String[] {"article", "/api/article?id=" + enc(articleIds.get(r.nextInt(articleIds.size())))});
      } else {
        out.add(new String[] {"lineage", "/api/lineage?id=" + enc(articleIds.get(r.nextInt(articleIds.size())))});
      }
    }
    return out;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static JsonNode get(HttpClient client, String url) throws Exception {
    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("GET " + url + " gave " + r.statusCode() + ": " + r.body());
    }
    return JSON.readTree(r.body());
  }

  /** Runs the closed loop for {@code seconds}; returns per-kind stats when {@code record}. */
  private static List<Stats> load(HttpClient client, String base, List<String[]> requests, int connections, int seconds,
      boolean record) throws Exception {
    List<String> kinds = new ArrayList<>(new TreeSet<>(requests.stream().map(r -> r[0]).toList()));
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<long[][]>> futures = new ArrayList<>();
      for (int c = 0; c < connections; c++) {
        int seed = c;
        futures.add(pool.submit(() -> {
          // per kind: latencies (growable) and error count
          long[][] lat = new long[kinds.size()][1024];
          int[] n = new int[kinds.size()];
          long[] err = new long[kinds.size()];
          int i = seed * 7919;
          while (System.nanoTime() < end) {
            String[] req = requests.get(Math.floorMod(i++, requests.size()));
            int k = kinds.indexOf(req[0]);
            long t0 = System.nanoTime();
            boolean ok;
            try {
              HttpResponse<byte[]> resp = client.send(HttpRequest.newBuilder(URI.create(base + req[1]))
                  .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
              ok = resp.statusCode() / 100 == 2 && resp.body().length > 0;
            } catch (IOException e) {
              ok = false; // a transport failure counts as an error of its kind
            }
            long dt = System.nanoTime() - t0;
            if (n[k] == lat[k].length) {
              lat[k] = Arrays.copyOf(lat[k], n[k] * 2);
            }
            lat[k][n[k]++] = dt;
            if (!ok) {
              err[k]++;
            }
          }
          long[][] out = new long[kinds.size() + 1][];
          for (int j = 0; j < kinds.size(); j++) {
            out[j] = Arrays.copyOf(lat[j], n[j]);
          }
          out[kinds.size()] = err;
          return out;
        }));
      }
      long[][] lat = new long[kinds.size()][0];
      long[] err = new long[kinds.size()];
      for (Future<long[][]> f : futures) {
        long[][] got = f.get();
        for (int j = 0; j < kinds.size(); j++) {
          long[] merged = Arrays.copyOf(lat[j], lat[j].length + got[j].length);
          System.arraycopy(got[j], 0, merged, lat[j].length, got[j].length);
          lat[j] = merged;
          err[j] += got[kinds.size()][j];
        }
      }
      List<Stats> out = new ArrayList<>();
      if (record) {
        for (int j = 0; j < kinds.size(); j++) {
          out.add(new Stats(kinds.get(j), lat[j].length, err[j], lat[j]));
        }
      }
      return out;
    }
  }
}
