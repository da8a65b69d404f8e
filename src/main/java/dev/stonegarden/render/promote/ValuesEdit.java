package dev.stonegarden.render.promote;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.yaml.EngineInput;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sets string values in a values.yaml by source position, never by writing the tree out again
 * (docs/promotion.md): every byte outside the edited scalars stays as it was — comments, quoting,
 * key order, indentation, CRLF line ends, a missing final newline. A missing entry is inserted as
 * new lines (or a flow entry in a flow map) in the file's own indentation, line ends and quoting.
 *
 * <p>After the edits the text is read again and compared with the original tree plus the new
 * values; any other difference (an anchor shared with another value, say) refuses the edit.
 */
public final class ValuesEdit {
  /** One value to set: a path of map keys (e.g. {@code image, tag}) and the string to put there. */
  public record Change(List<String> path, String value) {
    public Change {
      path = List.copyOf(path);
    }
  }

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setCodePointLimit(Integer.MAX_VALUE)
          .setParseComments(false)
          .setUseMarks(true)
          .setAllowDuplicateKeys(true)
          .build();

  /** What a plain scalar may hold and still be the same string in every YAML reader we meet. */
  private static final Pattern PLAIN_SAFE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.@:+/-]*");

  private final Path file;
  private String text;
  private final String newline;
  private final ScalarStyle style;

  private ValuesEdit(Path file, String text) {
    this.file = file;
    this.text = text;
    this.newline = text.contains("\r\n") ? "\r\n" : "\n";
    this.style = tagStyle(text);
  }

  /**
   * {@code text} (the content of {@code file}; empty for a file that does not exist yet) with every
   * change applied, in order.
   *
   * @throws InputException when the file cannot be edited safely
   */
  public static String apply(Path file, String text, List<Change> changes) {
    ValuesEdit edit = new ValuesEdit(file, text);
    JsonNode before = tree(file, text);
    ObjectNode expected =
        before instanceof ObjectNode o ? o.deepCopy() : JsonNodeFactory.instance.objectNode();
    for (Change c : changes) {
      edit.set(c);
      ObjectNode at = expected;
      for (String key : c.path().subList(0, c.path().size() - 1)) {
        at = at.get(key) instanceof ObjectNode child ? child : at.putObject(key);
      }
      at.put(c.path().get(c.path().size() - 1), c.value());
    }
    JsonNode after = tree(file, edit.text);
    if (!expected.equals(after)) {
      throw new InputException(
          SourcePosition.of(file),
          "cannot change only the image tags of this file (an anchor or alias shares them with"
              + " other values): edit it by hand");
    }
    return edit.text;
  }

  private static JsonNode tree(Path file, String text) {
    List<YamlDocument> docs = YamlReader.read(file, text, YamlReader.Options.resources());
    for (YamlDocument d : docs) {
      if (!d.root().isNull() && !d.root().isMissingNode()) {
        return d.root();
      }
    }
    return JsonNodeFactory.instance.objectNode();
  }

  // ---------------------------------------------------------------------------------------------
  // The file as the parser saw it: nodes with their character ranges, aliases kept as aliases.

  private sealed interface Node permits Scalar, MapNode, SeqNode, Alias {
    int start();

    int end();

    int column();
  }

  private record Scalar(int start, int end, int column, String value, ScalarStyle style)
      implements Node {}

  private record Entry(Node key, Node value) {}

  private record MapNode(int start, int end, int column, boolean flow, List<Entry> entries)
      implements Node {}

  private record SeqNode(int start, int end, int column, boolean flow, List<Node> items)
      implements Node {}

  private record Alias(int start, int end, int column, String name) implements Node {}

  /** A collection being composed. */
  private static final class Open {
    final Event start;
    final boolean map;
    final List<Node> children = new ArrayList<>();

    Open(Event start, boolean map) {
      this.start = start;
      this.map = map;
    }
  }

  /** The root node of the first document, or null when the text has none. */
  private Node compose() {
    java.util.Deque<Open> stack = new java.util.ArrayDeque<>();
    for (Event e : new Parse(SETTINGS).parseReader(EngineInput.of(text))) {
      Node done = null;
      switch (e.getEventId()) {
        case Scalar -> {
          ScalarEvent s = (ScalarEvent) e;
          done =
              new Scalar(
                  offset(e.getStartMark()),
                  offset(e.getEndMark()),
                  col(e.getStartMark()),
                  s.getValue(),
                  s.getScalarStyle());
        }
        case Alias ->
            done =
                new Alias(
                    offset(e.getStartMark()),
                    offset(e.getEndMark()),
                    col(e.getStartMark()),
                    ((AliasEvent) e).getAlias().getValue());
        case MappingStart -> stack.push(new Open(e, true));
        case SequenceStart -> stack.push(new Open(e, false));
        case MappingEnd, SequenceEnd -> {
          Open o = stack.pop();
          boolean flow = ((CollectionStartEvent) o.start).isFlow();
          int from = offset(o.start.getStartMark());
          int to = offset(e.getEndMark());
          int column = col(o.start.getStartMark());
          if (o.map) {
            List<Entry> entries = new ArrayList<>();
            for (int i = 0; i + 1 < o.children.size(); i += 2) {
              entries.add(new Entry(o.children.get(i), o.children.get(i + 1)));
            }
            done = new MapNode(from, to, column, flow, entries);
          } else {
            done = new SeqNode(from, to, column, flow, List.copyOf(o.children));
          }
        }
        default -> {}
      }
      if (done != null) {
        if (stack.isEmpty()) {
          return done;
        }
        stack.peek().children.add(done);
      }
    }
    return null;
  }

  private void set(Change change) {
    Node root = compose();
    if (root == null || (root instanceof Scalar s && isNull(s) && s.value().isEmpty())) {
      append(change.path(), change.value());
      return;
    }
    if (!(root instanceof MapNode)) {
      throw refuse(root, "values.yaml must be a map of keys");
    }
    Node node = root;
    List<String> path = change.path();
    for (int i = 0; i < path.size(); i++) {
      MapNode m = (MapNode) node;
      Entry entry = find(m, path.get(i));
      List<String> rest = path.subList(i, path.size());
      if (entry == null) {
        insert(m, rest, change.value());
        return;
      }
      Node value = entry.value();
      if (i == path.size() - 1) {
        replaceScalar(value, change.value());
        return;
      }
      if (value instanceof Alias alias) {
        if (path.get(i).equals("image")) {
          // An aliased image block ({tag: ...}): this entry gets its own, the anchor stays.
          splice(alias.start(), alias.end(), flow(rest.subList(1, rest.size()), change.value()));
          return;
        }
        throw refuse(
            alias,
            "cannot edit through the alias *"
                + alias.name()
                + ": write this entry out in full to let promote change its image tag");
      }
      if (value instanceof Scalar s && isNull(s)) {
        fillNull(entry, rest.subList(1, rest.size()), change.value());
        return;
      }
      if (!(value instanceof MapNode)) {
        throw refuse(value, path.get(i) + " must be a map");
      }
      node = value;
    }
  }

  private static Entry find(MapNode map, String key) {
    Entry found = null;
    for (Entry t : map.entries()) {
      if (t.key() instanceof Scalar k && k.value().equals(key)) {
        found = t; // the last one wins, as in the reader
      }
    }
    return found;
  }

  /** Replaces a scalar's text (keeping an anchor or tag in front of it) with {@code value}. */
  private void replaceScalar(Node node, String value) {
    if (node instanceof Alias) {
      splice(node.start(), node.end(), scalar(value, style));
      return;
    }
    if (!(node instanceof Scalar s)) {
      throw refuse(node, "expected a string here, found " + describe(node));
    }
    int from = node.start();
    int to = node.end();
    // Skip the node's properties (&anchor, !tag): they stay.
    while (from < to && (text.charAt(from) == '&' || text.charAt(from) == '!')) {
      while (from < to && !Character.isWhitespace(text.charAt(from))) {
        from++;
      }
      while (from < to && Character.isWhitespace(text.charAt(from))) {
        from++;
      }
    }
    if (isNull(s) && s.value().isEmpty()) {
      String space = from > 0 && text.charAt(from - 1) == ':' ? " " : "";
      splice(from, from, space + scalar(value, style));
      return;
    }
    ScalarStyle st = s.style();
    if (st == ScalarStyle.LITERAL || st == ScalarStyle.FOLDED) {
      // A block scalar's range ends after its line break(s): keep one, write the value quoted.
      int cut = to;
      while (cut > from && (text.charAt(cut - 1) == '\n' || text.charAt(cut - 1) == '\r')) {
        cut--;
      }
      splice(from, cut, scalar(value, ScalarStyle.DOUBLE_QUOTED));
      return;
    }
    splice(from, to, scalar(value, st));
  }

  /** A key whose value is null ({@code image:} or {@code image: ~}) gets the rest of the path. */
  private void fillNull(Entry entry, List<String> rest, String value) {
    Node v = entry.value();
    if (v.start() != v.end()) {
      splice(v.start(), v.end(), flow(rest, value)); // `image: ~`
      return;
    }
    if (insideFlow(entry.key().start())) {
      splice(v.start(), v.end(), " " + flow(rest, value)); // `{image: }`
      return;
    }
    // `image:` with nothing after it: the rest goes on the next lines, one level deeper.
    int column = entry.key().column() + indentUnit();
    int eol = lineEnd(v.end());
    splice(eol, eol, newline + block(rest, value, column));
  }

  /** Adds {@code rest} (key path) with {@code value} to {@code map}, after its last entry. */
  private void insert(MapNode map, List<String> rest, String value) {
    if (map.flow()) {
      String entry = key(rest.get(0)) + ": " + flow(rest.subList(1, rest.size()), value);
      if (map.entries().isEmpty()) {
        int close = map.end() - 1; // the '}'
        splice(close, close, entry);
      } else {
        int after = map.entries().get(map.entries().size() - 1).value().end();
        splice(after, after, ", " + entry);
      }
      return;
    }
    int column = map.entries().get(0).key().column();
    insertLines(lastEnd(map), block(rest, value, column));
  }

  /** A document with no content (empty, or only comments): the entry goes at the end. */
  private void append(List<String> path, String value) {
    insertLines(text.length(), block(path, value, 0));
  }

  /**
   * Inserts whole lines after the line that holds offset {@code after} (or at it, when it starts a
   * line), keeping a missing final newline missing.
   */
  private void insertLines(int after, String lines) {
    int at = after;
    if (at > 0 && text.charAt(at - 1) != '\n') {
      at = lineEnd(at);
      if (at < text.length()) {
        at += text.startsWith("\r\n", at) ? 2 : 1;
      }
    }
    if (at == text.length() && !text.isEmpty() && !text.endsWith("\n")) {
      splice(at, at, newline + lines); // the file had no final newline, nor will it
    } else {
      splice(at, at, lines + newline);
    }
  }

  /** Block lines for {@code path: value}, the first key at {@code column}, without a final EOL. */
  private String block(List<String> path, String value, int column) {
    StringBuilder out = new StringBuilder();
    int unit = indentUnit();
    for (int i = 0; i < path.size(); i++) {
      if (i > 0) {
        out.append(newline);
      }
      out.append(" ".repeat(column + i * unit)).append(key(path.get(i))).append(':');
      if (i == path.size() - 1) {
        out.append(' ').append(scalar(value, style));
      }
    }
    return out.toString();
  }

  /** {@code {a: {b: value}}} for path [a, b], or the scalar alone for an empty path. */
  private String flow(List<String> path, String value) {
    String out = scalar(value, style);
    for (int i = path.size() - 1; i >= 0; i--) {
      out = "{" + key(path.get(i)) + ": " + out + "}";
    }
    return out;
  }

  private int indentUnit() {
    Node root = compose();
    Integer unit = root == null ? null : unit(root);
    return unit == null ? 2 : unit;
  }

  /** The first indentation step of a block map nested in a block map, or null when none. */
  private static Integer unit(Node node) {
    if (node instanceof MapNode m && !m.flow()) {
      for (Entry t : m.entries()) {
        if (t.value() instanceof MapNode child && !child.flow() && !child.entries().isEmpty()) {
          int step = child.entries().get(0).key().column() - t.key().column();
          if (step > 0) {
            return step;
          }
        }
        Integer deeper = unit(t.value());
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return null;
  }

  /** The end offset of the last scalar, alias or flow collection inside {@code node}. */
  private static int lastEnd(Node node) {
    if (node instanceof MapNode m && !m.flow() && !m.entries().isEmpty()) {
      return lastEnd(m.entries().get(m.entries().size() - 1).value());
    }
    if (node instanceof SeqNode s && !s.flow() && !s.items().isEmpty()) {
      return lastEnd(s.items().get(s.items().size() - 1));
    }
    return node.end();
  }

  private static String key(String k) {
    return PLAIN_SAFE.matcher(k).matches() && !k.endsWith(":") && plainIsString(k)
        ? k
        : scalar(k, ScalarStyle.DOUBLE_QUOTED);
  }

  /** {@code value} written in {@code wanted} style, or double-quoted when plain would not do. */
  static String scalar(String value, ScalarStyle wanted) {
    if (wanted == ScalarStyle.PLAIN
        && PLAIN_SAFE.matcher(value).matches()
        && !value.endsWith(":")
        && plainIsString(value)) {
      return value;
    }
    if (wanted == ScalarStyle.SINGLE_QUOTED) {
      return "'" + value.replace("'", "''") + "'";
    }
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append("\\x")
                .append(Character.forDigit(c >> 4, 16))
                .append(Character.forDigit(c & 15, 16));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  /** Whether a plain scalar reads as this string (not a number, boolean, null or date). */
  private static boolean plainIsString(String value) {
    try {
      List<YamlDocument> docs =
          YamlReader.read(
              Path.of("values.yaml"), "v: " + value + "\n", YamlReader.Options.resources());
      JsonNode v = docs.get(0).root().get("v");
      return v != null && v.isString() && v.stringValue().equals(value);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /** The style of the first {@code tag:} value in the file; double quotes when there is none. */
  private static ScalarStyle tagStyle(String text) {
    var m = Pattern.compile("(?:^|[{,\\s])tag:[ \\t]*([^\\s])").matcher(text);
    while (m.find()) {
      char c = m.group(1).charAt(0);
      if (c == '"') {
        return ScalarStyle.DOUBLE_QUOTED;
      }
      if (c == '\'') {
        return ScalarStyle.SINGLE_QUOTED;
      }
      if (c != '&' && c != '*' && c != '!' && c != '#' && c != '|' && c != '>') {
        return ScalarStyle.PLAIN;
      }
    }
    return ScalarStyle.DOUBLE_QUOTED;
  }

  private static boolean isNull(Scalar s) {
    if (s.style() != ScalarStyle.PLAIN) {
      return false;
    }
    String v = s.value();
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  /** Whether offset {@code at} stands inside a flow collection (a '{' or '[' still open). */
  private boolean insideFlow(int at) {
    int depth = 0;
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < at; i++) {
      char c = text.charAt(i);
      if (c == '#' && !single && !dbl && (i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
        while (i < at && text.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single && (i == 0 || text.charAt(i - 1) != '\\')) {
        dbl = !dbl;
      } else if (!single && !dbl && (c == '{' || c == '[')) {
        depth++;
      } else if (!single && !dbl && (c == '}' || c == ']')) {
        depth--;
      }
    }
    return depth > 0;
  }

  private int lineEnd(int at) {
    int i = at;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private void splice(int from, int to, String replacement) {
    text = text.substring(0, from) + replacement + text.substring(to);
  }

  /** A mark's index counts code points; the text is indexed by chars. */
  private int offset(Optional<Mark> mark) {
    int cps = mark.orElseThrow().getIndex();
    return text.offsetByCodePoints(0, Math.min(cps, text.codePointCount(0, text.length())));
  }

  private static int col(Optional<Mark> mark) {
    return mark.map(Mark::getColumn).orElse(0);
  }

  private static String describe(Node node) {
    return node instanceof MapNode ? "a map" : node instanceof SeqNode ? "a list" : "a value";
  }

  private InputException refuse(Node node, String message) {
    int line = 1;
    for (int i = 0; i < node.start(); i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int col = node.start() - (text.lastIndexOf('\n', node.start() - 1) + 1) + 1;
    return new InputException(new SourcePosition(file, line, col), message);
  }
}
