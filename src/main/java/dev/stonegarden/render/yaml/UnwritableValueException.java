package dev.stonegarden.render.yaml;

/**
 * A value kustomize cannot print (NaN or an infinity, characters go-yaml rejects, a key that cannot
 * be a simple key in the JSON hop), with kustomize's wording as the message and where it is: the
 * index of the document in the written list and the JSON pointer of the value or key inside it, so
 * that the caller can point at the resource.
 */
public final class UnwritableValueException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int document;
  private final String pointer;

  UnwritableValueException(String message, int document, String pointer) {
    super(message);
    this.document = document;
    this.pointer = pointer;
  }

  /**
   * The 0-based index of the document in the list given to the writer; -1 when one was written
   * alone.
   */
  public int document() {
    return document;
  }

  /** The JSON pointer of the value (or key) inside the document, {@code ""} for the root. */
  public String pointer() {
    return pointer;
  }

  /** The same problem one level further out: {@code token} is the key or index leading here. */
  UnwritableValueException under(String token) {
    return new UnwritableValueException(
        getMessage(), document, "/" + SourceMap.escape(token) + pointer);
  }

  /** The same problem, in document {@code index}. */
  UnwritableValueException inDocument(int index) {
    return new UnwritableValueException(getMessage(), index, pointer);
  }
}
