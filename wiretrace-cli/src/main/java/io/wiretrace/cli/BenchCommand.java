package io.wiretrace.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wiretrace.eval.CopyGenerator;
import io.wiretrace.io.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code wiretrace bench}: tools that build evaluation corpora. */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = "Evaluation tools (not part of analysis).",
    subcommands = {BenchCommand.MakeCopies.class, BenchCommand.Minhash.class, BenchCommand.Stories.class, BenchCommand.Enrich.class, BenchCommand.Rewrite.class, BenchCommand.Ingest.class, BenchCommand.Serve.class, BenchCommand.Fuzz.class, BenchCommand.Crash.class, BenchCommand.Abuse.class, BenchCommand.Hostile.class})
final class BenchCommand implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand: try 'wiretrace bench make-copies --help'");
  }

  @Command(name = "minhash", mixinStandardHelpOptions = true,
      description = {
          "BENCHMARK. Fingerprinting throughput (MB/s, one thread) against a textbook 128-hash MinHash in the same",
          "run, and candidate-search cost per article at 10k, 100k (and 1M with --max 1000000) synthetic articles."})
  static final class Minhash implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--max", defaultValue = "100000", paramLabel = "N", description = "Articles to index (default: ${DEFAULT-VALUE}).")
    int max;

    @Override
    public Integer call() {
      if (max < 10_000 || max > 5_000_000) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--max must be between 10000 and 5000000, got " + max);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(new io.wiretrace.eval.MinHashBench().run(max, out).render());
      out.flush();
      return 0;
    }
  }

  @Command(name = "stories", mixinStandardHelpOptions = true,
      description = "BENCHMARK. Story clustering throughput and quality on a synthetic one-year news stream at growing sizes.")
  static final class Stories implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sizes", defaultValue = "10000,100000", split = ",", paramLabel = "N,N",
        description = "Stream lengths (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Override
    public Integer call() {
      for (int n : sizes) {
        if (n < 1000 || n > 5_000_000) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--sizes entries must be between 1000 and 5000000, got " + n);
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(new io.wiretrace.eval.ClusterBench().run(sizes, out).render());
      out.flush();
      return 0;
    }
  }

  @Command(name = "ingest", mixinStandardHelpOptions = true,
      description = "BENCHMARK. Incremental ingest: store and pipeline cost per new article as the store grows.")
  static final class Ingest implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--sizes", defaultValue = "10000,100000", split = ",", paramLabel = "N,N",
        description = "Store sizes at which a probe is timed (default: ${DEFAULT-VALUE}).")
    int[] sizes;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the benchmark store is built (default: a temporary folder, deleted after).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      for (int i = 0; i < sizes.length; i++) {
        if (sizes[i] < 1000 || sizes[i] > 5_000_000 || (i > 0 && sizes[i] <= sizes[i - 1])) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--sizes must be increasing, each between 1000 and 5000000, got " + java.util.Arrays.toString(sizes));
        }
      }
      Path root = dir == null ? java.nio.file.Files.createTempDirectory("wiretrace-bench") : dir;
      PrintWriter out = spec.commandLine().getOut();
      try {
        out.println(new io.wiretrace.eval.IngestBench().run(sizes, root.resolve("store"), out).render());
      } finally {
        if (dir == null) {
          try (var walk = java.nio.file.Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
              java.nio.file.Files.deleteIfExists(p);
            }
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  @Command(name = "enrich", mixinStandardHelpOptions = true,
      description = "BENCHMARK. Entities, quotes and time: tokens/s per component and articles/s, one thread, on PolNeAR news texts.")
  static final class Enrich implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR", description = "Dataset root (default: ${DEFAULT-VALUE}).")
    Path data;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      out.println(new io.wiretrace.eval.EnrichBench().run(data, out).render());
      out.flush();
      return 0;
    }
  }

  @Command(name = "rewrite", mixinStandardHelpOptions = true,
      description = "BENCHMARK. The intrinsic rewrite verdict: us/word cold and warm, one thread, on the Zyte article bodies, with a digest of the verdicts.")
  static final class Rewrite implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--data", defaultValue = "../shared/data", paramLabel = "DIR", description = "Dataset root (default: ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--passes", defaultValue = "30", paramLabel = "N", description = "Passes over the bodies, the first cold (default: ${DEFAULT-VALUE}).")
    int passes;

    @Override
    public Integer call() throws Exception {
      if (passes < 2 || passes > 1000) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--passes must be between 2 and 1000, got " + passes);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(new io.wiretrace.eval.RewriteBench().run(data, passes, out).render());
      out.flush();
      return 0;
    }
  }

  @Command(name = "make-copies", mixinStandardHelpOptions = true,
      description = {
          "EVALUATION TOOL. Writes disguised copies of clean articles, with ground truth, so that copy detection",
          "can be measured on any corpus: for each original a verbatim reprint wrapped in scraper residue, a light",
          "edit, a synonym-spun copy (WordNet), a partial copy pasted among filler paragraphs, and a",
          "translated-style copy (rules imitating a round trip through machine translation; no MT system is run).",
          "Output: DIR/corpus.jsonl (originals and copies; analyze it with 'wiretrace analyze DIR/corpus.jsonl')",
          "and DIR/truth.jsonl (copy, original, kind). Same inputs and seed give the same corpus."})
  static final class MakeCopies implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "PATH",
        description = "Clean articles: a folder of .txt files (one article each) or a .jsonl file with id, title, text.")
    Path from;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
    Path out;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--spin-rate", defaultValue = "0.4", paramLabel = "R",
        description = "Share of WordNet-known content words a spinner replaces, 0.05..0.9 (default: ${DEFAULT-VALUE}).")
    double spinRate;

    @Option(names = "--translation-rate", defaultValue = "0.35", paramLabel = "R",
        description = "Share of content words the imitated round trip renders with another word, 0.05..0.9; "
            + "prepositions and articles change at 0.6 times this rate (default: ${DEFAULT-VALUE}).")
    double translationRate;

    @Override
    public Integer call() throws IOException {
      CommandLine cl = spec.commandLine();
      if (!Files.exists(from)) {
        throw new CommandLine.ParameterException(cl, "Input not found: '" + from + "'");
      }
      if (!(spinRate >= 0.05 && spinRate <= 0.9)) {
        throw new CommandLine.ParameterException(cl, "--spin-rate must be between 0.05 and 0.9, got " + spinRate);
      }
      if (!(translationRate >= 0.05 && translationRate <= 0.9)) {
        throw new CommandLine.ParameterException(cl, "--translation-rate must be between 0.05 and 0.9, got " + translationRate);
      }
      List<CopyGenerator.Source> sources = read(from);
      if (sources.size() < 3) {
        throw new CommandLine.ParameterException(cl, "Need at least 3 articles in '" + from + "', found " + sources.size());
      }
      // the last third are not copied: their paragraphs surround the partial copies
      int n = Math.max(1, sources.size() * 2 / 3);
      List<String> filler = new ArrayList<>();
      for (CopyGenerator.Source s : sources.subList(n, sources.size())) {
        filler.addAll(CopyGenerator.paragraphs(s.text()));
      }
      CopyGenerator.Corpus c = new CopyGenerator(seed, spinRate, translationRate).generate(sources.subList(0, n), filler);
      Files.createDirectories(out);
      JsonLines.write(out.resolve("corpus.jsonl"), c.docs(), (g, d) -> {
        g.writeStringField("id", d.id());
        g.writeStringField("title", d.title());
        g.writeStringField("published", d.published());
        g.writeStringField("outlet", d.outlet());
        g.writeStringField("text", d.page());
      });
      JsonLines.write(out.resolve("truth.jsonl"), c.truth(), (g, t) -> {
        g.writeStringField("copy", t.copy());
        g.writeStringField("original", t.original());
        g.writeStringField("kind", t.kind());
      });
      cl.getOut().printf("%d originals, %d copies written to %s%n", n, c.truth().size(), out.toAbsolutePath().normalize());
      cl.getOut().flush();
      return 0;
    }

    private static List<CopyGenerator.Source> read(Path from) throws IOException {
      List<CopyGenerator.Source> out = new ArrayList<>();
      if (Files.isDirectory(from)) {
        List<Path> files;
        try (Stream<Path> s = Files.walk(from)) {
          files = s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        for (Path p : files) {
          String text = Files.readString(p, StandardCharsets.UTF_8).strip();
          if (!text.isEmpty()) {
            out.add(new CopyGenerator.Source(from.relativize(p).toString().replace('\\', '/'), null, text));
          }
        }
        return out;
      }
      ObjectMapper om = new ObjectMapper();
      int line = 0;
      for (String l : Files.readAllLines(from, StandardCharsets.UTF_8)) {
        line++;
        if (l.isBlank()) {
          continue;
        }
        JsonNode n = om.readTree(l);
        if (!n.hasNonNull("id") || !n.hasNonNull("text")) {
          throw new IOException(from + ":" + line + ": each line needs 'id' and 'text'");
        }
        out.add(new CopyGenerator.Source(n.get("id").asText(), n.path("title").asText(null), n.get("text").asText()));
      }
      return out;
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true,
      description = "BENCHMARK. REST API under a bounded loopback load: p50/p99/throughput of search and story endpoints.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--store", required = true, paramLabel = "DIR",
        description = "A filled store (e.g. DIR/store after 'bench ingest --dir DIR', or a 'wiretrace ingest' data folder).")
    Path store;

    @Option(names = "--connections", defaultValue = "256", description = "Concurrent keep-alive connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "30", description = "Measured seconds (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Override
    public Integer call() throws Exception {
      if (connections < 1 || connections > 4096 || seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--connections must be 1..4096, --seconds 1..3600, --warmup 0..600");
      }
      if (!java.nio.file.Files.isDirectory(store)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--store: no folder " + store);
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(new io.wiretrace.eval.ServeBench().run(store, connections, warmup, seconds, out).render());
      out.flush();
      return 0;
    }
  }

  @Command(name = "fuzz", mixinStandardHelpOptions = true,
      description = {"BENCHMARK. Coverage-guided fuzzing (Jazzer/libFuzzer) of a reader or the HTTP API, in a child JVM.",
          "Targets: html, text, jsonl, warc, feed, api, or all. Findings (crash-*, timeout-*, oom-*) go to DIR/findings/TARGET."})
  static final class Fuzz implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Parameters(paramLabel = "TARGET", description = "html, text, jsonl, warc, feed, api or all.")
    String target;

    @Option(names = "--runs", defaultValue = "100000", description = "Inputs per target (default: ${DEFAULT-VALUE}).")
    long runs;

    @Option(names = "--seed", defaultValue = "1", description = "libFuzzer seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "wiretrace-fuzz", paramLabel = "DIR",
        description = "Corpus and findings folder, kept between runs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--timeout", defaultValue = "20", description = "Seconds one input may take before it counts as a hang (default: ${DEFAULT-VALUE}).")
    int timeout;

    @Option(names = "--keep-going", description = "Go on after a finding (up to 1000) instead of stopping at the first.")
    boolean keepGoing;

    @Override
    public Integer call() throws Exception {
      java.util.List<String> targets = target.equals("all") ? java.util.List.copyOf(io.wiretrace.eval.fuzz.FuzzBench.TARGETS.keySet())
          : java.util.List.of(target);
      for (String t : targets) {
        if (!io.wiretrace.eval.fuzz.FuzzBench.TARGETS.containsKey(t)) {
          throw new CommandLine.ParameterException(spec.commandLine(), "no fuzz target '" + t + "'; targets: "
              + String.join(", ", io.wiretrace.eval.fuzz.FuzzBench.TARGETS.keySet()) + ", all");
        }
      }
      if (runs < 1 || timeout < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--runs and --timeout must be positive");
      }
      PrintWriter out = spec.commandLine().getOut();
      io.wiretrace.eval.fuzz.FuzzBench bench = new io.wiretrace.eval.fuzz.FuzzBench();
      io.wiretrace.eval.EvalTask.Table t = bench.table(targets, runs, seed, dir, timeout, keepGoing, out);
      out.println(t.render());
      out.flush();
      return bench.findings() == 0 ? 0 : 1;
    }
  }

  @Command(name = "crash", mixinStandardHelpOptions = true,
      description = "BENCHMARK. kill -9 trials of analyze and ingest: outputs and store left consistent, nothing lost or duplicated.")
  static final class Crash implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--trials", defaultValue = "20", description = "Trials per command (default: ${DEFAULT-VALUE}).")
    int trials;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the kill moments (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "wiretrace-crash", paramLabel = "DIR", description = "Work folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      if (trials < 1 || trials > 1000) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--trials must be 1..1000");
      }
      PrintWriter out = spec.commandLine().getOut();
      io.wiretrace.eval.EvalTask.Table t = new io.wiretrace.eval.CrashBench(Main.class.getName()).run(dir, trials, seed, out);
      out.println(t.render());
      out.flush();
      return t.render().contains("INCONSISTENT") ? 1 : 0;
    }
  }

  @Command(name = "abuse", mixinStandardHelpOptions = true,
      description = "BENCHMARK. Loopback abuse run against the server with its default limits: slow clients, oversized bodies, "
          + "malformed JSON, 10,000 wrong tokens, while legitimate readers run; answers by status and p99.")
  static final class Abuse implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--seconds", defaultValue = "20", description = "Seconds per phase (default: ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--readers", defaultValue = "8", description = "Legitimate readers (default: ${DEFAULT-VALUE}).")
    int readers;

    @Option(names = "--dir", defaultValue = "wiretrace-abuse", paramLabel = "DIR", description = "Work folder (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      if (seconds < 1 || seconds > 3600 || readers < 1 || readers > 250) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--seconds must be 1..3600 and --readers 1..250");
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(new io.wiretrace.eval.AbuseBench().run(dir, seconds, readers, out).render());
      out.flush();
      return 0;
    }
  }

  @Command(name = "hostile", mixinStandardHelpOptions = true,
      description = "BENCHMARK. Each hostile input (bombs, 1 GiB lines, deep HTML, charsets, FIFOs, link loops, ...) at full size "
          + "next to a good article through analyze in a child JVM: outcome, wall time, peak RSS.")
  static final class Hostile implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", defaultValue = "wiretrace-hostile", paramLabel = "DIR",
        description = "Work folder; needs about 1.5 GB free while the largest case runs (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      io.wiretrace.eval.EvalTask.Table t = new io.wiretrace.eval.HostileBench(Main.class.getName()).run(dir, out);
      out.println(t.render());
      out.flush();
      return t.render().contains("| NO ") || t.render().contains("| NO\n") ? 1 : 0;
    }
  }
}
