package io.wiretrace.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.store.Store;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request budgets, body limits and closed CORS, on a server with small limits (the lock-out test last). */
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ServerLimitsTest {
  static Path data;
  static Store store;
  static ApiServer server;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    data = Files.createTempDirectory("wiretrace-limits");
    store = Store.open(data);
    server = ApiServer.start(store, Pipeline.builder().threads(1).paraphrases(false).build(), "127.0.0.1", 0, 4096,
        new RateLimits.Config(5, 50, 3));
  }

  @AfterAll
  static void stop() throws IOException {
    server.stop();
    store.close();
  }

  static URI uri(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  @Test
  @org.junit.jupiter.api.Order(2)
  void readsBeyondTheBudget_get429WithRetryAfter_asJson() throws Exception {
    int limited = 0;
    HttpResponse<String> last = null;
    for (int i = 0; i < 30; i++) {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/status")).build(), HttpResponse.BodyHandlers.ofString());
      if (r.statusCode() == 429) {
        limited++;
        last = r;
      }
    }
    assertThat(limited).as("5/s with bursts of 10: most of 30 quick reads are refused").isGreaterThanOrEqualTo(15);
    assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(v -> assertThat(Long.parseLong(v)).isPositive());
    assertThat(last.body()).contains("\"code\":429").contains("rate limit");
  }

  @Test
  @org.junit.jupiter.api.Order(1)
  void chunkedBodyOverTheLimit_refused413_nothingStored() throws Exception {
    byte[] big = ("{\"id\":\"x\",\"text\":\"" + "a".repeat(100_000) + "\"}\n").getBytes(StandardCharsets.UTF_8);
    HttpRequest req = HttpRequest.newBuilder(uri("/api/ingest/jsonl")).header("Authorization", "Bearer " + server.token())
        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build(); // no length: chunked
    HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
    assertThat(store.contains("x")).isFalse();
  }

  @Test
  @org.junit.jupiter.api.Order(3)
  void wrongTokens_lockTheClientsWritesOut_evenWithTheRightTokenAfterwards() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(post("/api/ingest/jsonl", "Bearer wrong" + i, "{}".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(401);
    }
    HttpResponse<String> r = post("/api/ingest/jsonl", "Bearer " + server.token(), "{}".getBytes(StandardCharsets.UTF_8));
    assertThat(r.statusCode()).isEqualTo(429);
    assertThat(r.body()).contains("wrong token");
  }

  private static HttpResponse<String> post(String path, String auth, byte[] body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (auth != null) {
      b.header("Authorization", auth);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void corsIsClosed_andTheServerVersionIsNotSent() throws Exception {
    Thread.sleep(2100); // let the read budget refill after the other tests
    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(uri("/api/outlets")).header("Origin", "https://evil.test").build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> pre = HTTP.send(HttpRequest.newBuilder(uri("/api/ingest/jsonl"))
        .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).header("Origin", "https://evil.test")
        .header("Access-Control-Request-Method", "POST").build(), HttpResponse.BodyHandlers.ofString());
    assertThat(pre.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(pre.statusCode()).isGreaterThanOrEqualTo(400);
    assertThat(r.headers().firstValue("Server")).isEmpty();
  }

  @Test
  void rateLimits_refillWithTime_forgetOldFailures_andBoundTheClientTable() {
    AtomicLong now = new AtomicLong(1_000_000_000L);
    RateLimits l = new RateLimits(new RateLimits.Config(2, 1, 2), now::get);
    for (int i = 0; i < 4; i++) {
      assertThat(l.read("a").allowed()).isTrue(); // burst of 2 x 2
    }
    assertThat(l.read("a").allowed()).isFalse();
    assertThat(l.read("b").allowed()).as("budgets are per client").isTrue();
    now.addAndGet(500_000_000L); // half a second: one read earned
    assertThat(l.read("a").allowed()).isTrue();
    assertThat(l.read("a").allowed()).isFalse();
    l.authFailed("c");
    l.authFailed("c");
    assertThat(l.write("c").allowed()).isFalse();
    now.addAndGet(61_000_000_000L);
    assertThat(l.write("c").allowed()).as("a minute later the failures are forgotten").isTrue();
    for (int i = 0; i < RateLimits.MAX_CLIENTS + 500; i++) {
      l.read("client-" + i);
    }
    assertThat(l.tracked()).isEqualTo(RateLimits.MAX_CLIENTS);
  }
}
