package io.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.pipeline.Stored;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Byte-identical output for the demo corpus whatever the thread count, the order of the inputs, or
 * whether they came in one run or in two ({@code --append}).
 */
class DeterminismTest {
  @TempDir
  Path tmp;

  private Path run(String name, int threads, List<Path> inputs) throws IOException {
    Path out = tmp.resolve(name);
    Pipeline.write(Pipeline.builder().threads(threads).build().analyze(inputs), out);
    return out;
  }

  private static void assertSameFiles(Path a, Path b) throws IOException {
    for (String f : List.of(Pipeline.ARTICLES, Pipeline.RELATIONS, Pipeline.STORIES, Pipeline.REJECTED, Pipeline.REPORT)) {
      assertThat(Files.readAllBytes(b.resolve(f))).as(f).isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
  }

  @Test
  void oneThreadAndFourThreads_giveIdenticalBytes() throws IOException {
    Path corpus = DemoCorpusTest.DEMO.resolve("corpus");
    assertSameFiles(run("t1", 1, List.of(corpus)), run("t4", 4, List.of(corpus)));
  }

  @Test
  void inputOrder_doesNotMatter() throws IOException {
    Path corpus = DemoCorpusTest.DEMO.resolve("corpus");
    List<Path> parts = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus)) {
      s.sorted().forEach(parts::add);
    }
    Path forward = run("forward", 2, parts);
    List<Path> reversed = new ArrayList<>(parts);
    Collections.reverse(reversed);
    Path backward = run("backward", 3, reversed);
    Collections.shuffle(reversed, new java.util.Random(11));
    Path shuffled = run("shuffled", 1, reversed);
    assertSameFiles(forward, backward);
    assertSameFiles(forward, shuffled);
  }

  @Test
  void appendingInputsToAStoredRun_givesTheBytesOfOneRunOverAll() throws IOException {
    Path corpus = DemoCorpusTest.DEMO.resolve("corpus");
    List<Path> parts = new ArrayList<>();
    try (Stream<Path> s = Files.list(corpus)) {
      s.sorted().forEach(parts::add);
    }
    assertThat(parts).hasSizeGreaterThan(3);
    Path once = run("once", 2, parts);
    // the first half, stored; then the second half appended to it
    Path twice = run("twice", 2, parts.subList(0, parts.size() / 2));
    Pipeline.write(Pipeline.builder().threads(2).build().analyze(parts.subList(parts.size() / 2, parts.size()),
        Stored.read(twice)), twice);
    assertSameFiles(once, twice);
  }

  @Test
  void appendingAnIdAlreadyStored_rejectsIt_andAStoredFileThatCannotBeRead_changesNothing() throws IOException {
    Path corpus = DemoCorpusTest.DEMO.resolve("corpus");
    Path out = run("stored", 1, List.of(corpus));
    int before = Stored.read(out).articles().size();
    io.wiretrace.pipeline.AnalysisResult again = Pipeline.builder().threads(1).build().analyze(List.of(corpus), Stored.read(out));
    assertThat(again.articles()).hasSize(before);
    assertThat(again.rejected()).anySatisfy(r -> assertThat(r.reason()).contains("already in the stored corpus"));

    Path broken = tmp.resolve("broken");
    Files.createDirectories(broken);
    List<String> lines = new ArrayList<>(Files.readAllLines(out.resolve(Pipeline.ARTICLES)));
    lines.set(2, lines.get(2).substring(0, 40)); // a torn line
    Files.write(broken.resolve(Pipeline.ARTICLES), lines);
    byte[] stored = Files.readAllBytes(broken.resolve(Pipeline.ARTICLES));
    assertThatThrownBy(() -> Stored.read(broken)).isInstanceOf(IOException.class)
        .hasMessageContaining(Pipeline.ARTICLES + ":3").hasMessageContaining("nothing was changed");
    assertThat(Files.readAllBytes(broken.resolve(Pipeline.ARTICLES))).isEqualTo(stored);
  }
}
