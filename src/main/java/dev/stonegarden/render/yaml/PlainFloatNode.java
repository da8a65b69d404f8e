package dev.stonegarden.render.yaml;

import tools.jackson.databind.node.DoubleNode;

/**
 * A float of a resource that keeps the text it was written with. kustomize's kyaml nodes hold a
 * scalar's text, so wherever kustomize takes a value as text (a replacement into a string field, a
 * label) it gets {@code 282879384806159000.0} or {@code 1e-7} as written; Java's {@code
 * Double.toString} would give {@code 2.82879384806159008E17} on JDK 17 and {@code 1.0E-7}. The
 * value is an ordinary double everywhere else: the writer and the content hash format it with
 * {@link GoNumbers}, as kustomize's JSON hop does.
 */
final class PlainFloatNode extends DoubleNode {
  private static final long serialVersionUID = 1L;

  private final String text;

  PlainFloatNode(double value, String text) {
    super(value);
    this.text = text;
  }

  @Override
  protected String _asString() {
    return text;
  }
}
