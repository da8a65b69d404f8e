package dev.stonegarden.render.yaml;

import java.io.Reader;

/**
 * The text handed to snakeyaml-engine, as a reader that never ends a read with a high surrogate.
 *
 * <p>Why: snakeyaml-engine 3.0.1's {@code StreamReader} reads into its whole buffer and, when the
 * last character read is a high surrogate, reads one more character past the buffer's end: an
 * {@code IndexOutOfBoundsException} for any text with an emoji (or other character outside the BMP)
 * exactly at a buffer boundary. Stopping one character short keeps the pair for the next read.
 */
public final class EngineInput extends Reader {
  private final String text;
  private int pos;

  private EngineInput(String text) {
    this.text = text;
  }

  /** A reader over {@code text} for {@code Parse.parseReader}. */
  public static Reader of(String text) {
    return new EngineInput(text);
  }

  @Override
  public int read(char[] cbuf, int off, int len) {
    if (len == 0) {
      return 0;
    }
    if (pos >= text.length()) {
      return -1;
    }
    int n = Math.min(len, text.length() - pos);
    if (n > 1 && Character.isHighSurrogate(text.charAt(pos + n - 1))) {
      n--; // the pair's low half comes with the next read
    }
    text.getChars(pos, pos + n, cbuf, off);
    pos += n;
    return n;
  }

  @Override
  public void close() {
    // nothing to release
  }
}
