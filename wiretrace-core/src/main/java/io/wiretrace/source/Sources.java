package io.wiretrace.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import io.wiretrace.model.RawDocument;
import io.wiretrace.model.RawDocument.Format;
import io.wiretrace.model.RawDocument.Hints;
import io.wiretrace.model.Rejection;
import io.wiretrace.source.Bytes.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcPayload;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.xml.sax.InputSource;

/**
 * Finds input files and reads each into raw documents.
 *
 * <p>Thread-safe and stateless: {@link #read(SourceFile)} may run on many files at once.
 *
 * <pre>{@code
 * for (SourceFile f : Sources.discover(List.of(Path.of("corpus")))) {
 *   ReadResult r = Sources.read(f);
 * }
 * }</pre>
 */
public final class Sources {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Sources() {}

  /** The container formats recognised by file name. */
  public enum Kind {
    TEXT, HTML, JSONL, WARC, FEED;

    /** The kind a file name denotes, or empty for an unsupported name. */
    public static Optional<Kind> of(String fileName) {
      String n = fileName.toLowerCase(Locale.ROOT);
      if (n.endsWith(".gz")) {
        n = n.substring(0, n.length() - 3);
      }
      if (n.endsWith(".txt") || n.endsWith(".text")) {
        return Optional.of(TEXT);
      }
      if (n.endsWith(".html") || n.endsWith(".htm") || n.endsWith(".xhtml")) {
        return Optional.of(HTML);
      }
      if (n.endsWith(".jsonl") || n.endsWith(".ndjson")) {
        return Optional.of(JSONL);
      }
      if (n.endsWith(".warc")) {
        return Optional.of(WARC);
      }
      if (n.endsWith(".xml") || n.endsWith(".rss") || n.endsWith(".atom")) {
        return Optional.of(FEED);
      }
      return Optional.empty();
    }
  }

  /**
   * Lists the files under the inputs, recursively, in a stable order (by id, then path).
   * Hidden files and folders (name starting with '.') are skipped.
   *
   * @throws NoSuchFileException if an input does not exist
   */
  public static List<SourceFile> discover(List<Path> inputs) throws IOException {
    List<SourceFile> found = new ArrayList<>();
    java.util.Map<SourceFile, Path> rootOf = new java.util.HashMap<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new NoSuchFileException(input.toString(), null, "input does not exist");
      }
      if (Files.isRegularFile(input)) {
        SourceFile f = new SourceFile(input, input.getFileName().toString());
        found.add(f);
        rootOf.put(f, input.toAbsolutePath().normalize().getParent());
        continue;
      }
      Path root = input.toAbsolutePath().normalize();
      try (Stream<Path> walk = Files.walk(input)) {
        walk.filter(Files::isRegularFile)
            .filter(p -> !hidden(input.relativize(p)))
            .forEach(p -> {
              SourceFile f = new SourceFile(p, slashes(input.relativize(p)));
              found.add(f);
              rootOf.put(f, root);
            });
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
    List<SourceFile> out = disambiguate(found, rootOf);
    out.sort((a, b) -> {
      int c = a.id().compareTo(b.id());
      return c != 0 ? c : a.path().toAbsolutePath().normalize().toString()
          .compareTo(b.path().toAbsolutePath().normalize().toString());
    });
    return out;
  }

  /**
   * Two different files with the same relative path under two inputs ({@code a/html/x.html} and
   * {@code b/html/x.html}) would get the same id. Each file of such a group is given its input's
   * folder name as a prefix ({@code a/html/x.html}, {@code b/html/x.html}), or as many of the input
   * path's last folders as it takes to tell them apart. The ids depend on the paths only, never on
   * the order of the inputs; files whose ids are unique keep them unchanged. The same file reached
   * twice (overlapping inputs) is not a collision: it stays one id and is read once.
   */
  static List<SourceFile> disambiguate(List<SourceFile> files, java.util.Map<SourceFile, Path> rootOf) {
    java.util.Map<String, List<SourceFile>> byId = new java.util.TreeMap<>();
    for (SourceFile f : files) {
      byId.computeIfAbsent(f.id(), k -> new ArrayList<>()).add(f);
    }
    java.util.Set<String> taken = new java.util.HashSet<>(byId.keySet());
    List<SourceFile> out = new ArrayList<>(files.size());
    for (List<SourceFile> group : byId.values()) {
      java.util.Map<Path, SourceFile> distinct = new java.util.TreeMap<>();
      for (SourceFile f : group) {
        distinct.putIfAbsent(f.path().toAbsolutePath().normalize(), f);
      }
      if (distinct.size() == 1) {
        out.add(distinct.values().iterator().next());
        continue;
      }
      List<SourceFile> members = new ArrayList<>(distinct.values());
      List<String> ids = null;
      for (int k = 1; ids == null && k <= 64; k++) {
        List<String> tryIds = new ArrayList<>();
        for (SourceFile f : members) {
          tryIds.add(lastFolders(rootOf.get(f), k) + "/" + f.id());
        }
        boolean unique = new java.util.HashSet<>(tryIds).size() == tryIds.size();
        for (String id : tryIds) {
          unique &= !taken.contains(id);
        }
        if (unique) {
          ids = tryIds;
        }
      }
      if (ids == null) { // cannot happen for distinct paths; keep them apart by full path
        ids = new ArrayList<>();
        for (SourceFile f : members) {
          ids.add(slashes(f.path().toAbsolutePath().normalize()));
        }
      }
      for (int i = 0; i < members.size(); i++) {
        taken.add(ids.get(i));
        out.add(new SourceFile(members.get(i).path(), ids.get(i)));
      }
    }
    return out;
  }

