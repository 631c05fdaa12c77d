package io.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line: exit codes, messages, and a batch with broken inputs. */
class CliTest {
  @TempDir
  Path tmp;

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void missingInput_isUsageErrorWithOneLineMessage() {
    Run r = run("analyze", "--out", tmp.resolve("o").toString(), tmp.resolve("does-not-exist").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).startsWith("Input not found: '" + tmp.resolve("does-not-exist") + "'");
    assertThat(tmp.resolve("o")).doesNotExist();
  }

  @Test
  void appendWithNothingStored_isUsageErrorThatSaysWhat() throws IOException {
    Path in = Files.writeString(tmp.resolve("a.txt"), "Title\n\nA paragraph of text long enough to be an article body for this test.\n");
    Run r = run("analyze", "--append", "--out", tmp.resolve("empty").toString(), in.toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--append: no articles.jsonl in");
    assertThat(tmp.resolve("empty")).doesNotExist();
  }

  @Test
  void noInputAtAll_isUsageError() {
    assertThat(run("analyze").code()).isEqualTo(2);
    assertThat(run().code()).isEqualTo(2);
  }

  @Test
  void badThreadCount_isUsageErrorNamingTheValue() throws IOException {
    Files.writeString(tmp.resolve("a.txt"), "Title line here\nBody paragraph with enough words to be an article body.");
    Run r = run("analyze", "--threads", "0", tmp.resolve("a.txt").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("--threads must be between 1 and 256, got 0");
  }

  @Test
  void help_andVersion_exitZero() {
    assertThat(run("--help").code()).isZero();
    assertThat(run("analyze", "--help").out()).contains("--out").contains("--threads");
    assertThat(run("--version").out()).startsWith("wiretrace ");
  }

  @Test
  void evalWithoutDatasets_isUsageErrorThatSaysWhy() {
    Run r = run("eval", "clustering", "--data", tmp.resolve("nope").toString());
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Dataset folder not found");
  }

  @Test
  void brokenInputs_areRejectedWithReasons_restIsAnalyzed_exitZero() throws IOException {
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    Files.writeString(in.resolve("good.txt"), "Harbour bridge to close to cars\nPosted on May 1, 2025\n"
        + "The city council voted on Tuesday to close the old harbour bridge to cars from June, after engineers found cracks.\n");
    Files.write(in.resolve("junk.html"), new byte[] {0, 1, 2, 3, 0, 0, 5, 6, 7, 0, 9});
    Files.write(in.resolve("empty.txt"), new byte[0]);
    Files.write(in.resolve("bad-encoding.txt"), new byte[] {'a', 'b', (byte) 0xff, (byte) 0xfe, 'c'});
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
      g.write("<html><body><p>some page text that is long enough to compress a bit</p></body></html>".repeat(30).getBytes(StandardCharsets.UTF_8));
    }
    byte[] full = gz.toByteArray();
    Files.write(in.resolve("cut.html.gz"), java.util.Arrays.copyOf(full, full.length / 2));
    Files.writeString(in.resolve("feed.jsonl"), "{\"id\":\"ok-1\",\"text\":\"A line of article text that is fine.\"}\n{oops\n");
    Files.writeString(in.resolve("cut.warc"), "WARC/1.1\r\nWARC-Type: response\r\nContent-Length: 9999\r\n\r\nHTTP/1.1 200 OK\r\n");
    Path out = tmp.resolve("out");
    Run r = run("analyze", "--out", out.toString(), "--threads", "2", in.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("2 articles").contains("Report: ");
    List<String> rejected = Files.readAllLines(out.resolve("rejected.jsonl"));
    assertThat(String.join("\n", rejected))
        .contains("junk.html\",\"reason\":\"binary content")
        .contains("empty.txt\",\"reason\":\"empty file\"")
        .contains("bad-encoding.txt\",\"reason\":\"not valid UTF-8: malformed byte sequence at byte offset 2\"")
        .contains("cut.html.gz\",\"reason\":\"truncated gzip stream")
        .contains("feed.jsonl:2\",\"reason\":\"malformed JSON")
        .contains("cut.warc");
    assertThat(rejected).hasSize(6);
    assertThat(Files.readAllLines(out.resolve("articles.jsonl"))).hasSize(2);
  }

  @Test
  void benchMakeCopies_writesACorpusThatAnalyzeFindsTheCopiesIn() throws IOException {
    Path src = tmp.resolve("clean");
    Files.createDirectories(src);
    String[] topics = {"harbour", "library", "railway", "orchard", "bridge", "theatre"};
    for (int i = 0; i < topics.length; i++) {
      StringBuilder sb = new StringBuilder();
      for (int p = 0; p < 6; p++) {
        sb.append("Paragraph ").append(p + 1).append(" about the ").append(topics[i])
            .append(": the council said on Monday that work on the ").append(topics[i])
            .append(" project would continue through the winter, with residents invited to comment on plans number ")
            .append(i * 10 + p).append(" before the next public meeting in the town hall.\n\n");
      }
      Files.writeString(src.resolve(topics[i] + ".txt"), sb.toString());
    }
    Path gen = tmp.resolve("gen");
    Run r = run("bench", "make-copies", "--from", src.toString(), "--out", gen.toString(), "--seed", "3");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("4 originals, ");
    assertThat(Files.readAllLines(gen.resolve("truth.jsonl"))).isNotEmpty();
    Run a = run("analyze", "-q", "--out", tmp.resolve("gen-out").toString(), gen.resolve("corpus.jsonl").toString());
    assertThat(a.code()).isZero();
    assertThat(Files.readAllLines(tmp.resolve("gen-out").resolve("relations.jsonl"))).isNotEmpty();
    assertThat(run("bench", "make-copies", "--help").out()).contains("EVALUATION TOOL").contains("--translation-rate");
    assertThat(Files.readString(gen.resolve("truth.jsonl"))).contains("\"translated\"");
    Run bad = run("bench", "make-copies", "--from", src.toString(), "--out", tmp.resolve("gen2").toString(), "--translation-rate", "0.95");
    assertThat(bad.code()).isNotZero();
    assertThat(bad.err()).contains("--translation-rate must be between 0.05 and 0.9, got 0.95");
  }

  @Test
  void rerun_replacesOutputsWholesale() throws IOException {
    Path in = tmp.resolve("one.txt");
    Files.writeString(in, "A headline for the test\nThe body of the article, long enough to count as text for the pipeline run.\n");
    Path out = tmp.resolve("out");
    assertThat(run("analyze", "-q", "--out", out.toString(), in.toString()).code()).isZero();
    assertThat(run("analyze", "-q", "--out", out.toString(), in.toString()).code()).isZero();
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList())
          .containsExactly(".wiretrace.lock", "articles.jsonl", "manifest.json", "rejected.jsonl", "relations.jsonl", "report.html", "stories.jsonl");
    }
  }
}
