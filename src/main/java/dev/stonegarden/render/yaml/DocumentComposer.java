package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.snakeyaml.engine.v2.common.Anchor;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.DocumentStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;

/**
 * Builds {@link SourceNode} trees from snakeyaml-engine's parser events, one document at a time,
 * without recursion.
 *
 * <p>We compose ourselves instead of using snakeyaml-engine's {@code Composer}: its recursion
 * cannot be bounded (a 10,000-deep nesting overflows the stack), it types every scalar with its own
 * regular expressions (YAML 1.2 core schema, not go-yaml's rules) and it merges {@code <<} keys its
 * own way. Nesting depth and document count are checked here, as the events arrive.
 */
final class DocumentComposer {

  /** One composed document: its root (null when the document is empty) and where it starts. */
  record Composed(SourceNode root, int line, int column) {}

  private final Iterator<Event> events;
  private final Path file;
  private final YamlLimits limits;
  private final String text;

  /**
   * Whether the text contains a backslash before a slash (then double-quoted scalars are checked).
   */
  private final boolean escapedSlash;

  private final boolean bmpOnly;

  /** Whether the text may escape a surrogate ({@code \\uD83D}): a first, cheap look. */
  private final boolean surrogateEscape;

  private static final java.util.regex.Pattern SURROGATE_ESCAPE =
      java.util.regex.Pattern.compile("\\\\(?:u|U0000)[dD][89a-fA-F]");
  private int documents;

  /** Open flow collections ({@code [}, {@code {}) at the current event. */
  private int flowDepth;

  /** Whether the current document's root is a flow collection (a JSON document). */
  private boolean rootFlow;

  /**
   * Whether {@code %YAML} and {@code %TAG} directives are refused ({@link #refusingDirectives}).
   */
  private boolean refuseDirectives;

  DocumentComposer(Iterator<Event> events, Path file, YamlLimits limits, String text) {
    this.events = events;
    this.file = file;
    this.limits = limits;
    this.text = text;
    this.escapedSlash = text.contains("\\/");
    this.surrogateEscape = SURROGATE_ESCAPE.matcher(text).find();
    this.bmpOnly =
        !(escapedSlash || surrogateEscape) || text.codePoints().allMatch(Character::isBmpCodePoint);
  }

  /**
   * Refuses {@code %YAML} and {@code %TAG} directives at the top of a resource file as kustomize
   * does (after a {@code ...} later in the stream kubectl accepted one): kyaml cuts a stream at its
   * {@code ---} lines and parses each piece alone, so a directive is left without its document
   * ({@code did not find expected <document start>}), and go-yaml accepts only {@code %YAML 1.1}
   * before that (docs/kustomize.md#resources-and-loading).
   */
  DocumentComposer refusingDirectives() {
    this.refuseDirectives = true;
    return this;
  }

  private void refuseDirectives(DocumentStartEvent e, int documentLine) {
    boolean version = e.getSpecVersion().isPresent();
    if (!version && e.getTags().isEmpty()) {
      return;
    }
    String[] lines = text.split("\n", -1);
    int line = documentLine;
    for (int i = documentLine - 2; i >= 0; i--) {
      String l = lines[i];
      if (l.startsWith("%")) {
        line = i + 1;
      } else if (!l.isBlank() && !l.startsWith("#")) {
        break;
      }
    }
    boolean incompatible =
        version
            && (e.getSpecVersion().get().getMajor() != 1
                || e.getSpecVersion().get().getMinor() != 1);
    throw new InputException(
        new SourcePosition(file, line, 1),
        incompatible
            ? "found incompatible YAML document (kustomize reads YAML 1.1 directives only)"
            : "did not find expected <document start> (kustomize reads each document of a"
                + " resource file without the directives before its '---')");
  }

  /** Whether the parser is inside a flow collection (where go-yaml takes tabs as whitespace). */
  boolean inFlow() {
    return flowDepth > 0;
  }

  /** Whether the current document's root is a flow collection, as in JSON. */
  boolean rootFlow() {
    return rootFlow;
  }