  /** The last {@code k} folder names of {@code dir}, joined by '/' ("" for the file system root). */
  private static String lastFolders(Path dir, int k) {
    if (dir == null || dir.getNameCount() == 0) {
      return "";
    }
    int n = dir.getNameCount();
    return slashes(dir.subpath(Math.max(0, n - k), n));
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  private static String slashes(Path relative) {
    StringBuilder sb = new StringBuilder();
    for (Path part : relative) {
      if (sb.length() > 0) {
        sb.append('/');
      }
      sb.append(part);
    }
    return sb.toString();
  }

  /**
   * Decodes HTML bytes the way {@link #read} does: a declared charset ({@code <meta>}) wins, then
   * strict UTF-8, then windows-1252.
   */
  public static String decodeHtml(byte[] data) {
    return Bytes.html(data, null);
  }

  /** Reads one file. Never throws for bad content: problems come back as rejections. */
  public static ReadResult read(SourceFile file) {
    String where = file.path().toString();
    Optional<Kind> kind = Kind.of(file.path().getFileName().toString());
    if (kind.isEmpty()) {
      return ReadResult.rejected(where, "unsupported file type (expected .txt, .html, .htm, .jsonl, .warc, .xml/.rss/.atom, optionally .gz)");
    }
    try {
      return switch (kind.get()) {
        case TEXT -> readText(file);
        case HTML -> readHtml(file);
        case JSONL -> readJsonl(file);
        case WARC -> readWarc(file);
        case FEED -> readFeed(file);
      };
    } catch (BadInputException e) {
      return ReadResult.rejected(where, e.getMessage());
    } catch (IOException e) {
      return ReadResult.rejected(where, "could not read file: " + e);
    } catch (RuntimeException e) {
      // a parser bug must not take the batch down; report it with the input
      return ReadResult.rejected(where, "unexpected error while reading: " + e);
    }
  }

  private static ReadResult readText(SourceFile f) throws IOException, BadInputException {
    byte[] data = Bytes.read(f.path());
    Bytes.checkText(data);
    String text = Bytes.utf8(data);
    return new ReadResult(List.of(new RawDocument(f.id(), f.path().toString(), Format.TEXT, text, Hints.NONE)), List.of());
  }

  private static ReadResult readHtml(SourceFile f) throws IOException, BadInputException {
    byte[] data = Bytes.read(f.path());
    Bytes.checkText(data);
    String html = Bytes.html(data, null);
    return new ReadResult(List.of(new RawDocument(f.id(), f.path().toString(), Format.HTML, html, Hints.NONE)), List.of());
  }

  private static ReadResult readJsonl(SourceFile f) throws IOException, BadInputException {
    byte[] data = Bytes.read(f.path());
    Bytes.checkText(data);
    String all = Bytes.utf8(data);
    List<RawDocument> docs = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    String[] lines = all.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      String where = f.path() + ":" + (i + 1);
      if (line.isBlank()) {
        continue;
      }
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (JsonProcessingException e) {
        rejections.add(new Rejection(where, "malformed JSON: " + e.getOriginalMessage()));
        continue;
      }
      if (node == null || !node.isObject()) {
        rejections.add(new Rejection(where, "expected a JSON object per line"));
        continue;
      }
      String id = str(node, "id");
      String text = str(node, "text");
      String html = str(node, "html");
      if (id == null || id.isBlank()) {
        rejections.add(new Rejection(where, "missing required string field 'id'"));
      } else if ((text == null || text.isBlank()) && (html == null || html.isBlank())) {
        rejections.add(new Rejection(where, "missing required field 'text' or 'html' (id " + id + ")"));
      } else {
        Hints hints = new Hints(str(node, "url"), str(node, "title"), str(node, "published"), str(node, "outlet"));
        docs.add(html != null && !html.isBlank()
            ? new RawDocument(id, where, Format.HTML, html, hints)
            : new RawDocument(id, where, Format.TEXT, text, hints));
      }
    }
    if (docs.isEmpty() && rejections.isEmpty()) {
      rejections.add(new Rejection(f.path().toString(), "no JSON lines in file"));
    }
    return new ReadResult(docs, rejections);
  }

