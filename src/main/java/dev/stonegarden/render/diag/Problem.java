package dev.stonegarden.render.diag;

import static java.util.Objects.requireNonNull;

/**
 * A problem found inside a layer, before anyone knows the file: what is wrong and where it is in
 * what the caller handed over. The caller, which knows the file and its source map, turns it into a
 * positioned {@link Diagnostic} (or an {@link InputException}); the message is kept as it is.
 *
 * <p>Where it is comes in four shapes, one record each:
 *
 * <ul>
 *   <li>{@link InValue}: the value as a whole (a tag that does not fit a scalar, a selector that is
 *       not a selector, a field path that cannot be walked); the caller points at the value;
 *   <li>{@link InText}: an offset in a text (a PromQL query, an Argo Rollouts condition); the
 *       caller adds it to the text's position;
 *   <li>{@link InDocument}: a JSON pointer in a document of a list (a value the writers refuse);
 *       the caller looks the pointer up in the document's source map;
 *   <li>{@link At}: a position in a file, where a layer already knew it (a patch text read by the
 *       YAML reader, which positions its own errors); the caller keeps it.
 * </ul>
 *
 * Problems travel in a {@link Checked}.
 */
public sealed interface Problem
    permits Problem.InValue, Problem.InText, Problem.InDocument, Problem.At {

  /** What is wrong, in the words the user sees (lower case, no trailing period). */
  String message();

  /** A problem with the value the caller handed over, as a whole. */
  record InValue(String message) implements Problem {
    public InValue {
      requireNonNull(message, "message == null");
    }
  }

  /** A problem at {@code offset} (0-based, in chars) of the text the caller handed over. */
  record InText(int offset, String message) implements Problem {
    public InText {
      requireNonNull(message, "message == null");
      if (offset < 0) {
        throw new IllegalArgumentException("offset must be >= 0: " + offset);
      }
    }
  }

  /**
   * A problem at {@code pointer} (a JSON pointer, {@code ""} for the root) inside document {@code
   * document} (0-based) of the list the caller handed over; -1 when one document was handed over
   * alone.
   */
  record InDocument(int document, String pointer, String message) implements Problem {
    public InDocument {
      requireNonNull(pointer, "pointer == null");
      requireNonNull(message, "message == null");
      if (document < -1) {
        throw new IllegalArgumentException("document must be >= -1: " + document);
      }
    }

    /**
     * The same problem one level further out: {@code escapedToken} (a key already escaped for a
     * JSON pointer, or an index) leads here.
     */
    public InDocument under(String escapedToken) {
      return new InDocument(document, "/" + escapedToken + pointer, message);
    }

    /** The same problem, in document {@code index} of a list. */
    public InDocument inDocument(int index) {
      return new InDocument(index, pointer, message);
    }
  }

  /** A problem at a known place in a file. */
  record At(SourcePosition at, String message) implements Problem {
    public At {
      requireNonNull(at, "at == null");
      requireNonNull(message, "message == null");
    }

    /** The first diagnostic of {@code e}, as a problem (its position and message). */
    public static At of(InputException e) {
      Diagnostic first = e.diagnostics().get(0);
      return new At(first.at(), first.message());
    }
  }
}