  /** The next document of the stream, or null at its end. */
  Composed next() {
    while (events.hasNext()) {
      Event e = events.next();
      if (e.getEventId() == Event.ID.DocumentStart) {
        int[] at = position(e.getStartMark());
        if (refuseDirectives
            && documents == 0) { // later directives: kubectl accepted "...\n%YAML 1.1"
          refuseDirectives((DocumentStartEvent) e, at[0]);
        }
        if (++documents > limits.maxDocuments()) {
          throw new InputException(
              new SourcePosition(file, at[0], at[1]),
              "the file has more than "
                  + limits.maxDocuments()
                  + " documents, the most one file may have");
        }
        return document(at);
      }
    }
    return null;
  }

  private Composed document(int[] start) {
    // Anchors are scoped to their document (YAML 1.2, section 3.2.2.2).
    Map<String, SourceNode> anchors = new HashMap<>(); // lookup only
    Set<String> open = new HashSet<>(); // anchors whose node is still being composed; lookup only
    Deque<SourceNode> stack = new ArrayDeque<>();
    Deque<String> stackAnchors = new ArrayDeque<>();
    Deque<Boolean> flows = new ArrayDeque<>();
    flowDepth = 0;
    rootFlow = false;
    SourceNode root = null;
    while (events.hasNext()) {
      Event e = events.next();
      SourceNode done = null;
      switch (e.getEventId()) {
        case DocumentEnd:
          if (root == null || isEmpty(root)) {
            return new Composed(root, start[0], start[1]); // an empty document starts at its '---'
          }
          return new Composed(root, root.line, root.column);
        case Scalar:
          {
            ScalarEvent s = (ScalarEvent) e;
            int[] at = position(e.getStartMark());
            String tag = s.getTag().orElse(null);
            if ("!".equals(tag)) {
              tag = null; // the non-specific tag: go-yaml treats it as no tag
            }
            if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED && escapedSlash) {
              rejectEscapedSlash(e, at);
            }
            if (s.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED && surrogateEscape) {
              rejectSurrogateEscape(e, at);
            }
            done =
                new SourceNode.Scalar(
                    at[0],
                    at[1],
                    s.getValue(),
                    s.getScalarStyle() == ScalarStyle.PLAIN,
                    s.getScalarStyle() == ScalarStyle.FOLDED,
                    flowDepth > 0,
                    tag);
            register(anchors, s, done, at);
            break;
          }
        case Alias:
          {
            AliasEvent a = (AliasEvent) e;
            int[] at = position(e.getStartMark());
            String name = a.getAlias().getValue();
            checkAnchorName(name, at);
            if (open.contains(name)) {
              throw new InputException(
                  new SourcePosition(file, at[0], at[1]),
                  "alias *" + name + " is used inside the value of its own anchor");
            }
            SourceNode target = anchors.get(name);
            if (target == null) {
              throw new InputException(
                  new SourcePosition(file, at[0], at[1]),
                  "unknown anchor '"
                      + name
                      + "' referenced, expected an anchor (&"
                      + name
                      + ") defined earlier in the document");
            }
            done = new SourceNode.Alias(at[0], at[1], name, target);
            break;
          }
        case SequenceStart:
        case MappingStart:
          {
            int[] at = position(e.getStartMark());
            if (stack.size() >= limits.maxDepth()) {
              throw new InputException(
                  new SourcePosition(file, at[0], at[1]),
                  "mappings and sequences are nested more than "
                      + limits.maxDepth()
                      + " levels deep");
            }
            SourceNode node =
                e.getEventId() == Event.ID.SequenceStart
                    ? new SourceNode.Sequence(at[0], at[1])
                    : new SourceNode.Mapping(at[0], at[1]);
            boolean flow = ((CollectionStartEvent) e).isFlow();
            if (stack.isEmpty()) {
              rootFlow = flow;
            }
            flows.push(flow);
            if (flow) {
              flowDepth++;
            }
            String anchor = ((CollectionStartEvent) e).getAnchor().map(Anchor::getValue).orElse("");
            if (!anchor.isEmpty()) {
              checkAnchorName(anchor, at);
              open.add(anchor);
            }
            stack.push(node);
            stackAnchors.push(anchor);
            continue;
          }
        case SequenceEnd:
        case MappingEnd:
          {
            done = stack.pop();
            if (flows.pop()) {
              flowDepth--;
            }
            String anchor = stackAnchors.pop();
            if (!anchor.isEmpty()) {
              open.remove(anchor);
              anchors.put(anchor, done);
            }
            break;
          }
        default:
          continue; // comments (not requested), stream events
      }
      SourceNode parent = stack.peek();
      if (parent == null) {
        root = done;
      } else if (parent instanceof SourceNode.Sequence) {
        ((SourceNode.Sequence) parent).items.add(done);
      } else {
        ((SourceNode.Mapping) parent).children.add(done);
      }
    }
    return new Composed(root, start[0], start[1]);
  }

  private static boolean isEmpty(SourceNode node) {
    return node instanceof SourceNode.Scalar
        && ((SourceNode.Scalar) node).plain
        && ((SourceNode.Scalar) node).tag == null
        && ((SourceNode.Scalar) node).value.isEmpty();
  }

  private void register(Map<String, SourceNode> anchors, NodeEvent e, SourceNode node, int[] at) {
    Optional<Anchor> anchor = e.getAnchor();
    if (anchor.isPresent()) {
      checkAnchorName(anchor.get().getValue(), at);
      anchors.put(anchor.get().getValue(), node);
    }
  }

  /** go-yaml (libyaml) allows only ASCII letters, digits, '-' and '_' in anchor and alias names. */
  private void checkAnchorName(String name, int[] at) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!((c >= '0' && c <= '9')
          || (c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || c == '-'
          || c == '_')) {
        throw new InputException(
            new SourcePosition(file, at[0], at[1]),
            "expected only letters, digits, '-' and '_' in the anchor name '"
                + name
                + "', found '"
                + new String(Character.toChars(name.codePointAt(i)))
                + "'");
      }
    }
  }

  /**
   * snakeyaml-engine accepts the JSON escape {@code \/} in double-quoted scalars; go-yaml does not
   * ("found unknown escape character"), so kustomize fails on it: so do we.
   */
  private void rejectEscapedSlash(Event e, int[] at) {
    int from = charOffset(e.getStartMark());
    int to = charOffset(e.getEndMark());
    if (from < 0 || to < 0) {
      return;
    }
    for (int i = from + 1; i < to - 1 && i < text.length() - 1; i++) {
      if (text.charAt(i) == '\\') {
        if (text.charAt(i + 1) == '/') {
          throw new InputException(
              new SourcePosition(file, at[0], at[1]),
              "found unknown escape character '\\/' in a double-quoted scalar (write '/' alone)");
        }
        i++;
      }
    }
  }

  /**
   * go-yaml refuses a {@code \\u} or {@code \\U} escape of a UTF-16 surrogate (D800 to DFFF), even
   * one of a pair as JSON writes an emoji; snakeyaml-engine joins the pair.
   */
  private void rejectSurrogateEscape(Event e, int[] at) {
    int from = charOffset(e.getStartMark());
    int to = charOffset(e.getEndMark());
    if (from < 0 || to < 0) {
      return;
    }
    for (int i = from + 1; i < to - 1 && i < text.length() - 1; i++) {
      if (text.charAt(i) != '\\') {
        continue;
      }
      char kind = text.charAt(i + 1);
      int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
      if (digits > 0 && i + 2 + digits <= text.length()) {
        try {
          int code = Integer.parseInt(text.substring(i + 2, i + 2 + digits), 16);
          if (code >= 0xD800 && code <= 0xDFFF) {
            throw new InputException(
                new SourcePosition(file, at[0], at[1]),
                "found invalid Unicode character escape code (an escaped UTF-16 surrogate; write"
                    + " the character itself or its \\U escape)");
          }
        } catch (NumberFormatException notHex) {
          // snakeyaml-engine has refused it already
        }
      }
      i++;
    }
  }

  private int charOffset(Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return -1;
    }
    int cps = mark.get().getIndex();
    return bmpOnly
        ? cps
        : text.offsetByCodePoints(0, Math.min(cps, text.codePointCount(0, text.length())));
  }

  /** 1-based line and column of a snakeyaml mark (which counts from 0). */
  static int[] position(Optional<Mark> mark) {
    if (mark.isEmpty()) {
      return new int[] {0, 0};
    }
    return new int[] {mark.get().getLine() + 1, mark.get().getColumn() + 1};
  }
}
