package io.wiretrace.eval.fuzz;

import io.wiretrace.eval.EvalTask;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * {@code wiretrace bench fuzz}: coverage-guided fuzzing of a reader (or the HTTP API) with Jazzer
 * (libFuzzer driving bytecode-instrumented wiretrace, jsoup, jwarc, Rome and Jackson), in a child
 * JVM so that a hang or a runaway heap is caught by libFuzzer's own limits ({@code -timeout},
 * {@code -rss_limit_mb}) and reported, not suffered. Seeds are written by the project; findings are
 * kept in the artifact folder to be minimized into regression fixtures.
 */
public final class FuzzBench {
  /** The targets by name. */
  public static final Map<String, Class<?>> TARGETS = new TreeMap<>(Map.of(
      "html", ReaderFuzz.Html.class,
      "text", ReaderFuzz.Text.class,
      "jsonl", ReaderFuzz.Jsonl.class,
      "warc", ReaderFuzz.Warc.class,
      "feed", ReaderFuzz.Feed.class,
      "api", ApiFuzz.class));

  /** What one run found. */
  public record Outcome(String target, long runs, double seconds, int findings, List<Path> artifacts, int exitCode,
      long peakRssMb, String lastLines) {}

  /**
   * Fuzzes {@code target} for {@code runs} inputs (libFuzzer's {@code -runs}), seeded by {@code seed}.
   *
   * @param work folder for the corpus ({@code work/corpus/TARGET}) and findings ({@code work/findings/TARGET})
   */
  public Outcome run(String target, long runs, long seed, Path work, int timeoutSeconds, boolean keepGoing, PrintWriter log)
      throws IOException, InterruptedException {
    Class<?> cls = TARGETS.get(target);
    if (cls == null) {
      throw new IllegalArgumentException("no fuzz target '" + target + "'; targets: " + String.join(", ", TARGETS.keySet()));
    }
    return run(cls, target, runs, seed, work, timeoutSeconds, keepGoing, log);
  }

