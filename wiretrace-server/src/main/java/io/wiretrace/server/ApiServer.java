package io.wiretrace.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import io.wiretrace.pipeline.Pipeline;
import io.wiretrace.server.ui.WebUi;
import io.wiretrace.store.Searcher;
import io.wiretrace.store.Store;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code wiretrace serve}: the REST API over a {@link Store} (Javalin on Jetty, loopback by
 * default). Reads are open; writes need {@code Authorization: Bearer TOKEN}, the token the server
 * generates on its first start and keeps in {@code DATA/api-token} (owner-readable only). Every
 * error is JSON {@code {code, message}}; nothing else (no stack trace) leaves the server. The
 * OpenAPI 3 description of every endpoint is at {@code /openapi.json}.
 *
 * <pre>{@code
 * try (Store store = Store.open(dir)) {
 *   ApiServer server = ApiServer.start(store, Pipeline.builder().paraphrases(false).build(), "127.0.0.1", 7070, 16 << 20);
 *   ...
 *   server.stop();
 * }
 * }</pre>
 */
public final class ApiServer {
  /** Where the write token is kept inside the data folder. */
  public static final String TOKEN_FILE = "api-token";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Javalin app;
  private final String token;

  private ApiServer(Javalin app, String token) {
    this.app = app;
    this.token = token;
  }

  /** The port it listens on (useful with port 0). */
  public int port() {
    return app.port();
  }

  /** The bearer token write requests need. */
  public String token() {
    return token;
  }

  public void stop() {
    app.stop();
  }

