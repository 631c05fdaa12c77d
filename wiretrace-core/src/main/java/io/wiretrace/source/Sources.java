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
import java.nio.file.attribute.BasicFileAttributes;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
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
    return find(inputs).files();
  }

  /**
   * What a walk over the inputs found: the files (in a stable order, by id then path) and the
   * places it could not enter (an unreadable folder, a symbolic link loop), each with the reason.
   * Entries that are not regular files (FIFOs, sockets, broken links) are listed as files, so that
   * reading rejects them by name instead of skipping them in silence.
   */
  public record Discovery(List<SourceFile> files, List<Rejection> rejections) {
    public Discovery {
      files = List.copyOf(files);
      rejections = List.copyOf(rejections);
    }
  }

  /**
   * Walks the inputs (following symbolic links; a loop is reported, not followed twice).
   *
   * @throws NoSuchFileException if an input does not exist
   */
  public static Discovery find(List<Path> inputs) throws IOException {
    List<SourceFile> found = new ArrayList<>();
    List<Rejection> problems = new ArrayList<>();
    java.util.Map<SourceFile, Path> rootOf = new java.util.HashMap<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new NoSuchFileException(input.toString(), null, "input does not exist");
      }
      if (!Files.isDirectory(input)) {
        SourceFile f = new SourceFile(input, input.getFileName().toString());
        found.add(f);
        rootOf.put(f, input.toAbsolutePath().normalize().getParent());
        continue;
      }
      Path root = input.toAbsolutePath().normalize();
      Files.walkFileTree(input, java.util.EnumSet.of(java.nio.file.FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
          new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(input) && hidden(input.relativize(dir))
                  ? java.nio.file.FileVisitResult.SKIP_SUBTREE : java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
              if (!hidden(input.relativize(p))) {
                SourceFile f = new SourceFile(p, slashes(input.relativize(p)));
                found.add(f);
                rootOf.put(f, root);
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path p, IOException e) {
              if (!hidden(input.relativize(p))) {
                problems.add(new Rejection(p.toString(), (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                    || e instanceof java.nio.file.FileSystemLoopException ? "could not enter folder: " : "could not read file: ")
                    + describe(e)));
              }
              return java.nio.file.FileVisitResult.CONTINUE;
            }
          });
    }
    List<SourceFile> out = disambiguate(found, rootOf);
    out.sort((a, b) -> {
      int c = a.id().compareTo(b.id());
      return c != 0 ? c : a.path().toAbsolutePath().normalize().toString()
          .compareTo(b.path().toAbsolutePath().normalize().toString());
    });
    problems.sort(java.util.Comparator.comparing(Rejection::input).thenComparing(Rejection::reason));
    return new Discovery(out, problems);
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

  /**
   * Caps on what one input may make wiretrace read and hold.
   *
   * @param document largest single document in bytes, expanded: a text or HTML file, one JSONL
   *     line, one WARC payload
   * @param feed largest RSS/Atom file, expanded
   * @param container largest expanded JSONL or WARC stream; the rest is skipped and reported
   */
  record Limits(int document, int feed, long container) {
    static final Limits DEFAULT = new Limits(Bytes.MAX_DOCUMENT_BYTES, Bytes.MAX_FEED_BYTES, Bytes.MAX_CONTAINER_BYTES);
  }

  /** Reads one file. Never throws for bad content: problems come back as rejections. */
  public static ReadResult read(SourceFile file) {
    return read(file, Limits.DEFAULT);
  }

  static ReadResult read(SourceFile file, Limits limits) {
    String where = file.path().toString();
    Optional<Kind> kind = Kind.of(file.path().getFileName().toString());
    if (kind.isEmpty()) {
      return ReadResult.rejected(where, UNSUPPORTED);
    }
    BasicFileAttributes attrs;
    try {
      attrs = Files.readAttributes(file.path(), BasicFileAttributes.class); // follows a symbolic link
    } catch (IOException e) {
      return ReadResult.rejected(where, "could not read file: " + describe(e));
    }
    if (!attrs.isRegularFile()) {
      // opening a FIFO would block until a writer comes; a device may never end
      return ReadResult.rejected(where, attrs.isDirectory() ? "a folder, not a file"
          : "not a regular file (a FIFO, socket or device); not read");
    }
    try (InputStream in = Files.newInputStream(file.path())) {
      return read(file.id(), where, kind.get(), in, limits);
    } catch (IOException e) {
      return ReadResult.rejected(where, "could not read file: " + describe(e));
    }
  }

  /**
   * Reads one container held in memory (an upload, a fuzzer's input), exactly as {@link
   * #read(SourceFile)} reads a file of that kind whose id is {@code id}.
   */
  public static ReadResult read(String id, String where, Kind kind, byte[] data) {
    try {
      return read(id, where, kind, new ByteArrayInputStream(data), Limits.DEFAULT);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not thrown by a byte array
    }
  }

  /** Opens a file's bytes; see {@link #read(String, String, String, Opener)}. */
  @FunctionalInterface
  public interface Opener {
    InputStream open() throws IOException;
  }

  /**
   * Reads one regular file from any file system (a Hadoop path, an object store) exactly as {@link
   * #read(SourceFile)} reads a local one: the kind from {@code fileName}, the same caps, every
   * problem a rejection of {@code where}. The caller has checked that it is a regular file.
   */
  public static ReadResult read(String id, String where, String fileName, Opener open) {
    Optional<Kind> kind = Kind.of(fileName);
    if (kind.isEmpty()) {
      return ReadResult.rejected(where, UNSUPPORTED);
    }
    try (InputStream in = open.open()) {
      return read(id, where, kind.get(), in, Limits.DEFAULT);
    } catch (IOException e) {
      return ReadResult.rejected(where, "could not read file: " + describe(e));
    }
  }

  private static final String UNSUPPORTED =
      "unsupported file type (expected .txt, .html, .htm, .jsonl, .warc, .xml/.rss/.atom, optionally .gz)";

  private static String describe(IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file (removed, or a broken symbolic link)";
    }
    if (e instanceof java.nio.file.FileSystemLoopException) {
      return "symbolic link loop";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  static ReadResult read(String id, String where, Kind kind, InputStream in, Limits limits) throws IOException {
    try {
      return switch (kind) {
        case TEXT -> readText(id, where, in, limits);
        case HTML -> readHtml(id, where, in, limits);
        case JSONL -> readJsonl(where, in, limits);
        case WARC -> readWarc(where, in, limits);
        case FEED -> readFeed(id, where, in, limits);
      };
    } catch (BadInputException e) {
      return ReadResult.rejected(where, e.getMessage());
    } catch (IOException e) {
      return ReadResult.rejected(where, "could not read file: " + describe(e));
    } catch (RuntimeException | StackOverflowError e) {
      // a parser bug must not take the batch down; report it with the input
      return ReadResult.rejected(where, UNEXPECTED + e);
    }
  }

  /** How the reason begins when a reader failed in a way it did not foresee (a bug to fix). */
  public static final String UNEXPECTED = "unexpected error while reading: ";

  private static ReadResult readText(String id, String where, InputStream in, Limits limits) throws IOException, BadInputException {
    byte[] data = Bytes.readCapped(in, limits.document(), "text file");
    String text = Bytes.unicodeText(data);
    return new ReadResult(List.of(new RawDocument(id, where, Format.TEXT, text, Hints.NONE)), List.of());
  }

  private static ReadResult readHtml(String id, String where, InputStream in, Limits limits) throws IOException, BadInputException {
    byte[] data = Bytes.readCapped(in, limits.document(), "HTML file");
    if (Bytes.utf16(data) == null) {
      Bytes.checkText(data);
    }
    String html = Bytes.html(data, null);
    return new ReadResult(List.of(new RawDocument(id, where, Format.HTML, html, Hints.NONE)), List.of());
  }

  /** After this many bad lines in a row at the start of a file, the file is not JSON lines. */
  private static final int BAD_LINES_BEFORE_GIVING_UP = 1000;

  private static ReadResult readJsonl(String file, InputStream raw, Limits limits) throws IOException, BadInputException {
    java.io.BufferedInputStream in = new java.io.BufferedInputStream(Bytes.maybeGunzip(raw), 1 << 16);
    in.mark(8192);
    byte[] probe = in.readNBytes(8192);
    in.reset();
    if (Bytes.utf16(probe) != null) {
      byte[] all = Bytes.readCapped(in, limits.document(), "UTF-16 JSON lines file");
      in = new java.io.BufferedInputStream(new ByteArrayInputStream(
          Bytes.unicodeText(all).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    } else {
      Bytes.checkBinary(probe);
    }
    List<RawDocument> docs = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    Bytes.LineReader lines = new Bytes.LineReader(in, limits.document(), limits.container());
    int lineNo = 0;
    int badRun = 0;
    try {
      for (Bytes.LineReader.Line line; (line = lines.next()) != null; ) {
        lineNo++;
        String where = file + ":" + lineNo;
        if (docs.isEmpty() && badRun >= BAD_LINES_BEFORE_GIVING_UP) {
          rejections.add(new Rejection(file, "the first " + badRun + " lines are not JSON objects; not a JSON lines file, "
              + "the rest was skipped"));
          break;
        }
        if (line.bytes() == null) {
          rejections.add(new Rejection(where, "line is longer than the limit of " + limits.document() + " bytes ("
              + line.tooLong() + " bytes); skipped"));
          badRun++;
          continue;
        }
        byte[] b = line.bytes();
        String text;
        try {
          text = Bytes.utf8(b);
        } catch (BadInputException e) {
          rejections.add(new Rejection(where, e.getMessage()));
          badRun++;
          continue;
        }
        if (text.isBlank()) {
          continue;
        }
        int before = rejections.size();
        jsonLine(text, where, docs, rejections);
        badRun = rejections.size() > before ? badRun + 1 : 0;
      }
    } catch (BadInputException e) {
      rejections.add(new Rejection(file + ":" + (lineNo + 1), e.getMessage()));
    }
    if (docs.isEmpty() && rejections.isEmpty()) {
      rejections.add(new Rejection(file, "no JSON lines in file"));
    }
    return new ReadResult(docs, rejections);
  }

  /**
   * One JSON object as a JSONL line of it is read ({@code id}, {@code url}, {@code title}, {@code
   * published}, {@code outlet}, and {@code text} or {@code html}); {@code where} names it in a
   * rejection. For containers of records other than JSONL files (a Parquet table's rows as JSON).
   */
  public static ReadResult readJsonObject(String json, String where) {
    List<RawDocument> docs = new ArrayList<>(1);
    List<Rejection> rejections = new ArrayList<>(0);
    jsonLine(json, where, docs, rejections);
    return new ReadResult(docs, rejections);
  }

  private static void jsonLine(String line, String where, List<RawDocument> docs, List<Rejection> rejections) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      rejections.add(new Rejection(where, "malformed JSON: " + e.getOriginalMessage()));
      return;
    }
    if (node == null || !node.isObject()) {
      rejections.add(new Rejection(where, "expected a JSON object per line"));
      return;
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

  private static String str(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? null : v.isValueNode() ? v.asText() : v.toString();
  }

  /** A stream that fails once more than {@code cap} bytes have been read from it. */
  private static final class CappedStream extends java.io.FilterInputStream {
    private final long cap;
    private long n;

    CappedStream(InputStream in, long cap) {
      super(in);
      this.cap = cap;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? 0 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int r = super.read(b, off, len);
      count(Math.max(r, 0));
      return r;
    }

    @Override
    public long skip(long k) throws IOException {
      long r = super.skip(Math.min(k, 1 << 16));
      count(r);
      return r;
    }

    private void count(long k) throws IOException {
      n += k;
      if (n > cap) {
        throw new IOException("expands past the limit of " + cap + " bytes");
      }
    }
  }

  private static ReadResult readWarc(String file, InputStream raw, Limits limits) throws IOException, BadInputException {
    // un-gzip here (all members) rather than in jwarc, so that the expanded size is capped
    InputStream in = new CappedStream(Bytes.maybeGunzip(raw), limits.container());
    List<RawDocument> docs = new ArrayList<>();
    List<Rejection> rejections = new ArrayList<>();
    long position = 0;
    int records = 0;
    try (WarcReader reader = new WarcReader(in)) {
      while (true) {
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          rejections.add(new Rejection(file + "@" + position,
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
        String where = file + "@" + position;
        try {
          RawDocument doc = warcDocument(rec, where, limits);
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
      rejections.add(new Rejection(file, "no WARC records in file"));
    } else if (docs.isEmpty() && rejections.isEmpty()) {
      rejections.add(new Rejection(file, "WARC file has " + records + " record(s) but no HTML response or resource"));
    }
    return new ReadResult(docs, rejections);
  }

  private static RawDocument warcDocument(WarcRecord rec, String where, Limits limits) throws IOException, BadInputException {
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
    byte[] bytes = body.readNBytes(limits.document() + 1);
    if (bytes.length > limits.document()) {
      throw new BadInputException("WARC payload is larger than the limit of " + limits.document() + " bytes; skipped");
    }
    String content;
    if (html) {
      if (Bytes.utf16(bytes) == null) {
        Bytes.checkText(bytes);
      }
      content = Bytes.html(bytes, type.parameters().get("charset"));
    } else {
      content = Bytes.unicodeText(bytes);
    }
    return new RawDocument(target, where, html ? Format.HTML : Format.TEXT, content, new Hints(target, null, null, null));
  }

  private static ReadResult readFeed(String id, String file, InputStream raw, Limits limits) throws IOException, BadInputException {
    byte[] data = Bytes.readCapped(raw, limits.feed(), "feed file");
    if (Bytes.utf16(data) == null) {
      Bytes.checkText(data);
    }
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
      String where = file + "#item" + (i + 1);
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
      String itemId = link != null ? link : e.getUri() != null && !e.getUri().isBlank() ? e.getUri().trim() : id + "#item" + (i + 1);
      if (content == null) {
        rejections.add(new Rejection(where, "feed item has no content or description (id " + itemId + ")"));
        continue;
      }
      Date when = e.getPublishedDate() != null ? e.getPublishedDate() : e.getUpdatedDate();
      String published = when == null ? null
          : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(when.toInstant().atOffset(ZoneOffset.UTC));
      Hints hints = new Hints(link, e.getTitle() == null ? null : e.getTitle().trim(), published, outlet);
      docs.add(new RawDocument(itemId, where, Format.HTML, wrapFeedHtml(content), hints));
    }
    if (entries.isEmpty()) {
      rejections.add(new Rejection(file, "feed has no items"));
    }
    return new ReadResult(docs, rejections);
  }

  /** Feed bodies are HTML fragments (or plain text): give them a document to live in. */
  private static String wrapFeedHtml(String content) {
    String c = content.contains("<") ? content : "<p>" + content.replace("\n\n", "</p><p>") + "</p>";
    return "<html><body><article>" + c + "</article></body></html>";
  }
}
