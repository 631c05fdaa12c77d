package io.wiretrace.eval.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fuzz targets in CI: every seed and every regression fixture (inputs a fuzzing run once
 * found, minimized, in {@code src/test/resources/fuzz/TARGET/}) replayed, then a short seeded
 * coverage-guided run of each target under Jazzer.
 */
class FuzzRegressionTest {
  @TempDir
  Path work;

  private static void invoke(Class<?> target, byte[] input) throws Throwable {
    Method m = target.getMethod("fuzzerTestOneInput", byte[].class);
    try {
      m.invoke(null, (Object) input);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static List<Path> fixtures(String target) {
    URL u = FuzzRegressionTest.class.getResource("/fuzz/" + target);
    if (u == null) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(Path.of(u.toURI()))) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @TestFactory
  Stream<DynamicTest> seedsAndFixtures_replayCleanly() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Map.Entry<String, Class<?>> t : FuzzBench.TARGETS.entrySet()) {
      for (Map.Entry<String, byte[]> seed : FuzzBench.seeds(t.getKey()).entrySet()) {
        tests.add(DynamicTest.dynamicTest(t.getKey() + " seed " + seed.getKey(), () -> invoke(t.getValue(), seed.getValue())));
      }
      for (Path f : fixtures(t.getKey())) {
        tests.add(DynamicTest.dynamicTest(t.getKey() + " fixture " + f.getFileName(), () -> invoke(t.getValue(), Files.readAllBytes(f))));
      }
    }
    return tests.stream();
  }

  @org.junit.jupiter.api.Test
  void apiDetector_tellsALeakedTraceFromAnEchoOfTheRequest() {
    String leaked = "{\"code\":500,\"message\":\"java.lang.IllegalStateException: boom\n\tat io.wiretrace.server.ApiServer.x(ApiServer.java:1)\"}";
    java.util.regex.Matcher m = ApiFuzz.STACK_TRACE.matcher(leaked);
    org.assertj.core.api.Assertions.assertThat(m.find()).isTrue();
    org.assertj.core.api.Assertions.assertThat(ApiFuzz.echoed(m.group(), "GET /api/search?q=mayor HTTP/1.1\r\n")).isFalse();
    org.assertj.core.api.Assertions.assertThat(ApiFuzz.echoed("java.lang.IllegalStateException",
        "GET /api/search?q=java%2Elang.IllegalStateException HTTP/1.1\r\n")).isTrue();
    org.assertj.core.api.Assertions.assertThat(ApiFuzz.echoed("FooException: ", "GET /?q=FooException:%20x%zz HTTP/1.1")).isTrue();
  }

  /** A target with a planted bug: the harness must report it. */
  public static final class Planted {
    public static void fuzzerTestOneInput(byte[] data) {
      if (data.length > 10 && data[0] == '<' && data[1] == '!') {
        throw new IllegalStateException("planted bug");
      }
    }
  }

  @Test
  void plantedBug_isReportedAsAFinding() throws Exception {
    StringWriter log = new StringWriter();
    FuzzBench.Outcome o = new FuzzBench().run(Planted.class, "html", 200, 1, work, 20, false, new PrintWriter(log));
    assertThat(o.findings()).as(log.toString()).isEqualTo(1);
    assertThat(o.exitCode()).isNotZero();
    assertThat(o.lastLines()).contains("planted bug");
  }

  @Test
  void shortCoverageGuidedRun_findsNothing() throws Exception {
    StringWriter log = new StringWriter();
    FuzzBench bench = new FuzzBench();
    io.wiretrace.eval.EvalTask.Table t = bench.table(List.of("text", "jsonl", "html", "warc", "feed", "api"), 400, 7,
        work, 20, false, new PrintWriter(log));
    assertThat(bench.findings()).as(t.render() + "\n" + log).isZero();
    assertThat(t.render()).containsPattern("(?m)^text +\\| +400 ").containsPattern("(?m)^api +\\| +400 ");
    try (Stream<Path> s = Files.list(work.resolve("corpus/html"))) {
      assertThat(s.count()).as("coverage feedback grows the corpus past the seeds").isGreaterThan(FuzzBench.seeds("html").size());
    }
  }
}
