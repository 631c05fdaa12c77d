package io.wiretrace.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wiretrace.model.Article;
import io.wiretrace.pipeline.OutputSet;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * {@code wiretrace bench crash}: kill -9 trials. Each trial starts {@code wiretrace analyze} (or
 * {@code ingest}) as a child process over a folder holding a finished earlier run, kills it with
 * SIGKILL at a random moment (fixed seed) between its start and a little after its expected end,
 * and checks what is left:
 *
 * <ul>
 *   <li>analyze: after the next run's recovery ({@link OutputSet#lock}) the folder verifies
 *       against its manifest and is byte for byte either the earlier run's output or the new
 *       run's (both made beforehand by uninterrupted runs); never a mix. The state straight
 *       after the kill, before any recovery, is reported too.
 *   <li>ingest: the store opens; it holds every article it held before, at most once each, and
 *       only articles of the inputs; an ingest of the same inputs then completes it to exactly the
 *       state of an uninterrupted ingest (the store's full dump compared as text).
 * </ul>
 */
public final class CrashBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String mainClass;

  /** @param mainClass the CLI's main class (children run it on this JVM's class path) */
  public CrashBench(String mainClass) {
    this.mainClass = mainClass;
  }

  /** Result of one trial. */
  record Trial(String command, int n, long killAtMs, boolean exitedFirst, String state, boolean consistent, String detail) {}

  public EvalTask.Table run(Path work, int trials, long seed, PrintWriter log) throws IOException, InterruptedException {
    Files.createDirectories(work);
    List<Article> stream = IngestBench.withCopies(new ClusterBench().stream(600, new HashMap<>()), 5);
    Path a = writeJsonl(work.resolve("inputs-a/a.jsonl"), stream.subList(0, 250));
    Path b = writeJsonl(work.resolve("inputs-b/b.jsonl"), stream.subList(250, 600));
    Random r = new Random(seed);
    List<Trial> done = new ArrayList<>();
    done.addAll(analyzeTrials(work, a, b, trials, r, log));
    done.addAll(ingestTrials(work, a, b, trials, r, log));
    EvalTask.Table t = new EvalTask.Table(String.format(Locale.ROOT,
        "Crash safety: %d kill -9 trials each of analyze and ingest (seed %d)", trials, seed),
        List.of("command", "trials", "killed before finishing", "left old state", "left new state", "between (partial)",
            "mixed before recovery", "consistent"));
    for (String cmd : List.of("analyze", "ingest")) {
      List<Trial> ts = done.stream().filter(x -> x.command.equals(cmd)).toList();
      t.row(cmd, ts.size(), ts.stream().filter(x -> !x.exitedFirst).count(),
          ts.stream().filter(x -> x.state.equals("old")).count(), ts.stream().filter(x -> x.state.equals("new")).count(),
          ts.stream().filter(x -> x.state.startsWith("partial")).count(),
          ts.stream().filter(x -> x.detail.contains("mixed before recovery")).count(),
          ts.stream().filter(x -> x.consistent).count() + "/" + ts.size());
    }
    for (Trial x : done) {
      if (!x.consistent) {
        t.note("INCONSISTENT " + x.command + " trial " + x.n + " (killed at " + x.killAtMs + " ms): " + x.detail);
      }
    }
    t.note("Children: the CLI on this JVM; analyze runs with --no-paraphrases over 600 generated articles (250 then 350 more), "
        + "ingest with --commit-every 25. Kill moments: uniform between 0 and 1.1 times the uninterrupted run's wall time, except "
        + "every second analyze trial, killed 0-400 ms after its staging folder appears (inside the write and commit).");
    return t;
  }

  private List<Trial> analyzeTrials(Path work, Path a, Path b, int trials, Random r, PrintWriter log)
      throws IOException, InterruptedException {
    Path refOld = work.resolve("analyze-ref-old");
    Path refNew = work.resolve("analyze-ref-new");
    deleteTree(refOld);
    deleteTree(refNew);
    run(List.of("analyze", "--no-paraphrases", "-q", "--out", refOld.toString(), a.getParent().toString()), -1);
    copyTree(refOld, refNew);
    long t0 = System.nanoTime();
    run(List.of("analyze", "--no-paraphrases", "-q", "--append", "--out", refNew.toString(), b.getParent().toString()), -1);
    long full = (System.nanoTime() - t0) / 1_000_000;
    String oldRun = OutputSet.run(refOld);
    String newRun = OutputSet.run(refNew);
    log.printf(Locale.ROOT, "analyze: uninterrupted run %d ms%n", full);
    log.flush();
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      Path dir = work.resolve("analyze-trial");
      deleteTree(dir);
      copyTree(refOld, dir);
      // odd trials: a moment anywhere in the run; even trials: a moment inside the write, from the appearance of the
      // staging folder on (the window where a non-atomic writer would leave a mix)
      boolean inWrite = i % 2 == 1;
      long at = inWrite ? r.nextInt(400) : (long) (r.nextDouble() * 1.1 * full);
      boolean exited = run(List.of("analyze", "--no-paraphrases", "-q", "--append", "--out", dir.toString(), b.getParent().toString()), at,
          inWrite ? dir : null);
      List<String> before = OutputSet.verify(dir);
      String detail = before.isEmpty() ? "" : "mixed before recovery: " + before + "; ";
      try (OutputSet s = OutputSet.lock(dir)) {
        // the next run's recovery
      }
      List<String> after = OutputSet.verify(dir);
      String run = OutputSet.run(dir);
      String state = run == null ? "none" : run.equals(oldRun) ? "old" : run.equals(newRun) ? "new" : "other";
      boolean ok = after.isEmpty() && (state.equals("old") || state.equals("new")) && sameFiles(dir, state.equals("old") ? refOld : refNew);
      out.add(new Trial("analyze", i + 1, at, exited, state, ok, detail + (after.isEmpty() ? "" : "after recovery: " + after)));
      log.printf(Locale.ROOT, "analyze trial %d: kill at %d ms%s%s -> %s%s%n", i + 1, at, inWrite ? " after the write began" : "",
          exited ? " (had finished)" : "", state,
          ok ? "" : " INCONSISTENT");
      log.flush();
    }
    return out;
  }

  private List<Trial> ingestTrials(Path work, Path a, Path b, int trials, Random r, PrintWriter log)
      throws IOException, InterruptedException {
    Path base = work.resolve("ingest-base");
    Path ref = work.resolve("ingest-ref");
    deleteTree(base);
    deleteTree(ref);
    run(List.of("ingest", "-q", "--commit-every", "25", "--data", base.toString(), a.toString()), -1);
    copyTree(base, ref);
    long t0 = System.nanoTime();
    run(List.of("ingest", "-q", "--commit-every", "25", "--data", ref.toString(), b.toString()), -1);
    long full = (System.nanoTime() - t0) / 1_000_000;
    String refDump = dump(ref);
    Set<String> before = articleIds(dump(base));
    Set<String> all = new HashSet<>(articleIds(refDump));
    log.printf(Locale.ROOT, "ingest: uninterrupted run %d ms, %d then %d articles%n", full, before.size(), all.size());
    log.flush();
    List<Trial> out = new ArrayList<>();
    for (int i = 0; i < trials; i++) {
      Path dir = work.resolve("ingest-trial");
      deleteTree(dir);
      copyTree(base, dir);
      long at = (long) (r.nextDouble() * 1.1 * full);
      boolean exited = run(List.of("ingest", "-q", "--commit-every", "25", "--data", dir.toString(), b.toString()), at);
      StringBuilder detail = new StringBuilder();
      boolean ok = true;
      String state;
      String d;
      try {
        d = dump(dir);
      } catch (IOException | RuntimeException e) {
        d = null;
        ok = false;
        detail.append("store does not open after the kill: ").append(e).append("; ");
      }
      if (d != null) {
        List<String> ids = articleIdList(d);
        Set<String> unique = new HashSet<>(ids);
        if (unique.size() != ids.size()) {
          ok = false;
          detail.append(ids.size() - unique.size()).append(" duplicated articles; ");
        }
        if (!unique.containsAll(before)) {
          ok = false;
          detail.append("articles stored before the kill are gone; ");
        }
        if (!all.containsAll(unique)) {
          ok = false;
          detail.append("articles that are no input's; ");
        }
        state = unique.size() == before.size() ? "old" : unique.size() == all.size() ? "new"
            : "partial " + (unique.size() - before.size()) + "/" + (all.size() - before.size());
      } else {
        state = "unopenable";
      }
      run(List.of("ingest", "-q", "--commit-every", "25", "--data", dir.toString(), b.toString()), -1);
      String resumed = dump(dir);
      if (!resumed.equals(refDump)) {
        ok = false;
        detail.append("after a second ingest the store differs from an uninterrupted ingest (").append(firstDifference(resumed, refDump))
            .append("); ");
      }
      out.add(new Trial("ingest", i + 1, at, exited, state, ok, detail.toString()));
      log.printf(Locale.ROOT, "ingest trial %d: kill at %d ms%s -> %s%s%n", i + 1, at, exited ? " (had finished)" : "", state,
          ok ? "" : " INCONSISTENT: " + detail);
      log.flush();
    }
    return out;
  }

  private static String firstDifference(String a, String b) {
    String[] x = a.split("\n");
    String[] y = b.split("\n");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      if (!x[i].equals(y[i])) {
        return "line " + (i + 1) + ": " + x[i].substring(0, Math.min(160, x[i].length())) + " vs " + y[i].substring(0, Math.min(160, y[i].length()));
      }
    }
    return x.length + " vs " + y.length + " lines";
  }

  private static String dump(Path data) throws IOException {
    try (Store s = Store.open(data)) {
      return s.searcher().dump();
    }
  }

  private static List<String> articleIdList(String dump) throws IOException {
    List<String> ids = new ArrayList<>();
    for (String line : dump.split("\n")) {
      if (line.isEmpty()) {
        continue;
      }
      JsonNode n = JSON.readTree(line);
      if (n.has("membership")) {
        ids.add(n.path("id").asText());
      }
    }
    return ids;
  }

  private static Set<String> articleIds(String dump) throws IOException {
    return new HashSet<>(articleIdList(dump));
  }

  private boolean run(List<String> args, long killAfterMs) throws IOException, InterruptedException {
    return run(args, killAfterMs, null);
  }

  /**
   * Runs the CLI; kills it with SIGKILL {@code killAfterMs} after its start (never if negative),
   * or, when {@code watch} is given, after a staging folder appears in it. True if it exited by itself.
   */
  private boolean run(List<String> args, long killAfterMs, Path watch) throws IOException, InterruptedException {
    String javaExe = ProcessHandle.current().info().command().orElse("java");
    List<String> cmd = new ArrayList<>(List.of(javaExe, "--add-modules", "jdk.incubator.vector", "-cp",
        System.getProperty("java.class.path"), mainClass));
    cmd.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("ORT_DISABLE_TELEMETRY", "1");
    Process p = pb.start();
    if (killAfterMs < 0) {
      if (!p.waitFor(15, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException("reference run failed: " + args);
      }
      return true;
    }
    if (watch != null) {
      while (p.isAlive() && !staging(watch)) {
        Thread.sleep(1);
      }
    }
    if (p.waitFor(killAfterMs, TimeUnit.MILLISECONDS)) {
      return true;
    }
    p.destroyForcibly(); // SIGKILL on Linux and macOS
    p.waitFor();
    return false;
  }

  private static boolean staging(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-"));
    } catch (IOException e) {
      return false;
    }
  }

  private static Path writeJsonl(Path f, List<Article> articles) throws IOException {
    Files.createDirectories(f.getParent());
    StringBuilder sb = new StringBuilder();
    for (Article x : articles) {
      ObjectNode o = JSON.createObjectNode();
      o.put("id", x.id());
      o.put("title", x.title());
      o.put("published", x.published());
      o.put("outlet", "Outlet " + (Math.abs(x.id().hashCode()) % 7));
      o.put("text", x.text());
      sb.append(JSON.writeValueAsString(o)).append('\n');
    }
    Files.writeString(f, sb.toString(), StandardCharsets.UTF_8);
    return f;
  }

  private static boolean sameFiles(Path a, Path b) throws IOException {
    for (String n : List.of("articles.jsonl", "relations.jsonl", "stories.jsonl", "rejected.jsonl", "report.html", OutputSet.MANIFEST)) {
      if (Files.mismatch(a.resolve(n), b.resolve(n)) != -1) {
        return false;
      }
    }
    return true;
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        if (p.getFileName().toString().equals("write.lock") || p.getFileName().toString().equals(".wiretrace.lock")) {
          continue;
        }
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }
}
