package io.wiretrace.eval;

import io.wiretrace.model.Article;
import io.wiretrace.model.RawDocument;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ApiServer;
import io.wiretrace.server.RateLimits;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code wiretrace bench abuse}: a bounded loopback abuse run against {@code wiretrace serve} with
 * its default limits. Legitimate readers (each from its own loopback address, 127.0.1.N) run a
 * closed loop of searches, story and article reads, first alone (baseline), then while attackers
 * from other loopback addresses run: slow clients trickling headers, oversized bodies (with a
 * length and chunked), malformed JSON with the right token, and 10,000 requests with wrong tokens.
 * Every answer is counted by status; a legitimate request that fails, or any 5xx, is an error.
 */
public final class AbuseBench {
  private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.ISO_8859_1);

  record Answer(int status, long nanos) {}

  /** Counts of one traffic class. */
  static final class Tally {
    final String name;
    final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();
    final AtomicLong transportErrors = new AtomicLong();
    final List<Long> latencies = java.util.Collections.synchronizedList(new ArrayList<>());

    Tally(String name) {
      this.name = name;
    }

    void add(Answer a) {
      if (a.status < 0) {
        transportErrors.incrementAndGet();
      } else {
        byStatus.computeIfAbsent(a.status, k -> new AtomicLong()).incrementAndGet();
      }
      latencies.add(a.nanos);
    }

    long total() {
      return byStatus.values().stream().mapToLong(AtomicLong::get).sum() + transportErrors.get();
    }

    long count(int lo, int hi) {
      long n = 0;
      for (Map.Entry<Integer, AtomicLong> e : byStatus.entrySet()) {
        if (e.getKey() >= lo && e.getKey() <= hi) {
          n += e.getValue().get();
        }
      }
      return n;
    }

    String statuses() {
      StringBuilder sb = new StringBuilder();
      new TreeMap<>(byStatus).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k == 0 ? "held to the end" : k)
          .append(':').append(v.get()));
      if (transportErrors.get() > 0) {
        sb.append(" closed:").append(transportErrors.get());
      }
      return sb.toString();
    }

    long p(double q) {
      long[] l;
      synchronized (latencies) {
        l = latencies.stream().mapToLong(Long::longValue).toArray();
      }
      Arrays.sort(l);
      return ServeBench.quantile(l, q);
    }
  }

  public EvalTask.Table run(Path dir, int seconds, int readers, PrintWriter log) throws Exception {
    Files.createDirectories(dir);
    Path data = Files.createTempDirectory(dir, "abuse-store");
    try (Store store = Store.open(data)) {
      Pipeline pipeline = Pipeline.builder().threads(2).paraphrases(false).build();
      List<RawDocument> docs = new ArrayList<>();
      for (Article a : new ClusterBench().stream(400, new HashMap<>())) {
        docs.add(new RawDocument(a.id(), a.id(), RawDocument.Format.TEXT, a.text(),
            new RawDocument.Hints(null, a.title(), a.published(), "Outlet " + Math.floorMod(a.id().hashCode(), 5))));
      }
      store.ingest(pipeline.prepareDocuments(docs, store::contains));
      ApiServer server = ApiServer.start(store, pipeline, "127.0.0.1", 0, 1 << 20, RateLimits.Config.DEFAULT);
      try {
        int port = server.port();
        List<String> words = new ArrayList<>();
        for (RawDocument d : docs.subList(0, 100)) {
          words.add(d.hints().title().split(" ")[0].toLowerCase(Locale.ROOT));
        }
        Tally base = new Tally("readers alone");
        legit(port, readers, seconds, words, base, new AtomicBoolean(false));
        log.printf(Locale.ROOT, "baseline: %d requests, p99 %.1f ms%n", base.total(), base.p(0.99) / 1e6);
        log.flush();
        Tally under = new Tally("readers under attack");
        Tally slow = new Tally("slow clients (header trickle)");
        Tally big = new Tally("oversized bodies (8 MiB, with length)");
        Tally chunked = new Tally("oversized bodies (8 MiB, chunked)");
        Tally bad = new Tally("malformed JSON, right token");
        Tally tokens = new Tally("wrong tokens (10,000)");
        AtomicBoolean stop = new AtomicBoolean(false);
        long peakBefore = peakRssKb();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
          List<Future<?>> fs = new ArrayList<>();
          fs.add(pool.submit(() -> slowClients(port, 200, seconds, slow)));
          fs.add(pool.submit(() -> repeat(stop, () -> oversized(port, server.token(), false), big, "127.0.0.4")));
          fs.add(pool.submit(() -> repeat(stop, () -> oversized(port, server.token(), true), chunked, "127.0.0.5")));
          fs.add(pool.submit(() -> repeat(stop, () -> post(port, "127.0.0.6", "/api/ingest/jsonl", "Bearer " + server.token(),
              "{\"id\": \"x\", \"text\": \n{{{ not json\n".getBytes(StandardCharsets.UTF_8), false), bad, null)));
          fs.add(pool.submit(() -> {
            Random r = new Random(3);
            for (int i = 0; i < 10_000; i++) {
              tokens.add(post(port, "127.0.0." + (7 + i % 4), "/api/ingest/jsonl", "Bearer " + Long.toHexString(r.nextLong()),
                  "{}".getBytes(StandardCharsets.UTF_8), false));
            }
            return null;
          }));
          legit(port, readers, seconds, words, under, stop);
          stop.set(true);
          for (Future<?> f : fs) {
            f.get();
          }
        }
        long peak = peakRssKb();
        EvalTask.Table t = new EvalTask.Table(String.format(Locale.ROOT,
            "Abuse run: %d legitimate readers for %d s alone, then %d s under attack (default limits, loopback)", readers, seconds,
            seconds), List.of("traffic", "requests", "answers by status", "5xx", "p50 ms", "p99 ms"));
        for (Tally x : List.of(base, under, slow, big, chunked, bad, tokens)) {
          t.row(x.name, x.total(), x.statuses(), x.count(500, 599), String.format(Locale.ROOT, "%.1f", x.p(0.5) / 1e6),
              String.format(Locale.ROOT, "%.1f", x.p(0.99) / 1e6));
        }
        t.note(String.format(Locale.ROOT, "Server peak RSS (this JVM, VmHWM): %d MB before the attack phase, %d MB after.",
            peakBefore / 1024, peak / 1024));
        t.note("Slow clients: 200 connections each sending a request line and then one header byte every 2 s; they count as "
            + "answered when the server closes them (idle timeout 30 s) or the run ends. Readers use their own addresses "
            + "(127.0.1.N), attackers theirs, so per-client budgets apply as they would across the network.");
        return t;
      } finally {
        server.stop();
      }
    } finally {
      CrashBench.deleteTree(data);
    }
  }

  private interface Attack {
    Answer send() throws IOException;
  }

  private static Void repeat(AtomicBoolean stop, Attack a, Tally t, String unused) {
    while (!stop.get()) {
      try {
        t.add(a.send());
      } catch (IOException e) {
        t.add(new Answer(-1, 0));
      }
    }
    return null;
  }

  private static Answer oversized(int port, String token, boolean chunked) throws IOException {
    byte[] body = new byte[8 << 20];
    Arrays.fill(body, (byte) 'a');
    return post(port, chunked ? "127.0.0.5" : "127.0.0.4", "/api/ingest/jsonl", "Bearer " + token, body, chunked);
  }

  private static void legit(int port, int readers, int seconds, List<String> words, Tally t, AtomicBoolean stopEarly)
      throws Exception {
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<?>> fs = new ArrayList<>();
      for (int c = 0; c < readers; c++) {
        int id = c;
        fs.add(pool.submit(() -> {
          Random r = new Random(id);
          String from = "127.0.1." + (1 + id);
          while (System.nanoTime() < end) {
            String path = switch (r.nextInt(3)) {
              case 0 -> "/api/search?q=" + words.get(r.nextInt(words.size()));
              case 1 -> "/api/stories?page=" + (1 + r.nextInt(3));
              default -> "/";
            };
            t.add(get(port, from, path));
          }
          return null;
        }));
      }
      for (Future<?> f : fs) {
        f.get();
      }
    }
  }

  private static Socket connect(int port, String from) throws IOException {
    Socket s = new Socket();
    s.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
    s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5000);
    s.setSoTimeout(60_000);
    return s;
  }

  private static Answer get(int port, String from, String path) {
    long t0 = System.nanoTime();
    try (Socket s = connect(port, from)) {
      OutputStream out = s.getOutputStream();
      out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      return new Answer(status(s.getInputStream()), System.nanoTime() - t0);
    } catch (IOException e) {
      return new Answer(-1, System.nanoTime() - t0);
    }
  }

  private static Answer post(int port, String from, String path, String auth, byte[] body, boolean chunked) {
    long t0 = System.nanoTime();
    try (Socket s = connect(port, from)) {
      OutputStream out = s.getOutputStream();
      String head = "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nAuthorization: " + auth + "\r\n"
          + (chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length + "\r\n") + "\r\n";
      out.write(head.getBytes(StandardCharsets.ISO_8859_1));
      try {
        if (chunked) {
          for (int i = 0; i < body.length; i += 65536) {
            int n = Math.min(65536, body.length - i);
            out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(body, i, n);
            out.write(CRLF);
          }
          out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        } else {
          out.write(body);
        }
        out.flush();
      } catch (IOException e) {
        // the server may answer and close before the body is all sent (413): read what it said
      }
      return new Answer(status(s.getInputStream()), System.nanoTime() - t0);
    } catch (IOException e) {
      return new Answer(-1, System.nanoTime() - t0);
    }
  }

  private static int status(InputStream in) throws IOException {
    byte[] head = in.readNBytes(12);
    if (head.length < 12) {
      throw new IOException("no answer");
    }
    in.skip(Long.MAX_VALUE);
    in.readAllBytes();
    return Integer.parseInt(new String(head, 9, 3, StandardCharsets.ISO_8859_1));
  }

  private static Void slowClients(int port, int n, int seconds, Tally t) throws Exception {
    List<Socket> open = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Socket s = connect(port, "127.0.0.3");
      s.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".getBytes(StandardCharsets.ISO_8859_1));
      open.add(s);
    }
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end && !open.isEmpty()) {
      Thread.sleep(2000);
      for (java.util.Iterator<Socket> it = open.iterator(); it.hasNext(); ) {
        Socket s = it.next();
        try {
          s.getOutputStream().write('a');
          s.getOutputStream().flush();
        } catch (IOException e) {
          t.add(new Answer(-1, 0)); // closed by the server
          it.remove();
          s.close();
        }
      }
    }
    for (Socket s : open) {
      t.add(new Answer(0, 0)); // still open at the end: held, not answered
      s.close();
    }
    return null;
  }

  private static long peakRssKb() {
    return io.wiretrace.eval.fuzz.FuzzBench.peakRssKb(ProcessHandle.current().pid());
  }
}
