package io.wiretrace.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wiretrace.model.RawDocument;
import io.wiretrace.model.Rejection;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs built to hurt: each is rejected with a clear reason, bounded in memory (small limits here
 * stand in for the real ones), and never takes the rest of the batch with it.
 */
@Timeout(60)
class HostileInputsTest {
  @TempDir
  Path dir;

  private static final Sources.Limits SMALL = new Sources.Limits(1 << 16, 1 << 17, 1 << 20);

  private static ReadResult read(Sources.Kind kind, byte[] data, Sources.Limits limits) throws IOException {
    return Sources.read("x", "x", kind, new ByteArrayInputStream(data), limits);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  /** A stream of {@code n} copies of {@code b}, made on the fly (never held). */
  private static InputStream repeat(byte b, long n) {
    return new InputStream() {
      long left = n;

      @Override
      public int read() {
        return left-- > 0 ? b & 0xff : -1;
      }

      @Override
      public int read(byte[] buf, int off, int len) {
        if (left <= 0) {
          return -1;
        }
        int k = (int) Math.min(len, left);
        java.util.Arrays.fill(buf, off, off + k, b);
        left -= k;
        return k;
      }
    };
  }

  private static String line(String id) {
    return "{\"id\":\"" + id + "\",\"text\":\"The council met on Monday.\"}\n";
  }

  @Test
  void jsonl_lineOverTheLimit_isSkippedWithoutBeingHeld_andTheNextLinesAreRead() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(line("a").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(("{\"id\":\"big\",\"text\":\"" + "x".repeat(300_000) + "\"}\n").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(line("b").getBytes(StandardCharsets.UTF_8));
    ReadResult r = read(Sources.Kind.JSONL, b.toByteArray(), SMALL);
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("a", "b");
    assertThat(r.rejections()).singleElement().satisfies(x -> {
      assertThat(x.input()).isEqualTo("x:2");
      assertThat(x.reason()).contains("longer than the limit of 65536 bytes");
    });
  }

  @Test
  void jsonl_withoutANewline_pastTheContainerLimit_stopsWithAReason() throws IOException {
    InputStream in = new java.io.SequenceInputStream(new ByteArrayInputStream(line("a").getBytes(StandardCharsets.UTF_8)),
        repeat((byte) 'x', 5L << 20));
    ReadResult r = Sources.read("x", "x", Sources.Kind.JSONL, in, SMALL);
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("a");
    assertThat(r.rejections()).extracting(Rejection::reason).anyMatch(s -> s.contains("larger than the limit of 1048576"));
  }

  @Test
  void gzipBomb_textAndHtml_rejectedAtTheDocumentLimit() throws IOException {
    byte[] bomb = gzip(repeat((byte) 'a', 50L << 20).readAllBytes()); // 50 MB of 'a' in ~50 KB
    assertThat(bomb.length).isLessThan(200_000);
    for (Sources.Kind k : new Sources.Kind[] {Sources.Kind.TEXT, Sources.Kind.HTML, Sources.Kind.FEED}) {
      ReadResult r = read(k, bomb, SMALL);
      assertThat(r.documents()).isEmpty();
      assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString()
          .contains("larger than the limit").contains("un-gzipped");
    }
  }

  @Test
  void gzipBomb_jsonlAndWarc_stopAtTheContainerLimit() throws IOException {
    byte[] bomb = gzip(repeat((byte) '\n', 50L << 20).readAllBytes());
    ReadResult j = read(Sources.Kind.JSONL, bomb, SMALL);
    assertThat(j.rejections()).extracting(Rejection::reason).anyMatch(s -> s.contains("larger than the limit"));
    ReadResult w = read(Sources.Kind.WARC, bomb, SMALL);
    assertThat(w.documents()).isEmpty();
    assertThat(w.rejections()).isNotEmpty();
  }

  private static byte[] warcRecord(String uri, String contentLength, String body) {
    String http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + body;
    String len = contentLength != null ? contentLength : String.valueOf(http.getBytes(StandardCharsets.UTF_8).length);
    return ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: " + uri + "\r\nWARC-Date: 2026-01-01T00:00:00Z\r\n"
        + "WARC-Record-ID: <urn:uuid:" + java.util.UUID.nameUUIDFromBytes(uri.getBytes(StandardCharsets.UTF_8)) + ">\r\n"
        + "Content-Type: application/http; msgtype=response\r\nContent-Length: " + len + "\r\n\r\n" + http + "\r\n\r\n")
        .getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void warc_recordClaimingAPetabyte_keepsTheRecordsBefore_andReportsTheBreak() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(warcRecord("http://a.test/1", null, "<p>One</p>"));
    b.writeBytes(warcRecord("http://a.test/2", "1000000000000000", "<p>Two</p>"));
    ReadResult r = read(Sources.Kind.WARC, b.toByteArray(), Sources.Limits.DEFAULT);
    assertThat(r.documents()).extracting(RawDocument::id).contains("http://a.test/1");
    assertThat(r.rejections()).isNotEmpty();
  }

  @Test
  void warc_payloadOverTheLimit_skipped_nextRecordRead() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(warcRecord("http://a.test/big", null, "<p>" + "y".repeat(200_000) + "</p>"));
    b.writeBytes(warcRecord("http://a.test/ok", null, "<p>Fine</p>"));
    ReadResult r = read(Sources.Kind.WARC, b.toByteArray(), SMALL);
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("http://a.test/ok");
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().contains("payload is larger than the limit");
  }