  private static String str(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

  private static ReadResult readWarc(SourceFile f) throws IOException, BadInputException {
    byte[] data = Bytes.read(f.path()); // un-gzips whole-file gzip; per-record gzip too (concatenated members)
    List<RawDocument> docs = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    long position = 0;
    int records = 0;
    try (WarcReader reader = new WarcReader(new ByteArrayInputStream(data))) {
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          rejections.add(new Rejection(f.path() + "@" + position,
              "unreadable WARC record after " + records + " good record(s): " + e.getMessage()
                  + "; the rest of the file was skipped"));
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        position = reader.position();
        records++;
        WarcRecord rec = next.get();
        String where = f.path() + "@" + position;
        try {
          RawDocument doc = warcDocument(rec, where);
          if (doc != null) {
            docs.add(doc);
          }
        } catch (IOException | RuntimeException e) {
          rejections.add(new Rejection(where, "unreadable WARC record payload: " + e.getMessage()));
        } catch (BadInputException e) {
          rejections.add(new Rejection(where, e.getMessage()));
        }
      }
    }
    if (records == 0 && rejections.isEmpty()) {
      rejections.add(new Rejection(f.path().toString(), "no WARC records in file"));
    } else if (docs.isEmpty() && rejections.isEmpty()) {
      rejections.add(new Rejection(f.path().toString(), "WARC file has " + records + " record(s) but no HTML response or resource"));
    }
    return new ReadResult(docs, rejections);
  }

  private static RawDocument warcDocument(WarcRecord rec, String where) throws IOException, BadInputException {
    String target;
    MediaType type;
    InputStream body;
    if (rec instanceof WarcResponse resp) {
      if (!resp.contentType().base().equals(MediaType.HTTP_RESPONSE.base())) {
        return null;
      }
      int status = resp.http().status();
      if (status < 200 || status >= 300) {
        return null;
      }
      Optional<WarcPayload> payload = resp.payload();
      if (payload.isEmpty()) {
        return null;
      }
      target = resp.target();
      type = payload.get().type();
      body = payload.get().body().stream();
    } else if (rec instanceof WarcResource res) {
      target = res.target();
      type = res.contentType();
      body = res.body().stream();
    } else {
      return null;
    }
    String base = type.base().toString();
    boolean html = base.equals("text/html") || base.equals("application/xhtml+xml");
    boolean plain = base.equals("text/plain");
    if (!html && !plain) {
      return null;
    }
    byte[] bytes = body.readAllBytes();
    Bytes.checkText(bytes);
    String charset = type.parameters().get("charset");
    String content = html ? Bytes.html(bytes, charset) : Bytes.utf8(bytes);
    return new RawDocument(target, where, html ? Format.HTML : Format.TEXT, content, new Hints(target, null, null, null));
  }

  private static ReadResult readFeed(SourceFile f) throws IOException, BadInputException {
    byte[] data = Bytes.read(f.path());
    Bytes.checkText(data);
    SyndFeed feed;
    try {
      SyndFeedInput input = new SyndFeedInput();
      input.setAllowDoctypes(false);
      feed = input.build(new InputSource(new ByteArrayInputStream(data)));
    } catch (FeedException | IllegalArgumentException e) {
      throw new BadInputException("not a valid RSS/Atom feed: " + e.getMessage());
    }
    List<RawDocument> docs = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    String outlet = feed.getTitle() == null ? null : feed.getTitle().trim();
    List<SyndEntry> entries = feed.getEntries();
    for (int i = 0; i < entries.size(); i++) {
      SyndEntry e = entries.get(i);
      String where = f.path() + "#item" + (i + 1);
      String content = null;
      for (SyndContent c : e.getContents()) {
        if (c.getValue() != null && !c.getValue().isBlank()) {
          content = c.getValue();
          break;
        }
      }
      if (content == null && e.getDescription() != null && e.getDescription().getValue() != null
          && !e.getDescription().getValue().isBlank()) {
        content = e.getDescription().getValue();
      }
      String link = e.getLink() != null && !e.getLink().isBlank() ? e.getLink().trim() : null;
      String id = link != null ? link : e.getUri() != null && !e.getUri().isBlank() ? e.getUri().trim() : f.id() + "#item" + (i + 1);
      if (content == null) {
        rejections.add(new Rejection(where, "feed item has no content or description (id " + id + ")"));
        continue;
      }
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      String published = when == null ? null
          : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(when.toInstant().atOffset(ZoneOffset.UTC));
      Hints hints = new Hints(link, e.getTitle() == null ? null : e.getTitle().trim(), published, outlet);
      docs.add(new RawDocument(id, where, Format.HTML, wrapFeedHtml(content), hints));
    }
    if (entries.isEmpty()) {
      rejections.add(new Rejection(f.path().toString(), "feed has no items"));
    }
    return new ReadResult(docs, rejections);
  }

  /** Feed bodies are HTML fragments (or plain text): give them a document to live in. */
  private static String wrapFeedHtml(String content) {
    String c = content.contains("<") ? content : "<p>" + content.replace("\n\n", "</p><p>") + "</p>";
    return "<html><body><article>" + c + "</article></body></html>";
  }
}