  /** The token of the store in {@code dataDir}, made (random, 256 bits) on first use. */
  public static String token(Path dataDir) throws IOException {
    Path f = dataDir.resolve(TOKEN_FILE);
    if (Files.isRegularFile(f)) {
      String t = Files.readString(f, StandardCharsets.UTF_8).trim();
      if (t.length() >= 32) {
        return t;
      }
    }
    byte[] b = new byte[32];
    new SecureRandom().nextBytes(b);
    String t = HexFormat.of().formatHex(b);
    Path tmp = dataDir.resolve(TOKEN_FILE + ".tmp");
    Files.writeString(tmp, t + "\n", StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // not a POSIX file system: the folder's permissions protect it
    }
    Files.move(tmp, f, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    return t;
  }

  /** An error that becomes {@code {code, message}} with its HTTP status. */
  static final class ApiError extends RuntimeException {
    final int status;

    ApiError(int status, String message) {
      super(message, null, false, false);
      this.status = status;
    }
  }

  /**
   * Starts serving {@code store}.
   *
   * @param host address to bind (127.0.0.1 unless the user says otherwise)
   * @param port port, 0 for any free one
   * @param maxBody largest request body accepted, in bytes (413 beyond)
   */
  public static ApiServer start(Store store, Pipeline pipeline, String host, int port, long maxBody) throws IOException {
    return start(store, pipeline, host, port, maxBody, RateLimits.Config.DEFAULT);
  }

  /** Largest number of open connections; beyond it Jetty stops accepting until some close. */
  static final int MAX_CONNECTIONS = 4096;
  /** A connection that sends nothing for this long is closed (slow clients hold no thread meanwhile). */
  static final long IDLE_TIMEOUT_MS = 30_000;
  /** A request body must arrive at least this fast (bytes per second), or the request is dropped. */
  static final long MIN_BODY_RATE = 1024;

  /**
   * As {@link #start(Store, Pipeline, String, int, long)}, with per-client rate limits (429 with
   * Retry-After beyond them).
   */
  public static ApiServer start(Store store, Pipeline pipeline, String host, int port, long maxBody, RateLimits.Config rates)
      throws IOException {
    RateLimits limits = new RateLimits(rates);
    String token = token(store.dir());
    // compared as SHA-256 digests: equal length whatever the caller sends, so neither the length
    // nor the content of the token leaks through timing
    byte[] tokenBytes = sha256(("Bearer " + token).getBytes(StandardCharsets.UTF_8));
    Searcher s = store.searcher();
    WebUi ui = new WebUi(store);
    Javalin app = Javalin.create(cfg -> {
      cfg.jetty.host = host;
      cfg.jetty.port = port;
      cfg.http.maxRequestSize = maxBody;
      cfg.startup.showJavalinBanner = false;
      cfg.jetty.modifyHttpConfiguration(h -> {
        h.setIdleTimeout(IDLE_TIMEOUT_MS);
        h.setMinRequestDataRate(MIN_BODY_RATE);
        h.setRequestHeaderSize(16 << 10);
        h.setSendServerVersion(false);
      });
      cfg.jetty.modifyServer(server -> {
        server.addBean(new org.eclipse.jetty.server.ConnectionLimit(MAX_CONNECTIONS, server));
        for (org.eclipse.jetty.server.Connector c : server.getConnectors()) {
          if (c instanceof org.eclipse.jetty.server.AbstractConnector ac) {
            ac.setIdleTimeout(IDLE_TIMEOUT_MS);
          }
        }
      });
      cfg.routes.before(ctx -> {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Cache-Control", "no-store");
        ctx.header("Content-Security-Policy", WebUi.CSP);
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Cross-Origin-Opener-Policy", "same-origin");
        ctx.header("Cross-Origin-Resource-Policy", "same-origin");
        String client = ctx.ip();
        boolean write = !ctx.method().name().equals("GET") && !ctx.method().name().equals("HEAD");
        RateLimits.Verdict v = write ? limits.write(client) : limits.read(client);
        if (!v.allowed()) {
          ctx.header("Retry-After", String.valueOf(v.retryAfterSeconds()));
          throw new ApiError(429, v.reason());
        }
        if (write) {
          byte[] got = sha256(Optional.ofNullable(ctx.header("Authorization")).orElse("").getBytes(StandardCharsets.UTF_8));
          if (!MessageDigest.isEqual(got, tokenBytes)) { // constant time
            limits.authFailed(client);
            throw new ApiError(401, "write requests need 'Authorization: Bearer TOKEN' (the token is in "
                + TOKEN_FILE + " in the data folder)");
          }
          ctx.attribute(MAX_BODY, maxBody);
          long len = ctx.contentLength();
          if (len > maxBody) {
            throw new ApiError(413, "request body of " + len + " bytes is over the limit of " + maxBody + " bytes");
          }
        }
      });
      cfg.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(OpenApi.document()));
      cfg.routes.get("/api/status", ctx -> {
        ObjectNode o = JSON.createObjectNode();
        store.counts().forEach(o::put);
        o.put("bytes_on_disk", store.sizeOnDisk());
        json(ctx, o);
      });
      cfg.routes.get("/api/article", ctx -> json(ctx, found(s.article(required(ctx, "id")), "article")));
      cfg.routes.get("/api/article/relations", ctx -> {
        String id = required(ctx, "id");
        found(s.article(id), "article");
        json(ctx, s.relations(id, ctx.queryParam("as")));
      });
      cfg.routes.get("/api/lineage", ctx -> json(ctx, found(s.lineage(required(ctx, "id")), "article")));
      cfg.routes.get("/api/stories", ctx -> json(ctx, s.stories(ctx.queryParam("order"), null, page(ctx), size(ctx))));
      cfg.routes.get("/api/stories/{id}", ctx -> json(ctx, found(s.story(ctx.pathParam("id")), "story")));
      cfg.routes.get("/api/storylines/{id}", ctx -> {
        ObjectNode o = s.stories("oldest", ctx.pathParam("id"), page(ctx), size(ctx));
        if (o.get("total").asLong() == 0) {
          throw new ApiError(404, "no storyline '" + ctx.pathParam("id") + "'");
        }
        json(ctx, o);
      });
      cfg.routes.get("/api/relations", ctx -> json(ctx, s.allRelations(ctx.queryParam("kind"), page(ctx), size(ctx))));
      cfg.routes.get("/api/outlets", ctx -> json(ctx, s.outlets()));
      cfg.routes.get("/api/search", ctx -> json(ctx, s.search(new Searcher.Query2(ctx.queryParam("q"),
          ctx.queryParam("outlet"), ctx.queryParam("entity"), ctx.queryParam("from"), ctx.queryParam("to"),
          ctx.queryParam("kind"), ctx.queryParam("story"), ctx.queryParam("language"), page(ctx), size(ctx),
          "story".equals(ctx.queryParam("group"))))));
      // the web UI: server-rendered pages over the same searcher
      cfg.routes.get("/", ctx -> ctx.html(ui.home(ctx.queryParam("order"), page(ctx))));
      cfg.routes.get("/search", ctx -> ctx.html(ui.search(new WebUi.SearchParams(blankNull(ctx.queryParam("q")),
          blankNull(ctx.queryParam("outlet")), blankNull(ctx.queryParam("entity")), blankNull(ctx.queryParam("kind")),
          blankNull(ctx.queryParam("month")), page(ctx)))));
      cfg.routes.get("/story/{id}", ctx -> ctx.html(found(ui.story(ctx.pathParam("id")), "story")));
      cfg.routes.get("/storyline/{id}", ctx -> ctx.html(found(ui.storyline(ctx.pathParam("id")), "storyline")));
      cfg.routes.get("/article", ctx -> ctx.html(found(ui.article(required(ctx, "id")), "article")));
      cfg.routes.get("/compare", ctx -> ctx.html(found(ui.compare(required(ctx, "copy"), required(ctx, "original")),
          "copy relation between these articles")));
      cfg.routes.get("/outlet", ctx -> ctx.html(found(ui.outlet(required(ctx, "name")), "outlet with stored articles")));
      cfg.routes.get("/outlets", ctx -> ctx.html(ui.outlets()));
      cfg.routes.get("/static/{name}", ctx -> {
        String name = ctx.pathParam("name");
        byte[] b = WebUi.staticFile(name).orElseThrow(() -> new ApiError(404, "no such file"));
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType(name.endsWith(".css") ? "text/css; charset=utf-8"
            : name.endsWith(".svg") ? "image/svg+xml" : "text/javascript; charset=utf-8").result(b);
      });
      cfg.routes.get("/favicon.ico", ctx -> {
        ctx.header("Cache-Control", "public, max-age=3600");
        ctx.contentType("image/svg+xml").result(WebUi.staticFile("favicon.svg").orElseThrow());
      });
      cfg.routes.post("/api/ingest/jsonl", ctx -> ingestFile(ctx, store, pipeline, ".jsonl"));
      cfg.routes.post("/api/ingest/warc", ctx -> ingestFile(ctx, store, pipeline, ".warc"));
      cfg.routes.post("/api/ingest/html", ctx -> {
        String url = required(ctx, "url");
        if (!url.startsWith("http://") && !url.startsWith("https://")) {
          throw new ApiError(400, "url must be an http(s) URL, got '" + url + "'");
        }
        String html = body(ctx);
        RawDocument d = new RawDocument(url, "POST /api/ingest/html?url=" + url, RawDocument.Format.HTML, html,
            new RawDocument.Hints(url, null, null, null));
        report(ctx, store.ingest(pipeline.prepareDocuments(List.of(d), store::contains)));
      });
      cfg.routes.exception(ApiError.class, (e, ctx) -> error(ui, ctx, e.status, e.getMessage()));
      cfg.routes.exception(IllegalArgumentException.class, (e, ctx) -> error(ui, ctx, 400, e.getMessage()));
      cfg.routes.exception(Store.LockedException.class, (e, ctx) -> error(ui, ctx, 409, e.getMessage()));
      cfg.routes.exception(Exception.class, (e, ctx) -> error(ui, ctx, 500, "internal error: " + e.getClass().getSimpleName()));
      cfg.routes.error(404, "*", ctx -> {
        if (ctx.attribute(HANDLED) == null) {
          error(ui, ctx, 404, api(ctx) ? "no such endpoint: " + ctx.method() + " " + ctx.path() + " (see /openapi.json)" : "no such page: " + ctx.path());
        }
      });
      cfg.routes.error(405, "*", ctx -> {
        if (ctx.attribute(HANDLED) == null) {
          error(ui, ctx, 405, "method not allowed: " + ctx.method() + " " + ctx.path());
        }
      });
      cfg.routes.error(413, "*", ctx -> {
        if (ctx.attribute(HANDLED) == null) {
          error(ui, ctx, 413, "request body over the limit of " + maxBody + " bytes");
        }
      });
    }).start();
    return new ApiServer(app, token);
  }

