package dev.stonegarden.render.promql;

/**
 * A query Prometheus would refuse, as far as {@link PromQl} can tell.
 *
 * @see #offset()
 */
public final class PromQlException extends RuntimeException {
  private final int offset;

  PromQlException(int offset, String message) {
    super(message);
    this.offset = offset;
  }

  /** Where in the query text the problem is (0-based, in chars). */
  public int offset() {
    return offset;
  }
}
