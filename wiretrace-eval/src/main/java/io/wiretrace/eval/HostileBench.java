package io.wiretrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;

/**
 * {@code wiretrace bench hostile}: each hostile input of issue 16 written at full size into a
 * folder of its own next to one good article, and {@code wiretrace analyze} run on that folder as
 * a child process (heap capped at 2 GB) whose peak resident memory is sampled from /proc. A case
 * passes when the run exits normally within its time budget, the good article is in
 * articles.jsonl, and the hostile input is either rejected in rejected.jsonl with a reason or, where it
 * is legitimate text in an unusual form (UTF-16, a mis-declared charset), read correctly.
 */
public final class HostileBench {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GOOD = "Harbour vote\n\nThe harbour authority in Tromsø approved a new ferry terminal on Monday. "
      + "\"We will open it next spring,\" said Mayor Ida Berg.\n";

  private final String mainClass;

  public HostileBench(String mainClass) {
    this.mainClass = mainClass;
  }

  private interface Maker {
    void make(Path dir) throws IOException, InterruptedException;
  }

  /** One case: how to make it, and what the output must show. */
  private record Case(String name, Maker maker, String expect, String rejectedContains, String articleContains) {}

  public EvalTask.Table run(Path work, PrintWriter log) throws IOException, InterruptedException {
    List<Case> cases = List.of(
        new Case("gzip bomb (.txt.gz, 4 GiB of zeros)", d -> gzipRepeat(d.resolve("bomb.txt.gz"), (byte) 0, 4L << 30), "rejected", "larger than the limit", null),
        new Case("WARC-record bomb (.warc.gz, 4 GiB payload)", d -> warcBomb(d.resolve("bomb.warc.gz"), 4L << 30), "rejected", "WARC", null),
        new Case("1 GiB JSONL line between two good lines", d -> bigJsonlLine(d.resolve("big.jsonl"), 1L << 30), "rejected+read", "longer than the limit", "second good line"),
        new Case("200 MB text without a newline", d -> repeatFile(d.resolve("one-line.txt"), (byte) 'w', 200_000_000L), "rejected", "larger than the limit", null),
        new Case("200 MB JSONL without a newline", d -> repeatFile(d.resolve("one-line.jsonl"), (byte) '{', 200_000_000L), "rejected", "longer than the limit", null),
        new Case("1M-deep HTML", d -> Files.writeString(d.resolve("deep.html"), "<html><body>" + "<div>".repeat(1_000_000)
            + "<p>Deep inside, the council approved the budget on Tuesday after a long debate.</p></body></html>"), "read", null, "council approved the budget"),
        new Case("5M attributes on one tag (48 MB)", d -> attributes(d.resolve("attrs.html"), 5_000_000), "rejected", "larger than the limit", null),
        new Case("1M attributes on one tag (under the size limit)", d -> attributes(d.resolve("attrs.html"), 1_000_000), "read", null, "attribute soup"),
        new Case("invalid UTF-8 text", d -> Files.write(d.resolve("bad.txt"), concat(GOOD.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xC3, 0x28})),
            "rejected", "not valid UTF-8", null),
        new Case("NUL bytes in text", d -> Files.write(d.resolve("nul.txt"), "Text\0with\0NULs".getBytes(StandardCharsets.UTF_8)), "rejected", "binary content", null),
        new Case("UTF-16LE text with BOM", d -> Files.write(d.resolve("u16bom.txt"), ("\uFEFF" + GOOD.replace("Tromsø", "Bodø")).getBytes(StandardCharsets.UTF_16LE)),
            "read", null, "Bodø"),
        new Case("UTF-16BE text without BOM", d -> Files.write(d.resolve("u16.txt"), GOOD.replace("Tromsø", "Narvik").getBytes(StandardCharsets.UTF_16BE)),
            "read", null, "Narvik"),
        new Case("HTML declared windows-1252, written in UTF-8", d -> Files.write(d.resolve("mis.html"),
            ("<html><head><meta charset=windows-1252></head><body><article><p>Zoë Ødegård opened the café in Tromsø on "
                + "Friday, the first of its kind.</p></article></body></html>").getBytes(StandardCharsets.UTF_8)), "read", null, "Zoë Ødegård"),
        new Case("WARC record claiming 10^15 bytes", d -> Files.write(d.resolve("huge.warc"), warcClaim()), "rejected", "WARC", null),
        new Case("100k tiny JSONL records", d -> tiny(d.resolve("tiny.jsonl"), 100_000), "read", null, "record 99999"),
        new Case("symbolic link loop", d -> Files.createSymbolicLink(d.resolve("loop"), d), "rejected", "symbolic link loop", null),
        new Case("FIFO", d -> mkfifo(d.resolve("pipe.txt")), "rejected", "not a regular file", null),
        new Case("file names with a newline and with '..'", d -> {
          Files.writeString(d.resolve("two\nlines.txt"), GOOD.replace("Tromsø", "Hammerfest"));
          Files.writeString(d.resolve("..odd...txt"), GOOD.replace("Tromsø", "Alta"));
        }, "read", null, "Hammerfest"));
    EvalTask.Table t = new EvalTask.Table("Hostile inputs: analyze on each case next to a good article (child JVM, -Xmx2g)",
        List.of("case", "input bytes", "outcome", "wall s", "peak RSS MB", "good article kept", "pass"));
    int passed = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Path dir = work.resolve(String.format(Locale.ROOT, "case-%02d", i + 1));
      CrashBench.deleteTree(dir);
      Path in = Files.createDirectories(dir.resolve("in"));
      Files.writeString(in.resolve("good.txt"), GOOD, StandardCharsets.UTF_8);
      c.maker.make(in);
      long bytes = size(in);
      Path out = dir.resolve("out");
      long t0 = System.nanoTime();
      long[] peak = {0};
      int code = run(List.of("analyze", "--no-paraphrases", "-q", "--threads", "2", "--out", out.toString(), in.toString()), peak);
      double secs = (System.nanoTime() - t0) / 1e9;
      String outcome;
      boolean good = false;
      boolean ok;
      if (code != 0) {
        outcome = "exit " + code;
        ok = false;
      } else {
        String articles = Files.readString(out.resolve("articles.jsonl"), StandardCharsets.UTF_8);
        good = articles.contains("approved a new ferry terminal on Monday") && articles.contains("\"good.txt\"");
        List<String> reasons = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("rejected.jsonl"), StandardCharsets.UTF_8)) {
          JsonNode n = JSON.readTree(line);
          reasons.add(n.path("reason").asText());
        }
        boolean rejectedOk = c.rejectedContains == null || reasons.stream().anyMatch(r -> r.contains(c.rejectedContains));
        boolean readOk = c.articleContains == null || articles.contains(c.articleContains);
        ok = good && rejectedOk && readOk;
        outcome = (c.rejectedContains != null ? (rejectedOk ? "rejected: " + first(reasons, c.rejectedContains) : "NOT REJECTED") : "")
            + (c.articleContains != null ? (c.rejectedContains != null ? "; " : "") + (readOk ? "read" : "NOT READ") : "");
      }
      passed += ok ? 1 : 0;
      t.row(c.name, bytes, outcome, String.format(Locale.ROOT, "%.1f", secs), peak[0] / 1024, good ? "yes" : "NO", ok ? "yes" : "NO");
      log.printf(Locale.ROOT, "%s: %s (%.1f s, %d MB)%n", c.name, ok ? "pass" : "FAIL " + outcome, secs, peak[0] / 1024);
      log.flush();
      CrashBench.deleteTree(in); // the big inputs go as soon as they are done
    }
    t.note(passed + " of " + cases.size() + " cases pass. Caps: 16 MiB per document (text or HTML file, JSONL line, WARC payload), "
        + "64 MiB per feed, 4 GiB per expanded JSONL or WARC stream. Peak RSS is the whole child JVM (models, heap up to -Xmx2g, "
        + "JIT); the same run over the good article alone is the baseline row.");
    Path base = work.resolve("baseline");
    CrashBench.deleteTree(base);
    Path in = Files.createDirectories(base.resolve("in"));
    Files.writeString(in.resolve("good.txt"), GOOD, StandardCharsets.UTF_8);
    long[] peak = {0};
    long t0 = System.nanoTime();
    run(List.of("analyze", "--no-paraphrases", "-q", "--threads", "2", "--out", base.resolve("out").toString(), in.toString()), peak);
    t.row("baseline (the good article alone)", size(in), "read", String.format(Locale.ROOT, "%.1f", (System.nanoTime() - t0) / 1e9),
        peak[0] / 1024, "yes", "-");
    return t;
  }

  private static String first(List<String> reasons, String key) {
    for (String r : reasons) {
      if (r.contains(key)) {
        return r.length() > 90 ? r.substring(0, 90) + "…" : r;
      }
    }
    return "";
  }

  private int run(List<String> args, long[] peak) throws IOException, InterruptedException {
    String javaExe = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(javaExe, "-Xmx2g", "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), mainClass));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
    Process p = pb.start();
    long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (p.isAlive() && System.nanoTime() < end) {
      peak[0] = Math.max(peak[0], io.wiretrace.eval.fuzz.FuzzBench.peakRssKb(p.pid()));
      p.waitFor(100, TimeUnit.MILLISECONDS);
    }
    if (p.isAlive()) {
      p.destroyForcibly();
      p.waitFor();
      return -1;
    }
    return p.exitValue();
  }

  private static long size(Path dir) throws IOException {
    long n = 0;
    try (var s = Files.list(dir)) {
      for (Path p : s.toList()) {
        if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          n += Files.size(p);
        }
      }
    }
    return n;
  }

  private static void gzipRepeat(Path f, byte b, long n) throws IOException {
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(f)), 1 << 16)) {
      byte[] buf = new byte[1 << 20];
      Arrays.fill(buf, b);
      for (long left = n; left > 0; left -= buf.length) {
        out.write(buf, 0, (int) Math.min(buf.length, left));
      }
    }
  }

  private static void warcBomb(Path f, long payload) throws IOException {
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n";
    long len = http.length() + payload;
    try (OutputStream out = new GZIPOutputStream(new BufferedOutputStream(Files.newOutputStream(f)), 1 << 16)) {
      out.write(("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://bomb.test/\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
          + "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-0000000000bb>\r\nContent-Type: application/http; msgtype=response\r\n"
          + "Content-Length: " + len + "\r\n\r\n" + http).getBytes(StandardCharsets.ISO_8859_1));
      byte[] buf = new byte[1 << 20];
      Arrays.fill(buf, (byte) 'a');
      for (long left = payload; left > 0; left -= buf.length) {
        out.write(buf, 0, (int) Math.min(buf.length, left));
      }
      out.write("\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    }
  }

  private static byte[] warcClaim() {
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>The council approved the budget.</p>";
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://claim.test/\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        + "WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-0000000000cc>\r\nContent-Type: application/http; msgtype=response\r\n"
        + "Content-Length: 1000000000000000\r\n\r\n" + http).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void bigJsonlLine(Path f, long n) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      out.write(("{\"id\":\"first\",\"text\":\"The first good line about the ferry terminal vote.\"}\n"
          + "{\"id\":\"big\",\"text\":\"").getBytes(StandardCharsets.UTF_8));
      byte[] buf = new byte[1 << 20];
      Arrays.fill(buf, (byte) 'x');
      for (long left = n; left > 0; left -= buf.length) {
        out.write(buf, 0, (int) Math.min(buf.length, left));
      }
      out.write(("\"}\n{\"id\":\"second\",\"text\":\"The second good line about the harbour.\"}\n").getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void repeatFile(Path f, byte b, long n) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      byte[] buf = new byte[1 << 20];
      Arrays.fill(buf, b);
      for (long left = n; left > 0; left -= buf.length) {
        out.write(buf, 0, (int) Math.min(buf.length, left));
      }
    }
  }

  private static void attributes(Path f, int n) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      out.write("<html><body><article><p".getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < n; i++) {
        out.write((" a" + i + "=x").getBytes(StandardCharsets.US_ASCII));
      }
      out.write(">An attribute soup page where the council approved the budget on Tuesday.</p></article></body></html>"
          .getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static void tiny(Path f, int n) throws IOException {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(f), 1 << 20)) {
      for (int i = 0; i < n; i++) {
        out.write(("{\"id\":\"t" + i + "\",\"text\":\"Tiny record " + i + ".\"}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
  }

  private static void mkfifo(Path f) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("mkfifo", f.toString()).start();
    if (p.waitFor() != 0) {
      throw new IOException("mkfifo failed");
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] c = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, c, a.length, b.length);
    return c;
  }
}