  private static final String MAX_BODY = "wiretrace.maxBody";

  private static long maxBody(Context ctx) {
    Long m = ctx.attribute(MAX_BODY);
    return m == null ? Long.MAX_VALUE : m;
  }

  private static void ingestFile(Context ctx, Store store, Pipeline pipeline, String ext) throws IOException {
    Path dir = Files.createTempDirectory("wiretrace-upload");
    Path f = dir.resolve("upload" + ext);
    try {
      long n = 0;
      long max = maxBody(ctx);
      try (InputStream in = ctx.bodyInputStream(); java.io.OutputStream out = Files.newOutputStream(f)) {
        byte[] buf = new byte[1 << 16];
        for (int k; (k = in.read(buf)) > 0; ) {
          n += k;
          if (n > max) { // a chunked body names no length up front: count it as it comes
            throw new ApiError(413, "request body is over the limit of " + max + " bytes; nothing was stored");
          }
          out.write(buf, 0, k);
        }
      }
      if (n == 0) {
        throw new ApiError(400, "empty request body");
      }
      if (ext.equals(".jsonl")) {
        checkJsonLines(f);
      }
      report(ctx, store.ingest(pipeline.prepare(List.of(f), store::contains)));
    } finally {
      Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    }
  }

  /** A batch with a line that is not a JSON object is refused whole (400, naming the line): nothing is stored. */
  private static void checkJsonLines(Path f) throws IOException {
    try (java.io.BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
      int no = 0;
      for (String line; (line = r.readLine()) != null; ) {
        no++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n;
        try {
          n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
          throw new ApiError(400, "line " + no + " is not valid JSON: " + e.getOriginalMessage() + "; nothing was stored");
        }
        if (n == null || !n.isObject()) {
          throw new ApiError(400, "line " + no + " is not a JSON object; nothing was stored");
        }
      }
    } catch (java.nio.charset.MalformedInputException e) {
      throw new ApiError(400, "the body is not UTF-8; nothing was stored");
    }
  }

