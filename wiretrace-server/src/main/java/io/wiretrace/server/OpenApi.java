package io.wiretrace.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The OpenAPI 3.0 description of {@link ApiServer}'s endpoints, served at {@code /openapi.json}.
 * Written by hand next to the routes it describes; a test checks it with a real OpenAPI parser and
 * calls every path it lists.
 */
final class OpenApi {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String DOC = build();

  private OpenApi() {}

  static String document() {
    return DOC;
  }

  private static String build() {
    ObjectNode root = JSON.createObjectNode();
    root.put("openapi", "3.0.3");
    ObjectNode info = root.putObject("info");
    info.put("title", "wiretrace API");
    info.put("version", "1");
    info.put("description", "News provenance: articles, copy relations, lineage, stories and search over a wiretrace store.");
    root.putArray("servers").addObject().put("url", "/");
    ObjectNode paths = root.putObject("paths");
    get(paths, "/api/status", "Counts of stored records and the store's size on disk", "status");
    get(paths, "/api/article", "One article: the articles.jsonl fields with entities, quotes and times, its story and kinds", "article",
        q("id", "the article id", true));
    get(paths, "/api/article/relations", "Copy relations of one article", "articleRelations",
        q("id", "the article id", true), q("as", "copy or original (default: both)", false));
    get(paths, "/api/lineage", "An article's originals (transitively) and copies (transitively)", "lineage",
        q("id", "the article id", true));
    get(paths, "/api/stories", "Stories, newest (last updated) first", "stories",
        q("order", "newest (default), oldest, biggest (most articles) or copied (most echoes)", false), q("page", "page number from 1", false), q("size", "page size, 1..100", false));
    get(paths, "/api/stories/{id}", "One story with its articles (earliest first), originals and relations", "story",
        p("id", "the story id"));
    get(paths, "/api/storylines/{id}", "The stories of one storyline, oldest first", "storyline",
        p("id", "the storyline id"), q("page", "page number from 1", false), q("size", "page size, 1..100", false));
    get(paths, "/api/relations", "Copy relations, sorted by copy then original", "relations",
        q("kind", "verbatim, near_duplicate, spun, translated, paraphrased or partial", false),
        q("page", "page number from 1", false), q("size", "page size, 1..100", false));
    get(paths, "/api/outlets", "Who copies whom: counts of copy relations between outlets, by kind", "outlets");
    get(paths, "/api/search", "BM25 full-text search with filters, facets and highlighted snippets", "search",
        q("q", "query in Lucene classic syntax over title and text (empty: all articles)", false),
        q("outlet", "outlet filter", false), q("entity", "entity id filter (person:jane-doe)", false),
        q("from", "earliest publication day (2024-03-05)", false), q("to", "latest publication day", false),
        q("kind", "relation kind filter (spun, verbatim, original, ...)", false), q("story", "story id filter", false),
        q("language", "ISO 639-1 language filter", false), q("group", "'story' to group the page's hits by story", false),
        q("page", "page number from 1", false), q("size", "page size, 1..100", false));
    post(paths, "/api/ingest/jsonl", "Ingest a JSONL batch (one article per line: id, url, title, published, outlet, text or html)",
        "ingestJsonl", "application/x-ndjson");
    post(paths, "/api/ingest/warc", "Ingest a WARC file (optionally gzipped)", "ingestWarc", "application/warc");
    post(paths, "/api/ingest/html", "Ingest one HTML page given with its URL", "ingestHtml", "text/html",
        q("url", "the page's URL, also its id", true));
    ObjectNode components = root.putObject("components");
    ObjectNode schemes = components.putObject("securitySchemes");
    schemes.putObject("bearer").put("type", "http").put("scheme", "bearer");
    ObjectNode schemas = components.putObject("schemas");
    ObjectNode err = schemas.putObject("Error");
    err.put("type", "object");
    err.putArray("required").add("code").add("message");
    ObjectNode props = err.putObject("properties");
    props.putObject("code").put("type", "integer");
    props.putObject("message").put("type", "string");
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static ObjectNode q(String name, String description, boolean required) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", name);
    n.put("in", "query");
    n.put("required", required);
    n.put("description", description);
    n.putObject("schema").put("type", "string");
    return n;
  }

  private static ObjectNode p(String name, String description) {
    ObjectNode n = JSON.createObjectNode();
    n.put("name", name);
    n.put("in", "path");
    n.put("required", true);
    n.put("description", description);
    n.putObject("schema").put("type", "string");
    return n;
  }

  private static void get(ObjectNode paths, String path, String summary, String id, ObjectNode... params) {
    ObjectNode op = paths.putObject(path).putObject("get");
    op.put("summary", summary);
    op.put("operationId", id);
    ArrayNode ps = op.putArray("parameters");
    for (ObjectNode x : params) {
      ps.add(x);
    }
    ObjectNode responses = op.putObject("responses");
    responses.putObject("200").put("description", "JSON").putObject("content").putObject("application/json")
        .putObject("schema").put("type", "object");
    error(responses, "400", "bad parameter");
    if (path.contains("{") || params.length > 0 && params[0].get("required").asBoolean()) {
      error(responses, "404", "no such record");
    }
  }

  private static void post(ObjectNode paths, String path, String summary, String id, String mediaType, ObjectNode... params) {
    ObjectNode op = paths.putObject(path).putObject("post");
    op.put("summary", summary);
    op.put("operationId", id);
    op.putArray("security").addObject().putArray("bearer");
    ArrayNode ps = op.putArray("parameters");
    for (ObjectNode x : params) {
      ps.add(x);
    }
    ObjectNode body = op.putObject("requestBody");
    body.put("required", true);
    body.putObject("content").putObject(mediaType).putObject("schema").put("type", "string").put("format", "binary");
    ObjectNode responses = op.putObject("responses");
    responses.putObject("200").put("description", "what was stored: added, skipped, relations, stories_started, rejected")
        .putObject("content").putObject("application/json").putObject("schema").put("type", "object");
    error(responses, "400", "bad body or parameter; nothing stored");
    error(responses, "401", "missing or wrong bearer token");
    error(responses, "413", "body over the size limit");
  }

  private static void error(ObjectNode responses, String code, String description) {
    responses.putObject(code).put("description", description).putObject("content").putObject("application/json")
        .putObject("schema").put("$ref", "#/components/schemas/Error");
  }
}
