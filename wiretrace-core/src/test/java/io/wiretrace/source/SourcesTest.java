package io.wiretrace.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {
  @TempDir
  Path dir;

  private ReadResult read(String name, byte[] content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return Sources.read(new SourceFile(p, name));
  }

  private ReadResult read(String name, String content) throws IOException {
    return read(name, content.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  @Test
  void discover_walksFoldersRecursively_idsRelativeToInput_hiddenSkipped() throws IOException {
    Files.createDirectories(dir.resolve("in/a/b"));
    Files.writeString(dir.resolve("in/a/b/x.txt"), "x");
    Files.writeString(dir.resolve("in/top.html"), "<p>x</p>");
    Files.createDirectories(dir.resolve("in/.git"));
    Files.writeString(dir.resolve("in/.git/config"), "x");
    Files.writeString(dir.resolve("single.txt"), "x");
    List<SourceFile> files = Sources.discover(List.of(dir.resolve("single.txt"), dir.resolve("in")));
    assertThat(files).extracting(SourceFile::id).containsExactly("a/b/x.txt", "single.txt", "top.html");
  }

  @Test
  void discover_samePathUnderTwoInputs_getsDistinctIdsWhateverTheOrder() throws IOException {
    for (String root : new String[] {"a", "b", "x/c/html", "y/c/html"}) {
      Path p = dir.resolve(root).resolve(root.endsWith("html") ? "p.html" : "html/p.html");
      Files.createDirectories(p.getParent());
      Files.writeString(p, "<p>" + root + "</p>");
    }
    Files.writeString(dir.resolve("a/only-a.txt"), "x");
    List<SourceFile> one = Sources.discover(List.of(dir.resolve("a"), dir.resolve("b")));
    assertThat(one).extracting(SourceFile::id).containsExactly("a/html/p.html", "b/html/p.html", "only-a.txt");
    List<SourceFile> other = Sources.discover(List.of(dir.resolve("b"), dir.resolve("a")));
    assertThat(other).isEqualTo(one);
    // the input folders share their name: as many parent folders as it takes
    assertThat(Sources.discover(List.of(dir.resolve("y/c/html"), dir.resolve("x/c/html")))).extracting(SourceFile::id)
        .containsExactly("x/c/html/p.html", "y/c/html/p.html");
    // the same file through overlapping inputs is one file, not a collision
    assertThat(Sources.discover(List.of(dir.resolve("a"), dir.resolve("a")))).extracting(SourceFile::id)
        .containsExactly("html/p.html", "only-a.txt");
  }

  @Test
  void discover_missingInput_throwsNoSuchFile() {
    assertThatThrownBy(() -> Sources.discover(List.of(dir.resolve("nope"))))
        .isInstanceOf(NoSuchFileException.class).hasMessageContaining("nope");
  }

  @Test
  void text_readAsTextDocument() throws IOException {
    ReadResult r = read("a/page.txt", "Title here\nBody line one.\n");
    assertThat(r.rejections()).isEmpty();
    assertThat(r.documents()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("a/page.txt");
      assertThat(d.format()).isEqualTo(RawDocument.Format.TEXT);
      assertThat(d.content()).startsWith("Title here");
    });
  }

  @Test
  void emptyFile_rejectedAsEmpty() throws IOException {
    ReadResult r = read("empty.txt", new byte[0]);
    assertThat(r.documents()).isEmpty();
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).isEqualTo("empty file");
  }

  @Test
  void binaryJunk_rejectedAsBinary() throws IOException {
    byte[] junk = new byte[4096];
    new java.util.Random(7).nextBytes(junk);
    junk[10] = 0;
    ReadResult r = read("junk.html", junk);
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("binary content");
  }

  @Test
  void invalidUtf8Text_rejectedWithByteOffset() throws IOException {
    byte[] bad = "Good start \u00e9 then".getBytes(StandardCharsets.UTF_8);
    byte[] withBad = Arrays.copyOf(bad, bad.length + 3);
    withBad[bad.length] = (byte) 0xC3; // lead byte with no continuation
    withBad[bad.length + 1] = (byte) 0x28;
    withBad[bad.length + 2] = 'x';
    ReadResult r = read("bad.txt", withBad);
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString()
        .isEqualTo("not valid UTF-8: malformed byte sequence at byte offset " + bad.length);
  }

  @Test
  void legacyHtmlWithoutCharset_decodedAsWindows1252() throws IOException {
    byte[] page = "<html><body><p>Caf\u00e9 au lait</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);
    ReadResult r = read("old.html", page);
    assertThat(r.documents()).singleElement().extracting(RawDocument::content).asString().contains("Caf\u00e9");
  }

  @Test
  void declaredCharset_wins() throws IOException {
    byte[] page = "<html><head><meta charset=\"iso-8859-15\"></head><body><p>Price \u20ac5</p></body></html>"
        .getBytes(java.nio.charset.Charset.forName("ISO-8859-15"));
    ReadResult r = read("euro.html", page);
    assertThat(r.documents()).singleElement().extracting(RawDocument::content).asString().contains("\u20ac5");
  }

  @Test
  void utf8BehindALatin1Label_decodedAsUtf8() throws IOException {
    byte[] page = "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Stra\u00dfe in M\u00fcnchen</p></body></html>"
        .getBytes(StandardCharsets.UTF_8);
    ReadResult r = read("misdeclared.html", page);
    assertThat(r.documents()).singleElement().extracting(RawDocument::content).asString().contains("Stra\u00dfe in M\u00fcnchen");
  }

  @Test
  void gzippedHtml_readTransparently() throws IOException {
    ReadResult r = read("p.html.gz", gzip("<html><body><p>Hello</p></body></html>".getBytes(StandardCharsets.UTF_8)));
    assertThat(r.documents()).singleElement().extracting(RawDocument::format).isEqualTo(RawDocument.Format.HTML);
  }

  @Test
  void truncatedGzip_rejected() throws IOException {
    byte[] gz = gzip("<html><body><p>Hello world, a long enough page to compress.</p></body></html>".repeat(20).getBytes(StandardCharsets.UTF_8));
    ReadResult r = read("t.html.gz", Arrays.copyOf(gz, gz.length / 2));
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).isEqualTo("truncated gzip stream (unexpected end of input)");
  }

  @Test
  void jsonl_goodLinesKept_badLinesRejectedWithLineNumbers() throws IOException {
    String jsonl = """
        {"id":"a","title":"T","published":"2024-01-02","outlet":"O","text":"Body of a."}
        {"id":"b", broken
        {"id":"c"}
        {"title":"no id","text":"x"}

        {"id":"d","html":"<p>Body of d.</p>","url":"https://d.example/x"}
        [1,2]
        """;
    ReadResult r = read("feed.jsonl", jsonl);
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("a", "d");
    assertThat(r.documents().get(0).hints().outlet()).isEqualTo("O");
    assertThat(r.documents().get(1).format()).isEqualTo(RawDocument.Format.HTML);
    assertThat(r.rejections()).extracting(Rejection::input)
        .containsExactly(dir.resolve("feed.jsonl") + ":2", dir.resolve("feed.jsonl") + ":3", dir.resolve("feed.jsonl") + ":4",
            dir.resolve("feed.jsonl") + ":7");
    assertThat(r.rejections().get(0).reason()).startsWith("malformed JSON");
    assertThat(r.rejections().get(1).reason()).isEqualTo("missing required field 'text' or 'html' (id c)");
    assertThat(r.rejections().get(2).reason()).isEqualTo("missing required string field 'id'");
  }

  static byte[] warcRecord(String type, String uri, byte[] payload, String contentType) {
    String head = "WARC/1.1\r\nWARC-Type: " + type + "\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-" + String.format("%012d", Math.abs(uri.hashCode()))
        + ">\r\nWARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Target-URI: " + uri + "\r\nContent-Type: " + contentType
        + "\r\nContent-Length: " + payload.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    out.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }

  static byte[] httpResponse(String html) {
    byte[] body = html.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(body);
    return out.toByteArray();
  }

  @Test
  void warc_htmlResponsesBecomeDocumentsKeyedByTargetUri() throws IOException {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    w.writeBytes(warcRecord("request", "https://a.example/1", "GET / HTTP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII), "application/http; msgtype=request"));
    w.writeBytes(warcRecord("response", "https://a.example/1", httpResponse("<html><body><p>One</p></body></html>"), "application/http; msgtype=response"));
    w.writeBytes(warcRecord("response", "https://a.example/2", httpResponse("<html><body><p>Two</p></body></html>"), "application/http; msgtype=response"));
    ReadResult r = read("crawl.warc", w.toByteArray());
    assertThat(r.rejections()).isEmpty();
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("https://a.example/1", "https://a.example/2");
  }

  @Test
  void truncatedWarc_keepsRecordsBeforeTheBreak_andRejectsTheRestWithOffset() throws IOException {
    ByteArrayOutputStream w = new ByteArrayOutputStream();
    w.writeBytes(warcRecord("response", "https://a.example/1", httpResponse("<html><body><p>One</p></body></html>"), "application/http; msgtype=response"));
    byte[] second = warcRecord("response", "https://a.example/2", httpResponse("<html><body><p>Two two two</p></body></html>"), "application/http; msgtype=response");
    w.writeBytes(Arrays.copyOf(second, second.length - 30));
    ReadResult r = read("broken.warc", w.toByteArray());
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("https://a.example/1");
    assertThat(r.rejections()).isNotEmpty();
    assertThat(r.rejections().get(0).input()).contains("broken.warc@");
  }

  @Test
  void warcGarbage_rejected() throws IOException {
    ReadResult r = read("g.warc", "this is not a warc file at all\n".repeat(10));
    assertThat(r.documents()).isEmpty();
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().contains("unreadable WARC record");
  }

  @Test
  void rss_itemsBecomeDocumentsWithHints_emptyItemRejected() throws IOException {
    String rss = """
        <?xml version="1.0" encoding="UTF-8"?>
        <rss version="2.0"><channel><title>Teranova Today</title><link>https://t.example/</link><description>d</description>
        <item><title>First</title><link>https://t.example/1</link><pubDate>Wed, 02 Apr 2025 15:00:00 GMT</pubDate>
        <description><![CDATA[<p>Body one.</p>]]></description></item>
        <item><title>Empty</title><link>https://t.example/2</link></item>
        </channel></rss>
        """;
    ReadResult r = read("feed.xml", rss);
    assertThat(r.documents()).singleElement().satisfies(d -> {
      assertThat(d.id()).isEqualTo("https://t.example/1");
      assertThat(d.hints().title()).isEqualTo("First");
      assertThat(d.hints().published()).isEqualTo("2025-04-02T15:00:00Z");
      assertThat(d.hints().outlet()).isEqualTo("Teranova Today");
    });
    assertThat(r.rejections()).singleElement().satisfies(x -> {
      assertThat(x.input()).endsWith("feed.xml#item2");
      assertThat(x.reason()).startsWith("feed item has no content");
    });
  }

  @Test
  void atom_entriesRead() throws IOException {
    String atom = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom"><title>Herald</title><id>urn:h</id><updated>2025-04-03T08:00:00Z</updated>
        <entry><title>E</title><link href="https://h.example/e"/><id>urn:e</id><published>2025-04-03T08:00:00Z</published>
        <updated>2025-04-03T08:00:00Z</updated><content type="html">&lt;p&gt;Entry body.&lt;/p&gt;</content></entry></feed>
        """;
    ReadResult r = read("h.atom", atom);
    assertThat(r.documents()).singleElement().extracting(RawDocument::id).isEqualTo("https://h.example/e");
  }

  @Test
  void notAFeed_rejected() throws IOException {
    ReadResult r = read("x.xml", "<config><a>1</a></config>");
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("not a valid RSS/Atom feed");
  }

  @Test
  void xmlWithDoctype_rejectedNotExpanded() throws IOException {
    String xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <rss version="2.0"><channel><title>&x;</title><item><title>t</title><description>d</description></item></channel></rss>
        """;
    ReadResult r = read("xxe.xml", xxe);
    assertThat(r.documents()).isEmpty();
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("not a valid RSS/Atom feed");
  }

  @Test
  void unsupportedExtension_rejected() throws IOException {
    ReadResult r = read("notes.pdf", "x");
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("unsupported file type");
  }
}
