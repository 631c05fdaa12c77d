package io.wiretrace.source;

import java.io.ByteArrayOutputStream;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** Reading, un-gzipping, binary detection and decoding of input bytes. */
final class Bytes {
  /** Largest file read; larger ones are rejected rather than risk the heap. */
  static final long MAX_FILE_BYTES = 256L << 20;

  private static final Pattern META_CHARSET =
      Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9_\\-:.]+)", Pattern.CASE_INSENSITIVE);

  private Bytes() {}

  /** A decoding or content problem that rejects an input; the message is the reason. */
  static final class BadInputException extends Exception {
    private static final long serialVersionUID = 1L;

    BadInputException(String reason) {
      super(reason);
    }
  }

  /** Reads a file, un-gzipping it when its name ends in .gz or it starts with the gzip magic. */
  static byte[] read(Path path) throws IOException, BadInputException {
    long size = Files.size(path);
    if (size > MAX_FILE_BYTES) {
      throw new BadInputException("file is " + size + " bytes, larger than the limit of " + MAX_FILE_BYTES);
    }
    byte[] raw = Files.readAllBytes(path);
    boolean gz = path.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz")
        || (raw.length >= 2 && (raw[0] & 0xff) == 0x1f && (raw[1] & 0xff) == 0x8b);
    return gz ? gunzip(raw) : raw;
  }

  static byte[] gunzip(byte[] raw) throws BadInputException {
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(raw))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length * 4);
      byte[] buf = new byte[1 << 16];
      long total = 0;
      for (int n; (n = in.read(buf)) > 0; ) {
        total += n;
        if (total > MAX_FILE_BYTES) {
          throw new BadInputException("gzip content expands past the limit of " + MAX_FILE_BYTES + " bytes");
        }
        out.write(buf, 0, n);
      }
      return out.toByteArray();
    } catch (EOFException e) {
      throw new BadInputException("truncated gzip stream (unexpected end of input)");
    } catch (IOException e) {
      throw new BadInputException("corrupt gzip stream: " + e.getMessage());
    }
  }

  /**
   * Rejects content that is empty or binary.
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

  /** Decodes strict UTF-8 (a leading BOM is dropped); names the offset of the first bad byte. */
  static String utf8(byte[] data) throws BadInputException {
    int start = data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb && (data[2] & 0xff) == 0xbf ? 3 : 0;
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(data, start, data.length - start);
    try {
      return dec.decode(in).toString();
    } catch (MalformedInputException e) {
      throw new BadInputException("not valid UTF-8: malformed byte sequence at byte offset " + in.position());
    } catch (CharacterCodingException e) {
      throw new BadInputException("not valid UTF-8: " + e);
    }
  }

  /**
   * Decodes HTML: a declared charset (HTTP header or {@code <meta>}) wins, then strict UTF-8, then
   * windows-1252, the encoding browsers assume for undeclared legacy pages.
   */
  static String html(byte[] data, String declaredCharset) {
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
        if (!cs.equals(StandardCharsets.UTF_8)) {
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
}