  /** Fuzzes the target class {@code cls}, seeded with the seeds of {@code target}. */
  Outcome run(Class<?> cls, String target, long runs, long seed, Path work, int timeoutSeconds, boolean keepGoing,
      PrintWriter log) throws IOException, InterruptedException {
    Path corpus = work.resolve("corpus").resolve(target);
    Path findings = work.resolve("findings").resolve(target);
    Files.createDirectories(corpus);
    Files.createDirectories(findings);
    writeSeeds(target, corpus);
    String javaExe = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(javaExe, "-Xmx2g", "-XX:+EnableDynamicAgentLoading", "-Xshare:off",
        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
        "com.code_intelligence.jazzer.Jazzer",
        "--target_class=" + cls.getName(),
        "--instrumentation_includes=io.wiretrace.**:org.jsoup.**:org.netpreserve.**:com.rometools.**:com.fasterxml.**",
        "--custom_hook_excludes=**",
        "--keep_going=" + (keepGoing ? 1000 : 1),
        "-runs=" + runs, "-seed=" + seed, "-max_len=" + (target.equals("api") ? 4096 : 16384),
        "-timeout=" + timeoutSeconds, "-rss_limit_mb=3072", "-print_final_stats=1",
        "--reproducer_path=" + findings.toAbsolutePath(),
        "-artifact_prefix=" + findings.toAbsolutePath() + "/", corpus.toAbsolutePath().toString()));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
    pb.environment().put("JAVA_TOOL_OPTIONS", "");
    long t0 = System.nanoTime();
    Process p = pb.start();
    long[] peak = {0};
    Thread rss = new Thread(() -> {
      while (p.isAlive()) {
        peak[0] = Math.max(peak[0], peakRssKb(p.pid()));
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    rss.setDaemon(true);
    rss.start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (var in = p.getInputStream()) {
      byte[] buf = new byte[8192];
      for (int n; (n = in.read(buf)) > 0; ) {
        out.write(buf, 0, n);
        if (out.size() > (8 << 20)) {
          out.reset(); // keep the tail only
        }
      }
    }
    int code = p.waitFor();
    rss.interrupt();
    double secs = (System.nanoTime() - t0) / 1e9;
    String text = out.toString(StandardCharsets.UTF_8);
    long done = runs;
    Matcher m = Pattern.compile("Done (\\d+) runs in").matcher(text);
    while (m.find()) {
      done = Long.parseLong(m.group(1));
    }
    Matcher execs = Pattern.compile("stat::number_of_executed_units: (\\d+)").matcher(text);
    while (execs.find()) {
      done = Long.parseLong(execs.group(1));
    }
    List<Path> artifacts;
    try (Stream<Path> s = Files.list(findings)) {
      artifacts = s.filter(f -> f.getFileName().toString().matches("(crash|timeout|oom|leak)-.*")).sorted().toList();
    }
    String[] lines = text.split("\n");
    String tail = String.join("\n", java.util.Arrays.copyOfRange(lines, Math.max(0, lines.length - 40), lines.length));
    if (code != 0 || !artifacts.isEmpty()) {
      log.println(tail);
      log.flush();
    }
    return new Outcome(target, done, secs, artifacts.size(), artifacts, code, peak[0] / 1024, tail);
  }

  /** Peak resident set of a process in KB (Linux /proc; 0 elsewhere). */
  public static long peakRssKb(long pid) {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (l.startsWith("VmHWM:")) {
          return Long.parseLong(l.replaceAll("\\D+", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // gone, or not Linux
    }
    return 0;
  }

  private int findings;

  /** Findings (and failed runs) of the last {@link #table} call. */
  public int findings() {
    return findings;
  }

  /** Runs the targets and tabulates the outcomes. */
  public EvalTask.Table table(List<String> targets, long runs, long seed, Path work, int timeoutSeconds, boolean keepGoing,
      PrintWriter log) throws IOException, InterruptedException {
    EvalTask.Table t = new EvalTask.Table(String.format(Locale.ROOT,
        "Coverage-guided fuzzing (Jazzer %s / libFuzzer), %,d inputs per target, seed %d, per-input timeout %d s",
        jazzerVersion(), runs, seed, timeoutSeconds),
        List.of("target", "inputs run", "seconds", "inputs/s", "findings", "exit", "peak RSS MB", "corpus files"));
    findings = 0;
    for (String target : targets) {
      log.printf(Locale.ROOT, "fuzzing %s for %,d inputs...%n", target, runs);
      log.flush();
      Outcome o = run(target, runs, seed, work, timeoutSeconds, keepGoing, log);
      findings += o.findings() + (o.exitCode() != 0 && o.findings() == 0 ? 1 : 0);
      long corpusFiles;
      try (Stream<Path> s = Files.list(work.resolve("corpus").resolve(target))) {
        corpusFiles = s.count();
      }
      t.row(target, o.runs(), String.format(Locale.ROOT, "%.0f", o.seconds()),
          String.format(Locale.ROOT, "%.0f", o.runs() / Math.max(o.seconds(), 1e-9)), o.findings(), o.exitCode(),
          o.peakRssMb(), corpusFiles);
      for (Path a : o.artifacts()) {
        t.note(target + ": finding " + a);
      }
    }
    t.note("A finding is an exception escaping a target, a broken contract (see ReaderFuzz and ApiFuzz), an input over the "
        + "per-input timeout, or the child JVM over 3 GB resident. Findings are kept under " + work.resolve("findings")
        + "; minimized, each becomes a regression fixture in wiretrace-eval/src/test/resources/fuzz/.");
    return t;
  }

  private static String jazzerVersion() {
    Package p = com.code_intelligence.jazzer.Jazzer.class.getPackage();
    return p != null && p.getImplementationVersion() != null ? p.getImplementationVersion() : "0.26.0";
  }

  /** Writes the project's seed inputs for {@code target} into {@code corpus} (kept if present). */
  static void writeSeeds(String target, Path corpus) throws IOException {
    Map<String, byte[]> seeds = seeds(target);
    for (Map.Entry<String, byte[]> e : seeds.entrySet()) {
      Path f = corpus.resolve("seed-" + e.getKey());
      if (!Files.exists(f)) {
        Files.write(f, e.getValue());
      }
    }
  }

  private static final String PAGE = "<!doctype html><html><head><meta charset=utf-8><title>Ferry terminal approved | North Post</title>"
      + "<meta property=\"article:published_time\" content=\"2026-03-02T09:00:00Z\"><meta name=author content=\"Ida Berg\">"
      + "</head><body><nav><a href=/>Home</a></nav><article><h1>Ferry terminal approved</h1>"
      + "<p class=byline>By Ida Berg</p><p>TROMSØ (North Post) — The harbour authority approved a new ferry terminal on Monday.</p>"
      + "<p>\"We will open it next spring,\" said Mayor Ida Berg. The council voted 9 to 2.</p>"
      + "<figure><img src=a.jpg><figcaption>The harbour. Photo: Kai Lund/North Post</figcaption></figure>"
      + "</article><div class=comments><h3>Leave a Reply</h3><p>Your email address will not be published.</p></div></body></html>";

  private static final String TEXT = "Ferry terminal approved\n\nTROMSØ — The harbour authority approved a new ferry terminal on "
      + "Monday.\n\n\"We will open it next spring,\" said Mayor Ida Berg.\n\nSource: North Post\n";

  static Map<String, byte[]> seeds(String target) throws IOException {
    Map<String, byte[]> m = new TreeMap<>();
    switch (target) {
      case "html" -> {
        m.put("page.html", utf8(PAGE));
        m.put("latin1.html", "<html><head><meta charset=iso-8859-1></head><body><p>Caf\u00e9 in Troms\u00f8 opened.</p></body></html>"
            .getBytes(StandardCharsets.ISO_8859_1));
        m.put("utf16.html", ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_16LE));
        m.put("page.html.gz", gzip(utf8(PAGE)));
      }
      case "text" -> {
        m.put("story.txt", utf8(TEXT));
        m.put("one-line.txt", utf8("A one-sentence article about the council vote on Monday."));
        m.put("utf16be.txt", TEXT.getBytes(StandardCharsets.UTF_16BE));
      }
      case "jsonl" -> {
        m.put("batch.jsonl", utf8("{\"id\":\"a1\",\"title\":\"Ferry terminal approved\",\"text\":" + quote(TEXT)
            + ",\"published\":\"2026-03-02T09:00:00Z\",\"outlet\":\"North Post\",\"url\":\"https://north.test/a\"}\n"
            + "{\"id\":\"a2\",\"html\":" + quote(PAGE) + "}\n{\"id\":\"bad\"}\nnot json\n"));
      }
      case "warc" -> {
        m.put("two.warc", warc());
        m.put("two.warc.gz", gzip(warc()));
      }
      case "feed" -> {
        m.put("rss.xml", utf8("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>North Post</title><item><title>Ferry"
            + "</title><link>https://north.test/a</link><pubDate>Mon, 02 Mar 2026 09:00:00 GMT</pubDate><description>"
            + "&lt;p&gt;The harbour authority approved a new ferry terminal.&lt;/p&gt;</description></item></channel></rss>"));
        m.put("atom.xml", utf8("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>North Post</title>"
            + "<entry><title>Ferry</title><id>urn:x:1</id><updated>2026-03-02T09:00:00Z</updated><content type=\"html\">"
            + "&lt;p&gt;Approved on Monday.&lt;/p&gt;</content></entry></feed>"));
      }
      case "api" -> {
        m.put("search", concat(new byte[] {0, 9, 0}, utf8("?q=ferry&outlet=North%20Post&page=1&size=5")));
        m.put("story", concat(new byte[] {0, 12, 0}, utf8("x?y=1")));
        m.put("compare", concat(new byte[] {0, 15, 0}, utf8("?copy=a2&original=a1")));
        m.put("ingest", concat(new byte[] {1, 21, 1}, utf8("\0{\"id\":\"n1\",\"text\":\"The council met on Monday.\"}\n")));
        m.put("html", concat(new byte[] {1, 23, 1}, utf8("?url=https://x.test/p\0" + PAGE)));
        m.put("badtoken", concat(new byte[] {1, 21, 3}, utf8("\0{\"id\":\"n2\",\"text\":\"x\"}")));
      }
      default -> throw new IllegalArgumentException(target);
    }
    return m;
  }

  private static byte[] warc() {
    StringBuilder sb = new StringBuilder();
    for (int i = 1; i <= 2; i++) {
      String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + PAGE;
      sb.append("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://north.test/").append(i)
          .append("\r\nWARC-Date: 2026-03-02T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000")
          .append(i).append(">\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ")
          .append(http.getBytes(StandardCharsets.UTF_8).length).append("\r\n\r\n").append(http).append("\r\n\r\n");
    }
    return utf8(sb.toString());
  }

  private static String quote(String s) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(s);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }
}
