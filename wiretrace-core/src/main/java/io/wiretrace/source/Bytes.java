package io.wiretrace.source;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Bounded reading, un-gzipping, binary detection and decoding of input bytes.
 *
 * <p>Every read is capped: no input can make wiretrace hold more than a cap's worth of bytes for
 * one document, whatever the input claims or expands to.
 */
final class Bytes {
  /** Largest single document: a text or HTML file, one JSONL line, one WARC payload (expanded). */
  static final int MAX_DOCUMENT_BYTES = 16 << 20;
  /** Largest RSS/Atom feed file (expanded). */
  static final int MAX_FEED_BYTES = 64 << 20;
  /** Largest expanded size of a streamed container (JSONL, WARC); the rest is skipped and reported. */
  static final long MAX_CONTAINER_BYTES = 4L << 30;

  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]{0,512}?charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]{1,40})", Pattern.CASE_INSENSITIVE);

  private Bytes() {}

  /** A decoding or content problem that rejects an input; the message is the reason. */
  static final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String reason) {
      super(reason);
    }
  }

  /** True if the first bytes are the gzip magic. */
  static boolean gzipMagic(byte[] head, int n) {
    return n >= 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b;
  }

  /**
   * The stream, un-gzipped when it starts with the gzip magic (whatever the file is called; a
   * {@code .gz} name without the magic is read as is and fails later as the content it is).
   */
  static InputStream maybeGunzip(InputStream raw) throws IOException {
    InputStream in = raw.markSupported() ? raw : new java.io.BufferedInputStream(raw, 1 << 16);
    in.mark(2);
    byte[] head = new byte[2];
    int n = in.readNBytes(head, 0, 2);
    in.reset();
    return gzipMagic(head, n) ? new GZIPInputStream(in, 1 << 16) : in;
  }

  /**
   * Reads the whole stream (un-gzipped) if it holds at most {@code cap} bytes.
   *
   * @throws BadInputException if it holds more, or the gzip stream is corrupt or truncated
   */
  static byte[] readCapped(InputStream raw, int cap, String what) throws IOException, BadInputException {
    try (InputStream in = maybeGunzip(raw)) {
      byte[] data = in.readNBytes(cap + 1);
      if (data.length > cap) {
        throw new BadInputException(what + " is larger than the limit of " + cap + " bytes"
            + (in instanceof GZIPInputStream ? " once un-gzipped" : "") + "; not read");
      }
      return data;
    } catch (EOFException e) {
      throw new BadInputException("truncated gzip stream (unexpected end of input)");
    } catch (java.util.zip.ZipException e) {
      throw new BadInputException("corrupt gzip stream: " + e.getMessage());
    }
  }

  /**
   * Rejects content that is empty or binary. UTF-16 text is not binary: callers decode it first
   * ({@link #utf16} answers whether it is).
   *
   * @throws BadInputException "empty file" or "binary content ..."
   */
  static void checkText(byte[] data) throws BadInputException {
    boolean blank = true;
    for (byte b : data) {
      if (!Character.isWhitespace(b & 0xff)) {
        blank = false;
        break;
      }
    }
    if (blank) {
      throw new BadInputException(data.length == 0 ? "empty file" : "file holds only whitespace");
    }
    checkBinary(data);
  }

  /** Rejects bytes whose first 8 KB hold NUL bytes or more than 10 % other control bytes. */
  static void checkBinary(byte[] data) throws BadInputException {
    int probe = Math.min(data.length, 8192);
    int nul = 0;
    int control = 0;
    for (int i = 0; i < probe; i++) {
      int b = data[i] & 0xff;
      if (b == 0) {
        nul++;
      } else if (b < 0x20 && b != '\n' && b != '\r' && b != '\t' && b != '\f' && b != 0x1b) {
        control++;
      }
    }
    if (nul > 0 || control * 10 > probe) {
      throw new BadInputException("binary content (" + nul + " NUL and " + control
          + " control bytes in the first " + probe + " bytes); not a text, HTML or feed file");
    }
  }

  /**
   * The UTF-16 charset the bytes are in, or null: a UTF-16 byte order mark, or (no mark) NUL bytes
   * at nearly every even or every odd offset of the first 4 KB, which is ASCII-range text in
   * UTF-16BE or UTF-16LE.
   */
  static Charset utf16(byte[] data) {
    if (data.length >= 2) {
      int b0 = data[0] & 0xff;
      int b1 = data[1] & 0xff;
      if (b0 == 0xfe && b1 == 0xff) {
        return StandardCharsets.UTF_16BE;
      }
      if (b0 == 0xff && b1 == 0xfe) {
        return StandardCharsets.UTF_16LE;
      }
    }
    int probe = Math.min(data.length, 4096) & ~1;
    if (probe < 16) {
      return null;
    }
    int evenNul = 0;
    int oddNul = 0;
    for (int i = 0; i < probe; i += 2) {
      evenNul += data[i] == 0 ? 1 : 0;
      oddNul += data[i + 1] == 0 ? 1 : 0;
    }
    int pairs = probe / 2;
    if (evenNul * 10 >= pairs * 9 && oddNul * 10 < pairs) {
      return StandardCharsets.UTF_16BE;
    }
    if (oddNul * 10 >= pairs * 9 && evenNul * 10 < pairs) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }

  /**
   * Decodes text that must be Unicode: UTF-16 (with or without a byte order mark) or strict UTF-8
   * (a leading BOM is dropped); then checks that what is left is text.
   */
  static String unicodeText(byte[] data) throws BadInputException {
    Charset cs = utf16(data);
    if (cs != null) {
      String s = strict(cs, data, bomLength(data, cs));
      checkDecoded(s);
      return s;
    }
    checkText(data);
    return utf8(data);
  }

  private static int bomLength(byte[] data, Charset cs) {
    if (data.length >= 2 && ((data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff
        || (data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe)) {
      return 2;
    }
    return 0;
  }

  private static void checkDecoded(String s) throws BadInputException {
    if (s.isBlank()) {
      throw new BadInputException("file holds only whitespace");
    }
    int probe = Math.min(s.length(), 8192);
    for (int i = 0; i < probe; i++) {
      if (s.charAt(i) == 0) {
        throw new BadInputException("binary content (NUL character at offset " + i + " after UTF-16 decoding)");
      }
    }
  }

  private static String strict(Charset cs, byte[] data, int start) throws BadInputException {
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(data, start, data.length - start);
    try {
      return dec.decode(in).toString();
    } catch (MalformedInputException e) {
      throw new BadInputException("not valid " + cs.name() + ": malformed byte sequence at byte offset " + in.position());
    } catch (CharacterCodingException e) {
      throw new BadInputException("not valid " + cs.name() + ": " + e);
    }
  }

  /** Decodes strict UTF-8 (a leading BOM is dropped); names the offset of the first bad byte. */
  static String utf8(byte[] data) throws BadInputException {
    int start = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf ? 3 : 0;
    return strict(StandardCharsets.UTF_8, data, start);
  }

  /**
   * Decodes HTML: a UTF-16 byte order mark or NUL pattern wins, then a declared charset (HTTP
   * header or {@code <meta>}), then strict UTF-8, then windows-1252, the encoding browsers assume
   * for undeclared legacy pages.
   */
  static String html(byte[] data, String declaredCharset) {
    Charset utf16 = utf16(data);
    if (utf16 != null) {
      return stripBom(utf16.decode(ByteBuffer.wrap(data)).toString());
    }
    String name = declaredCharset;
    if (name == null) {
      String head = new String(data, 0, Math.min(data.length, 4096), StandardCharsets.ISO_8859_1);
      Matcher m = META_CHARSET.matcher(head);
      if (m.find()) {
        name = m.group(1);
      }
    }
    if (name != null) {
      try {
        Charset cs = Charset.forName(name.trim());
        if (LATIN.contains(cs.name()) && hasMultibyteUtf8(data)) {
          // the commonest mis-declaration: UTF-8 bytes behind a Latin-1 / windows-1252 label;
          // valid multi-byte UTF-8 sequences are vanishingly rare in genuine Latin-1 text
          try {
            return utf8(data);
          } catch (BadInputException e) {
            // really Latin: decode as declared
          }
        }
        if (cs.equals(StandardCharsets.UTF_16) || cs.equals(StandardCharsets.UTF_16BE) || cs.equals(StandardCharsets.UTF_16LE)) {
          // a page whose bytes are not UTF-16 (checked above) cannot be UTF-16 whatever it says
          cs = null;
        }
        if (cs != null && !cs.equals(StandardCharsets.UTF_8)) {
          return stripBom(cs.decode(ByteBuffer.wrap(data)).toString());
        }
      } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
        // fall through to detection
      }
    }
    try {
      return utf8(data);
    } catch (BadInputException e) {
      CharBuffer cb = Charset.forName("windows-1252").decode(ByteBuffer.wrap(data));
      return cb.toString();
    }
  }

  private static final java.util.Set<String> LATIN = java.util.Set.of("ISO-8859-1", "windows-1252", "US-ASCII", "ISO-8859-15");

  /** True if {@code data} contains at least one well-formed two- to four-byte UTF-8 sequence. */
  static boolean hasMultibyteUtf8(byte[] data) {
    for (int i = 0; i + 1 < data.length; i++) {
      int b = data[i] & 0xff;
      if (b >= 0xC2 && b <= 0xF4 && (data[i + 1] & 0xC0) == 0x80) {
        return true;
      }
    }
    return false;
  }

  private static String stripBom(String s) {
    return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
  }

  /**
   * Reads lines of at most {@code cap} bytes from a stream; a longer line is skipped (read past,
   * never held) and reported by {@link Line#tooLong}. The stream's total is capped too.
   */
  static final class LineReader {
    private final InputStream in;
    private final int cap;
    private final long totalCap;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int len;
    private long total;
    private boolean eof;
    private byte[] line = new byte[256];

    LineReader(InputStream in, int cap, long totalCap) {
      this.in = in;
      this.cap = cap;
      this.totalCap = totalCap;
    }

    /** One line: its bytes (no terminator), or {@code tooLong} with the bytes it ran to. */
    record Line(byte[] bytes, long tooLong) {}

    /** The next line, or null at the end of the stream. */
    Line next() throws IOException, BadInputException {
      int n = 0;
      long skipped = 0;
      boolean any = false;
      while (true) {
        if (pos == len) {
          if (eof || !fill()) {
            if (!any) {
              return null;
            }
            break;
          }
        }
        any = true;
        int start = pos;
        int nl = -1;
        for (int i = pos; i < len; i++) {
          if (buf[i] == '\n') {
            nl = i;
            break;
          }
        }
        int end = nl < 0 ? len : nl;
        int chunk = end - start;
        if (skipped == 0 && n + chunk <= cap) {
          if (n + chunk > line.length) {
            line = Arrays.copyOf(line, Math.max(n + chunk, Math.min(cap, line.length * 2)));
          }
          System.arraycopy(buf, start, line, n, chunk);
          n += chunk;
        } else {
          skipped = (skipped == 0 ? n : skipped) + chunk;
          n = 0;
        }
        pos = nl < 0 ? len : nl + 1;
        if (nl >= 0) {
          break;
        }
      }
      if (skipped > 0) {
        return new Line(null, skipped);
      }
      int end = n > 0 && line[n - 1] == '\r' ? n - 1 : n;
      return new Line(Arrays.copyOf(line, end), 0);
    }

    private boolean fill() throws IOException, BadInputException {
      if (total >= totalCap) {
        throw new BadInputException("stream is larger than the limit of " + totalCap + " bytes; the rest was skipped");
      }
      int r;
      try {
        r = in.read(buf, 0, (int) Math.min(buf.length, totalCap - total));
      } catch (EOFException e) {
        throw new BadInputException("truncated gzip stream (unexpected end of input)");
      } catch (java.util.zip.ZipException e) {
        throw new BadInputException("corrupt gzip stream: " + e.getMessage());
      }
      if (r <= 0) {
        eof = true;
        return false;
      }
      total += r;
      pos = 0;
      len = r;
      return true;
    }
  }
}
