package dev.stonegarden.render.files;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Input text is UTF-8 (docs/robustness.md#text-encoding): bytes that are not valid UTF-8 are an
 * error at their line and column, as {@code kubectl kustomize} fails on them ({@code invalid
 * leading UTF-8 octet}) instead of replacing them with U+FFFD; a UTF-16 or UTF-32 byte order mark
 * is refused with a clear message (kustomize reads only the first document of a UTF-16 stream, and
 * no UTF-32). A UTF-8 byte order mark is kept; the YAML reader skips it.
 */
public final class Utf8Text {
  private Utf8Text() {}

  /** {@code bytes}, the content of {@code file}, as text; an {@link InputException} otherwise. */
  public static String decode(java.nio.file.Path file, byte[] bytes) {
    String bom = otherEncoding(bytes);
    if (bom != null) {
      throw error(
          new SourcePosition(file, 1, 1),
          "the file is "
              + bom
              + " text (it starts with that byte order mark); expected UTF-8: save it as UTF-8");
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      out.flip();
      int bad = bytes[in.position()] & 0xFF;
      throw error(
          at(file, out),
          String.format(
              Locale.ROOT,
              "found byte 0x%02X, which is not valid UTF-8 (kustomize: invalid leading UTF-8 octet);"
                  + " expected UTF-8 text",
              bad));
    }
    out.flip();
    return out.toString();
  }

  private static String otherEncoding(byte[] b) {
    if (b.length >= 4 && b[0] == 0 && b[1] == 0 && (b[2] & 0xFF) == 0xFE && (b[3] & 0xFF) == 0xFF) {
      return "UTF-32BE";
    }
    if (b.length >= 4 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE && b[2] == 0 && b[3] == 0) {
      return "UTF-32LE";
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return "UTF-16BE";
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return "UTF-16LE";
    }
    return null;
  }

  /**
   * The position just after the decoded text {@code before}: its line, its column in characters.
   */
  private static SourcePosition at(java.nio.file.Path file, CharSequence before) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\n') {
        line++;
        column = 1;
      } else if (!Character.isLowSurrogate(c)) {
        column++;
      }
    }
    return new SourcePosition(file, line, column);
  }

  private static InputException error(SourcePosition at, String message) {
    // No excerpt: the line cannot be shown as text, and the printer would decode it again.
    return new InputException(List.of(Diagnostic.error(at, message).withoutExcerpt()));
  }
}