  private static void report(Context ctx, Store.IngestReport r) throws IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("added", r.added());
    o.put("skipped", r.skipped());
    o.put("relations", r.relations());
    o.put("stories_started", r.storiesStarted());
    ArrayNode rej = o.putArray("rejected");
    for (Rejection x : r.rejected()) {
      String input = x.input().replaceAll(".*/wiretrace-upload[^/]*/upload\\.[a-z]+", "request body");
      rej.addObject().put("input", input).put("reason", x.reason());
    }
    json(ctx, o);
  }

  private static String body(Context ctx) {
    byte[] b = ctx.bodyAsBytes();
    if (b.length == 0) {
      throw new ApiError(400, "empty request body");
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static <T> T found(Optional<T> o, String what) {
    return o.orElseThrow(() -> new ApiError(404, "no such " + what));
  }

  private static String required(Context ctx, String name) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      throw new ApiError(400, "query parameter '" + name + "' is required");
    }
    return v;
  }

  private static int page(Context ctx) {
    return intParam(ctx, "page", 1, 1, 100_000);
  }

  private static int size(Context ctx) {
    return intParam(ctx, "size", 20, 1, Searcher.MAX_PAGE_SIZE);
  }

  private static int intParam(Context ctx, String name, int def, int min, int max) {
    String v = ctx.queryParam(name);
    if (v == null || v.isBlank()) {
      return def;
    }
    try {
      int n = Integer.parseInt(v.trim());
      if (n < min || n > max) {
        throw new ApiError(400, name + " must be between " + min + " and " + max + ", got " + n);
      }
      return n;
    } catch (NumberFormatException e) {
      throw new ApiError(400, name + " must be a whole number, got '" + v + "'");
    }
  }

  private static void json(Context ctx, JsonNode n) throws IOException {
    ctx.contentType("application/json").result(JSON.writeValueAsString(n));
  }

  /** Marks a response whose error body a handler already wrote, so the status-code handlers leave it alone. */
  private static final String HANDLED = "wiretrace.error";

  private static String blankNull(String v) {
    return v == null || v.isBlank() ? null : v.strip();
  }

  /** Paths the REST API answers (JSON errors); every other path is a page of the UI (HTML errors). */
  private static boolean api(Context ctx) {
    String p = ctx.path();
    return p.startsWith("/api/") || p.equals("/openapi.json") || ctx.method().name().equals("POST");
  }

  private static void error(WebUi ui, Context ctx, int status, String message) {
    ctx.attribute(HANDLED, Boolean.TRUE);
    if (!api(ctx)) {
      ctx.status(status).html(ui.problem(status, message == null ? "" : message));
      return;
    }
    ObjectNode o = JSON.createObjectNode();
    o.put("code", status);
    o.put("message", message == null ? "" : message);
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(o));
    } catch (IOException e) {
      ctx.status(status).result("{\"code\":" + status + "}");
    }
  }

  static Handler noop() {
    return ctx -> { };
  }

  private static byte[] sha256(byte[] b) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(b);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
