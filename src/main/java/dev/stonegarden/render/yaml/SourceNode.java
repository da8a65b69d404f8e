package dev.stonegarden.render.yaml;

import java.util.ArrayList;
import java.util.List;

/**
 * One node of a YAML document as the parser saw it: untyped scalars with their style and tag,
 * collections, and aliases still pointing at their anchored node. {@link TreeConverter} types and
 * expands it into a Jackson tree.
 */
abstract class SourceNode {
  /** 1-based line and column of the node's first character (its anchor or tag, if any). */
  final int line;

  final int column;

  SourceNode(int line, int column) {
    this.line = line;
    this.column = column;
  }

  /** A short name for messages: "a scalar", "a mapping", "a sequence". */
  abstract String describe();

  /** A scalar: its text, whether it was plain (unquoted, not a block scalar) or folded, its tag. */
  static final class Scalar extends SourceNode {
    final String value;
    final boolean plain;
    final boolean folded;

    /** Whether it stands inside a flow collection ({@code [...]}, {@code {...}}). */
    final boolean inFlow;

    /** The full tag ({@code tag:yaml.org,2002:int}, {@code !foo}), or null when untagged. */
    final String tag;

    Scalar(
        int line,
        int column,
        String value,
        boolean plain,
        boolean folded,
        boolean inFlow,
        String tag) {
      super(line, column);
      this.value = value;
      this.plain = plain;
      this.folded = folded;
      this.inFlow = inFlow;
      this.tag = tag;
    }

    @Override
    String describe() {
      return "a scalar";
    }
  }

  /** A sequence. */
  static final class Sequence extends SourceNode {
    final List<SourceNode> items = new ArrayList<>();

    Sequence(int line, int column) {
      super(line, column);
    }

    @Override
    String describe() {
      return "a sequence";
    }
  }

  /** A mapping: keys and values alternate in {@link #children}, in document order. */
  static final class Mapping extends SourceNode {
    final List<SourceNode> children = new ArrayList<>();

    Mapping(int line, int column) {
      super(line, column);
    }

    @Override
    String describe() {
      return "a mapping";
    }
  }

  /** An alias ({@code *name}) and the node its anchor names. */
  static final class Alias extends SourceNode {
    final String name;
    final SourceNode target;

    Alias(int line, int column, String name, SourceNode target) {
      super(line, column);
      this.name = name;
      this.target = target;
    }

    @Override
    String describe() {
      return "an alias";
    }
  }
}
