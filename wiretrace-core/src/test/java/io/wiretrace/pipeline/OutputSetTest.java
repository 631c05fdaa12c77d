package io.wiretrace.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSetTest {
  @TempDir
  Path dir;

  private static Map<String, OutputSet.FileWriter> files(String tag) {
    Map<String, OutputSet.FileWriter> m = new TreeMap<>();
    for (String name : new String[] {"a.jsonl", "b.jsonl", "report.html"}) {
      m.put(name, f -> Files.writeString(f, tag + " " + name + "\n", StandardCharsets.UTF_8));
    }
    return m;
  }

  private static String read(Path f) throws IOException {
    return Files.readString(f, StandardCharsets.UTF_8);
  }

  private static long hiddenLeftovers(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals(OutputSet.LOCK)).count();
    }
  }

  @Test
  void commit_replacesTheWholeSet_withAManifestThatVerifies() throws IOException {
    Path out = dir.resolve("out");
    try (OutputSet s = OutputSet.lock(out)) {
      s.commit(files("old"));
      s.commit(files("new"));
    }
    assertThat(read(out.resolve("a.jsonl"))).isEqualTo("new a.jsonl\n");
    assertThat(read(out.resolve("report.html"))).isEqualTo("new report.html\n");
    assertThat(OutputSet.verify(out)).isEmpty();
    assertThat(hiddenLeftovers(out)).isZero();
  }

  @Test
  void manifest_isTheSameForTheSameOutput() throws IOException {
    Path a = dir.resolve("a");
    Path b = dir.resolve("b");
    try (OutputSet s = OutputSet.lock(a)) {
      s.commit(files("x"));
    }
    try (OutputSet s = OutputSet.lock(b)) {
      s.commit(files("x"));
    }
    assertThat(read(a.resolve(OutputSet.MANIFEST))).isEqualTo(read(b.resolve(OutputSet.MANIFEST)));
    assertThat(OutputSet.run(a)).hasSize(64);
  }

  @Test
  void secondRunOnTheFolder_refusedWithAClearMessage() throws IOException {
    Path out = dir.resolve("out");
    try (OutputSet s = OutputSet.lock(out)) {
      assertThatThrownBy(() -> OutputSet.lock(out)).isInstanceOf(OutputSet.LockedException.class)
          .hasMessageContaining("another wiretrace run is writing to").hasMessageContaining("pid " + ProcessHandle.current().pid());
    }
    try (OutputSet s = OutputSet.lock(out)) { // released: the next run may go
      s.commit(files("x"));
    }
  }

  @Test
  void killedBeforeTheJournal_oldSetStays_stagingSwept() throws IOException {
    Path out = dir.resolve("out");
    try (OutputSet s = OutputSet.lock(out)) {
      s.commit(files("old"));
    }
    Path staging = Files.createDirectory(out.resolve(".staging-123"));
    Files.writeString(staging.resolve("a.jsonl"), "half written");
    assertThat(OutputSet.verify(out)).isEmpty();
    try (OutputSet s = OutputSet.lock(out)) {
      assertThat(staging).doesNotExist();
    }
    assertThat(read(out.resolve("a.jsonl"))).isEqualTo("old a.jsonl\n");
  }

  @Test
  void killedBetweenTheMoves_nextRunRollsTheNewSetForward() throws IOException {
    Path out = dir.resolve("out");
    Path other = dir.resolve("other");
    try (OutputSet s = OutputSet.lock(out)) {
      s.commit(files("old"));
    }
    try (OutputSet s = OutputSet.lock(other)) {
      s.commit(files("new"));
    }
    // the state a kill leaves after the journal and the first move: staged files, one moved
    Path staging = Files.createDirectory(out.resolve(".staging-777"));
    for (String n : new String[] {"b.jsonl", "report.html", OutputSet.MANIFEST}) {
      Files.copy(other.resolve(n), staging.resolve(n));
    }
    Files.copy(other.resolve("a.jsonl"), out.resolve("a.jsonl"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(out.resolve(OutputSet.JOURNAL),
        "{\"staging\":\".staging-777\",\"files\":[\"a.jsonl\",\"b.jsonl\",\"report.html\",\"manifest.json\"]}");
    assertThat(OutputSet.verify(out)).isNotEmpty(); // a mix, and the journal says so
    try (OutputSet s = OutputSet.lock(out)) {
      assertThat(OutputSet.verify(out)).isEmpty();
    }
    for (String n : new String[] {"a.jsonl", "b.jsonl", "report.html", OutputSet.MANIFEST}) {
      assertThat(read(out.resolve(n))).isEqualTo(read(other.resolve(n)));
    }
    assertThat(hiddenLeftovers(out)).isZero();
  }

  @Test
  void journalNamingAPathOutsideTheFolder_refused() throws IOException {
    Path out = Files.createDirectories(dir.resolve("out"));
    Files.writeString(out.resolve(OutputSet.JOURNAL), "{\"staging\":\"../elsewhere\",\"files\":[\"a.jsonl\"]}");
    assertThatThrownBy(() -> OutputSet.lock(out)).isInstanceOf(IOException.class).hasMessageContaining("corrupt commit journal");
  }

  @Test
  void verify_findsAFileFromAnotherRun() throws IOException {
    Path out = dir.resolve("out");
    try (OutputSet s = OutputSet.lock(out)) {
      s.commit(files("old"));
    }
    Files.writeString(out.resolve("b.jsonl"), "someone else's\n");
    assertThat(OutputSet.verify(out)).singleElement().asString().contains("b.jsonl does not match");
  }
}
