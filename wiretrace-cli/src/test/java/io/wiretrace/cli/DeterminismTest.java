package io.wiretrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.pipeline.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Byte-identical output for the demo corpus whatever the thread count or the order of the inputs. */
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
}
