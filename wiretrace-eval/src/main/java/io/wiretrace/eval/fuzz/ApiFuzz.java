package io.wiretrace.eval.fuzz;

import io.wiretrace.model.RawDocument;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ApiServer;
import io.wiretrace.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzz target for the HTTP API's request handling: a real server on loopback over a small store,
 * sent raw HTTP/1.1 requests built from the fuzzer's bytes (method, one of the server's routes plus
 * a fuzzed path tail and query, the write token or not, a fuzzed body). A crash is a 5xx answer, an
 * answer that is not HTTP, a stack trace in a body, a missing security header, or no answer within
 * 10 s.
 */
public final class ApiFuzz {
  private static final String[] METHODS = {"GET", "POST", "HEAD", "PUT", "DELETE", "OPTIONS", "PATCH"};
  private static final String[] ROUTES = {"/api/status", "/api/article", "/api/article/relations", "/api/lineage",
      "/api/stories", "/api/stories/", "/api/storylines/", "/api/relations", "/api/outlets", "/api/search", "/",
      "/search", "/story/", "/storyline/", "/article", "/compare", "/outlet", "/outlets", "/static/", "/favicon.ico",
      "/openapi.json", "/api/ingest/jsonl", "/api/ingest/warc", "/api/ingest/html", "/api/"};
  private static final Server SERVER = new Server();

  private ApiFuzz() {}

  private static final class Server {
    final Path dir;
    final Store store;
    final ApiServer api;

    Server() {
      try {
        dir = Files.createTempDirectory("wiretrace-apifuzz");
        store = Store.open(dir.resolve("store"));
        Pipeline pipeline = Pipeline.builder().threads(1).paraphrases(false).build();
        List<RawDocument> docs = new ArrayList<>();
        String text = "The harbour authority in Tromsø approved a new ferry terminal on Monday. "
            + "\"We will open it next spring,\" said Mayor Ida Berg. The council voted 9 to 2.";
        docs.add(new RawDocument("a1", "a1", RawDocument.Format.TEXT, text,
            new RawDocument.Hints("https://north.test/ferry", "Ferry terminal approved", "2026-03-02T09:00:00Z", "North Post")));
        docs.add(new RawDocument("a2", "a2", RawDocument.Format.TEXT, text.replace("approved", "backed"),
            new RawDocument.Hints("https://copy.test/ferry", "Ferry terminal backed", "2026-03-02T15:00:00Z", "Copy Daily")));
        store.ingest(pipeline.prepareDocuments(docs, store::contains));
        api = ApiServer.start(store, pipeline, "127.0.0.1", 0, 1 << 16);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          api.stop();
          try {
            store.close();
          } catch (IOException e) {
            // exiting anyway
          }
        }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Starts the server (and warms the pipeline) before fuzzing, outside any input's time limit. */
  public static void fuzzerInitialize() {
    fuzzerTestOneInput(new byte[] {0, 9, 0, 'x'});
  }

  /** Sends one request built from {@code data} and checks the answer. */
  public static void fuzzerTestOneInput(byte[] data) {
    if (data.length < 3) {
      return;
    }
    String method = METHODS[(data[0] & 0xff) % METHODS.length];
    String route = ROUTES[(data[1] & 0xff) % ROUTES.length];
    boolean auth = (data[2] & 1) != 0;
    boolean badAuth = (data[2] & 2) != 0;
    int split = 3;
    while (split < data.length && data[split] != 0) {
      split++;
    }
    String tail = target(data, 3, split);
    byte[] body = split + 1 <= data.length ? java.util.Arrays.copyOfRange(data, Math.min(split + 1, data.length), data.length)
        : new byte[0];
    ByteArrayOutputStream req = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(route).append(tail).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n");
    if (auth) {
      head.append("Authorization: Bearer ").append(badAuth ? "x" + SERVER.api.token().substring(1) : SERVER.api.token()).append("\r\n");
    }
    if (body.length > 0 || method.equals("POST")) {
      head.append("Content-Length: ").append(body.length).append("\r\n");
    }
    head.append("\r\n");
    req.writeBytes(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    req.writeBytes(body);
    byte[] answer;
    // Jazzer's request-forgery detector flags every connection; this one goes to our own server on loopback
    try (com.code_intelligence.jazzer.api.SilentCloseable allowed = allowConnections();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), SERVER.api.port())) {
      s.setSoTimeout(10_000);
      OutputStream out = s.getOutputStream();
      out.write(req.toByteArray());
      out.flush();
      InputStream in = s.getInputStream();
      answer = in.readNBytes(1 << 22);
    } catch (java.net.SocketTimeoutException e) {
      throw new ReaderFuzz.FuzzFailure("no answer within 10 s to " + method + " " + route + tail);
    } catch (IOException e) {
      // the server may close early on a body it refuses (413); what it sent before is the answer
      return;
    }
    String text = new String(answer, StandardCharsets.ISO_8859_1);
    if (text.isEmpty()) {
      return; // Jetty drops some unparseable requests without an answer; nothing of ours ran
    }
    if (!text.startsWith("HTTP/1.1 ")) {
      throw new ReaderFuzz.FuzzFailure("answer is not HTTP: " + text.substring(0, Math.min(80, text.length())));
    }
    int status = Integer.parseInt(text.substring(9, 12));
    if (status >= 500) {
      throw new ReaderFuzz.FuzzFailure(status + " for " + method + " " + route + tail + ": " + bodyOf(text));
    }
    String sent = new String(req.toByteArray(), StandardCharsets.ISO_8859_1);
    java.util.regex.Matcher trace = STACK_TRACE.matcher(text);
    while (trace.find()) {
      // a query or body the answer repeats (a search echoes its query) is the client's text, not a trace
      if (!echoed(trace.group(), sent)) {
        throw new ReaderFuzz.FuzzFailure("stack trace in the answer to " + method + " " + route + tail + ": " + trace.group());
      }
    }
    int end = text.indexOf("\r\n\r\n");
    String headers = (end < 0 ? text : text.substring(0, end)).toLowerCase(java.util.Locale.ROOT);
    if (status != 400 || headers.contains("\r\ncontent-security-policy:")) {
      // Jetty's own 400 for a request it cannot parse never reaches our handlers
      if (!headers.contains("\r\nx-content-type-options: nosniff")) {
        throw new ReaderFuzz.FuzzFailure("no security headers on " + status + " for " + method + " " + route + tail);
      }
    }
  }

