package dev.stonegarden.render.yaml;

import tools.jackson.core.io.JsonStringEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.StringNode;

/**
 * The node factory of the trees the readers build ({@link YamlReader}, {@link JsonTrees}):
 * databind's own, except that a string node prints its JSON text without databind's shared mapper.
 *
 * <p>Why: {@code JsonNode.toString} builds {@code JsonMapper.shared()} on first use, and the schema
 * validator calls it on the schema's {@code enum} values when it builds its validators and on
 * instance strings while it evaluates {@code if}/{@code const}; that one mapper costs a render
 * about a fifth of its start-up (docs/install.md#start-up). Strings are the only nodes it prints on
 * a valid input.
 */
public final class NodeFactory extends JsonNodeFactory {
  private static final long serialVersionUID = 1L;

  /** The one instance. */
  public static final NodeFactory INSTANCE = new NodeFactory();

  private NodeFactory() {}

  @Override
  public StringNode stringNode(String text) {
    return text == null ? null : new Text(text);
  }

  /**
   * A string a resource wrote quoted, literal or folded, without a tag: kyaml keeps that style on
   * the node, and a strategic-merge patch that sets the field keeps the style for the new value, so
   * a number or boolean set there becomes a string (docs/kustomize.md#strategic-merge).
   */
  public static StringNode styledString(String text) {
    return new Styled(text, text);
  }

  /**
   * A folded string of a resource: {@code text} after kustomize's round trip, which the object's
   * fields hold, and {@code parsed}, the value as first read, which kustomize's string maps
   * (annotations, labels) keep (docs/kustomize.md#strings).
   */
  static StringNode styledString(String text, String parsed) {
    return new Styled(text, parsed);
  }

  /**
   * The value a string map of kustomize (annotations, labels) holds for {@code n}: a folded string
   * as first read, before the round trip; any other node's text ({@link Trees#text}).
   */
  public static String asParsed(JsonNode n) {
    return n instanceof Styled s ? s.parsed : Trees.text(n);
  }

  /**
   * Whether {@code n} is a string a resource wrote quoted, literal or folded ({@link
   * #styledString}).
   */
  public static boolean isStyledString(JsonNode n) {
    return n instanceof Styled;
  }

  /**
   * A string node that prints itself; equal to, and hashing like, any {@link StringNode} of the
   * same value (databind's {@code equals} is an {@code instanceof} check).
   */
  private static class Text extends StringNode {
    private static final long serialVersionUID = 1L;

    Text(String value) {
      super(value);
    }

    @Override
    public String toString() {
      StringBuilder json = new StringBuilder(_value.length() + 2).append('"');
      JsonStringEncoder.getInstance().quoteAsString(_value, json);
      return json.append('"').toString();
    }
  }

  /** A {@link Text} written quoted, literal or folded in a resource. */
  private static final class Styled extends Text {
    private static final long serialVersionUID = 1L;

    private final String parsed;

    Styled(String value, String parsed) {
      super(value);
      this.parsed = parsed;
    }
  }
}