  @Test
  void hundredThousandTinyRecords_allRead() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 0; i < 100_000; i++) {
      b.writeBytes(("{\"id\":\"r" + i + "\",\"text\":\"t\"}\n").getBytes(StandardCharsets.UTF_8));
    }
    ReadResult r = read(Sources.Kind.JSONL, b.toByteArray(), Sources.Limits.DEFAULT);
    assertThat(r.documents()).hasSize(100_000);
    assertThat(r.rejections()).isEmpty();
  }

  @Test
  void binaryNamedJsonl_rejectedOnce_notOncePerLine() throws IOException {
    byte[] junk = new byte[200_000];
    new java.util.Random(7).nextBytes(junk);
    ReadResult r = read(Sources.Kind.JSONL, junk, Sources.Limits.DEFAULT);
    assertThat(r.documents()).isEmpty();
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().startsWith("binary content");
  }

  @Test
  void manyBadLines_giveUpAfterAThousand() throws IOException {
    String bad = "this is not json\n".repeat(5000);
    ReadResult r = read(Sources.Kind.JSONL, bad.getBytes(StandardCharsets.UTF_8), Sources.Limits.DEFAULT);
    assertThat(r.rejections()).hasSize(1001);
    assertThat(r.rejections().get(1000).reason()).contains("not a JSON lines file");
  }

  @Test
  void jsonl_invalidUtf8OnOneLine_rejectsThatLineOnly() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(line("a").getBytes(StandardCharsets.UTF_8));
    b.writeBytes(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    b.writeBytes(line("b").getBytes(StandardCharsets.UTF_8));
    ReadResult r = read(Sources.Kind.JSONL, b.toByteArray(), Sources.Limits.DEFAULT);
    assertThat(r.documents()).extracting(RawDocument::id).containsExactly("a", "b");
    assertThat(r.rejections()).singleElement().satisfies(x -> {
      assertThat(x.input()).isEqualTo("x:2");
      assertThat(x.reason()).contains("not valid UTF-8").contains("byte offset 7");
    });
  }

  @Test
  void utf16_withAndWithoutBom_isText_notBinary() throws IOException {
    String text = "The minister arrived in Oslo on Tuesday.\nShe met the mayor.";
    for (byte[] b : List.of(("\uFEFF" + text).getBytes(StandardCharsets.UTF_16LE), ("\uFEFF" + text).getBytes(StandardCharsets.UTF_16BE),
        text.getBytes(StandardCharsets.UTF_16LE), text.getBytes(StandardCharsets.UTF_16BE))) {
      ReadResult r = read(Sources.Kind.TEXT, b, Sources.Limits.DEFAULT);
      assertThat(r.rejections()).isEmpty();
      assertThat(r.documents().get(0).content()).isEqualTo(text);
      ReadResult h = read(Sources.Kind.HTML, ("<html><body><p>" + text + "</p></body></html>").getBytes(
          b[0] == 0 || (b[0] & 0xff) == 0xfe ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE), Sources.Limits.DEFAULT);
      assertThat(h.documents().get(0).content()).contains("Oslo");
    }
  }

  @Test
  void htmlDeclaringUtf16_butWrittenInUtf8_decodedAsUtf8() throws IOException {
    byte[] b = "<html><head><meta charset=utf-16></head><body><p>Zoë in Tromsø</p></body></html>".getBytes(StandardCharsets.UTF_8);
    assertThat(read(Sources.Kind.HTML, b, Sources.Limits.DEFAULT).documents().get(0).content()).contains("Zoë in Tromsø");
  }

  @Test
  void nulBytesInText_rejectedAsBinary() throws IOException {
    byte[] b = "Some text\0with a NUL in it and more text".getBytes(StandardCharsets.UTF_8);
    assertThat(read(Sources.Kind.TEXT, b, Sources.Limits.DEFAULT).rejections()).singleElement()
        .extracting(Rejection::reason).asString().startsWith("binary content");
  }

  @Test
  void fifo_inAnInputFolder_rejectedWithoutBlocking() throws Exception {
    Path fifo = dir.resolve("in/pipe.txt");
    Files.createDirectories(fifo.getParent());
    Files.writeString(dir.resolve("in/ok.txt"), "The council met.");
    Process p;
    try {
      p = new ProcessBuilder("mkfifo", fifo.toString()).start();
    } catch (IOException e) {
      assumeTrue(false, "no mkfifo here");
      return;
    }
    assumeTrue(p.waitFor() == 0, "mkfifo failed");
    Sources.Discovery d = Sources.find(List.of(dir.resolve("in")));
    assertThat(d.files()).extracting(SourceFile::id).containsExactly("ok.txt", "pipe.txt");
    ReadResult r = Sources.read(d.files().get(1));
    assertThat(r.rejections()).singleElement().extracting(Rejection::reason).asString().contains("not a regular file");
  }

  @Test
  void symlinkLoop_reported_restWalked() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("a"));
    Files.writeString(in.resolve("a/x.txt"), "Text.");
    try {
      Files.createSymbolicLink(in.resolve("a/loop"), in);
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    Sources.Discovery d = Sources.find(List.of(in));
    assertThat(d.files()).extracting(SourceFile::id).containsExactly("a/x.txt");
    assertThat(d.rejections()).singleElement().extracting(Rejection::reason).asString().contains("symbolic link loop");
  }

  @Test
  void brokenSymlink_rejectedByName() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    try {
      Files.createSymbolicLink(in.resolve("gone.txt"), in.resolve("nowhere.txt"));
    } catch (UnsupportedOperationException | IOException e) {
      assumeTrue(false, "no symbolic links here");
    }
    Sources.Discovery d = Sources.find(List.of(in));
    assertThat(d.files()).extracting(SourceFile::id).containsExactly("gone.txt");
    assertThat(Sources.read(d.files().get(0)).rejections()).singleElement().extracting(Rejection::reason).asString()
        .contains("broken symbolic link");
  }

  @Test
  void unreadableFileAndFolder_reported_restRead() throws IOException {
    assumeTrue(!"root".equals(System.getProperty("user.name")), "root reads everything");
    Path in = dir.resolve("in");
    Files.createDirectories(in.resolve("locked"));
    Files.writeString(in.resolve("locked/x.txt"), "Text.");
    Files.writeString(in.resolve("secret.txt"), "Text.");
    Files.writeString(in.resolve("ok.txt"), "Text.");
    in.resolve("secret.txt").toFile().setReadable(false, false);
    in.resolve("locked").toFile().setExecutable(false, false);
    in.resolve("locked").toFile().setReadable(false, false);
    try {
      Sources.Discovery d = Sources.find(List.of(in));
      assertThat(d.rejections()).singleElement().extracting(Rejection::reason).asString().contains("permission denied");
      SourceFile secret = d.files().stream().filter(f -> f.id().equals("secret.txt")).findFirst().orElseThrow();
      assertThat(Sources.read(secret).rejections()).singleElement().extracting(Rejection::reason).asString()
          .contains("permission denied");
    } finally {
      in.resolve("locked").toFile().setExecutable(true, false);
      in.resolve("locked").toFile().setReadable(true, false);
    }
  }

  @Test
  void fileNameWithNewline_keepsItsNameAsId() throws IOException {
    Path in = dir.resolve("in");
    Files.createDirectories(in);
    Path odd;
    try {
      odd = Files.writeString(in.resolve("two\nlines.txt"), "The council met.");
    } catch (java.nio.file.InvalidPathException e) {
      assumeTrue(false, "file system refuses newlines in names");
      return;
    }
    Sources.Discovery d = Sources.find(List.of(in));
    assertThat(d.files()).extracting(SourceFile::id).containsExactly("two\nlines.txt");
    assertThat(Sources.read(d.files().get(0)).documents()).singleElement().extracting(RawDocument::id).isEqualTo("two\nlines.txt");
    assertThat(odd).exists();
  }
}