  /**
   * A Java stack frame, or a qualified Java exception class name, as a leaked trace shows them. A
   * bare "...Exception: " is not enough: the answer may repeat the client's own bytes re-encoded
   * (a search page echoing its query with replacement characters), which no echo check can undo.
   */
  static final java.util.regex.Pattern STACK_TRACE = java.util.regex.Pattern.compile(
      "\\tat [\\w$.]+\\(|\\b(?:java|javax|io\\.wiretrace|io\\.javalin|org\\.eclipse|com\\.fasterxml)\\.[\\w$.]*(?:Exception|Error)\\b");

  /** Whether {@code found} is (part of) what the request itself carried, as sent or URL-decoded. */
  static boolean echoed(String found, String sent) {
    String needle = found.strip();
    if (sent.contains(needle)) {
      return true;
    }
    try {
      return java.net.URLDecoder.decode(sent.replace("+", "%2B"), StandardCharsets.ISO_8859_1).contains(needle);
    } catch (IllegalArgumentException e) { // a malformed %-escape: compare piece by piece
      StringBuilder sb = new StringBuilder();
      for (String part : sent.split("%")) {
        sb.append(part.length() >= 2 && part.substring(0, 2).matches("[0-9A-Fa-f]{2}")
            ? (char) Integer.parseInt(part.substring(0, 2), 16) + part.substring(2) : part);
      }
      return sb.toString().contains(needle);
    }
  }

  /** Lifts Jazzer's connection check (when Jazzer runs; a no-op otherwise). */
  private static com.code_intelligence.jazzer.api.SilentCloseable allowConnections() {
    try {
      return com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections();
    } catch (IllegalStateException e) { // not under Jazzer: nothing to lift
      return () -> { };
    }
  }

  private static String bodyOf(String answer) {
    int i = answer.indexOf("\r\n\r\n");
    String b = i < 0 ? answer : answer.substring(i + 4);
    return b.substring(0, Math.min(300, b.length()));
  }

  /**
   * The path tail and query from fuzzed bytes: printable ASCII as is (so '?', '&', '=', '%' and
   * '/' shape the request), everything else percent-encoded, spaces included.
   */
  private static String target(byte[] data, int from, int to) {
    StringBuilder sb = new StringBuilder();
    for (int i = from; i < to && sb.length() < 4000; i++) {
      int b = data[i] & 0xff;
      if (b > 0x20 && b < 0x7f && b != '#') {
        sb.append((char) b);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(b & 15, 16)));
      }
    }
    return sb.toString();
  }
}
