package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Writes trees as YAML text exactly as {@code kubectl kustomize} prints them: go-yaml v2's encoder
 * and libyaml-derived emitter over a JSON-typed tree (docs/kustomize.md#output-format).
 *
 * <p>This is the only code in the product that turns trees into YAML. It is a port of the parts of
 * the emitter that such trees reach (block mappings and sequences, empty flow collections, the four
 * scalar styles and their analysis, folding at 80 columns), driven directly by the tree instead of
 * an event queue; the emitter's state (column, whitespace, indention, indent stack, contexts) is
 * kept with the same meaning so that every layout decision falls out the same way.
 */
public final class YamlWriter {
  private static final int BEST_INDENT = 2;
  private static final int BEST_WIDTH = 80;

  /** go-yaml's {@code check_simple_key}: longer keys are written as {@code ? key}. */
  private static final int MAX_SIMPLE_KEY_BYTES = 128;

  private static final int PLAIN = 1;
  private static final int SINGLE_QUOTED = 2;
  private static final int DOUBLE_QUOTED = 3;
  private static final int LITERAL = 4;

  private final StringBuilder out;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;
  private int indent = -1;
  private int[] indents = new int[16];
  private int depth;
  private boolean mappingContext;
  private boolean simpleKeyContext;

  private YamlWriter(StringBuilder out) {
    this.out = out;
  }

  /**
   * The YAML stream kustomize prints for {@code documents}: each document ends with a newline,
   * documents are separated by {@code ---} lines, and an empty list gives an empty string. A value
   * kustomize cannot print (NaN, infinities, control characters go-yaml rejects, a key that cannot
   * be a simple key in the JSON hop) is a {@link Problem.InDocument}: kustomize's wording, the
   * index of the document and the JSON pointer of the value or key inside it, so that the caller
   * can point at the resource.
   */
  public static Checked<String> write(List<? extends JsonNode> documents) {
    StringBuilder out = new StringBuilder(4096);
    int index = 0;
    for (JsonNode document : documents) {
      if (index > 0) {
        out.append("---\n");
      }
      Checked<StringBuilder> written = write(document, out);
      if (!written.ok()) {
        return inDocument(written, index);
      }
      index++;
    }
    return Checked.ok(out.toString());
  }

  /**
   * Appends one document (ending with a newline, without any separator) to {@code out} and returns
   * it; a value kustomize cannot print as {@link #write(List)}, with document index -1.
   */
  public static Checked<StringBuilder> write(JsonNode document, StringBuilder out) {
    YamlWriter w = new YamlWriter(out);
    return Checked.of(
        () -> {
          w.emitNode(document, false, false);
          // DOCUMENT-END (implicit): a final line break unless the last scalar already ended a line
          w.writeIndent();
          return out;
        });
  }

  /** The problems of one document written alone, placed in document {@code index} of a list. */
  static <T> Checked<T> inDocument(Checked<?> alone, int index) {
    return Checked.failed(
        alone.problems().stream()
            .map(
                p ->
                    (Problem)
                        (p instanceof Problem.InDocument d
                            ? d.inDocument(index)
                            : new Problem.InDocument(index, "", p.message())))
            .toList());
  }

  /**
   * A value kustomize cannot print, thrown out of a writer's recursive emitter to its {@code
   * write(JsonNode, StringBuilder)}, here and in {@link JsonStreamWriter}: the value itself, no
   * pointer yet; each level on the way out adds its key or index ({@link #under}).
   */
  static Checked.Escape unwritable(String message) {
    return new Checked.Escape(new Problem.InDocument(-1, "", message));
  }

  /** {@code e} one level further out: {@code token} (a key or an index, as is) leads here. */
  static Checked.Escape under(Checked.Escape e, String token) {
    return e.under(SourceMap.escape(token));
  }

  // ---------------------------------------------------------------------------------------------
  // Nodes

  private void emitNode(JsonNode node, boolean mapping, boolean simpleKey) {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    if (node == null || node.isNull() || node.isMissingNode()) {
      emitScalar("null", PLAIN);
    } else if (node.isObject()) {
      if (node.isEmpty()) {
        emitEmptyFlow('{', '}');
      } else {
        emitBlockMapping(node);
      }
    } else if (node.isArray()) {
      if (node.isEmpty()) {
        emitEmptyFlow('[', ']');
      } else {
        emitBlockSequence(node);
      }
    } else if (node.isString()) {
      emitChecked(checked(JsonText.check(node.stringValue())));
    } else if (node.isBoolean()) {
      emitScalar(node.booleanValue() ? "true" : "false", PLAIN);
    } else if (node.isNumber()) {
      emitScalar(checked(formatNumber(node)), PLAIN);
    } else {
      throw unwritable("cannot write a " + node.getNodeType() + " node as YAML");
    }
  }

  /** The text, or its problem thrown to the writer's {@code write(JsonNode, StringBuilder)}. */
  static String checked(Checked<String> text) {
    if (!text.ok()) {
      throw unwritable(text.problem().message());
    }
    return text.value();
  }

  /** A number as kustomize prints it, or Go's error for NaN and infinities. */
  static Checked<String> formatNumber(JsonNode node) {
    if (node.isIntegralNumber()) {
      if (node.isBigInteger()) {
        return GoNumbers.yamlInteger(node.bigIntegerValue());
      }
      return Checked.ok(Long.toString(node.longValue()));
    }
    return GoNumbers.yamlFloat(node.doubleValue());
  }

  private void emitBlockMapping(JsonNode node) {
    List<String> keys = new ArrayList<>(node.size());
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      keys.add(e.getKey());
    }
    KeyOrder.sort(keys);
    increaseIndent(false, false);
    for (String key : keys) {
      JsonNode value = node.get(key);
      writeIndent();
      Checked<String> checkedKey = JsonText.checkKey(key);
      if (!checkedKey.ok()) {
        throw under(unwritable(checkedKey.problem().message()), key);
      }
      String k = checkedKey.value();
      if (isSimpleKey(k)) {
        this.mappingContext = true;
        this.simpleKeyContext = true;
        emitChecked(k);
        writeIndicator(":", false, false, false);
      } else {
        // a multiline key or one over 128 bytes: "? key" on its line, ": value" on the next
        writeIndicator("?", true, false, true);
        this.mappingContext = true;
        this.simpleKeyContext = false;
        emitChecked(k);
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      try {
        emitNode(value, true, false);
      } catch (Checked.Escape e) {
        throw under(e, key);
      }
    }
    popIndent();
  }

  private void emitBlockSequence(JsonNode node) {
    increaseIndent(false, mappingContext && !indention);
    int index = 0;
    for (JsonNode item : node) {
      writeIndent();
      writeIndicator("-", true, false, true);
      try {
        emitNode(item, false, false);
      } catch (Checked.Escape e) {
        throw under(e, Integer.toString(index));
      }
      index++;
    }
    popIndent();
  }

  /**
   * {@code {}} or {@code []}: go-yaml's emitter writes empty collections in flow style. They are
   * the only flow collections here, so no scalar is ever written in flow context and the emitter's
   * flow-level checks in {@link #selectStyle} reduce to the block ones.
   */
  private void emitEmptyFlow(char open, char close) {
    writeIndicator(String.valueOf(open), true, true, false);
    writeIndicator(String.valueOf(close), false, false, false);
  }

  /** go-yaml v2 {@code encoder.stringv}: the style it asks the emitter for. */
  private void emitChecked(String s) {
    int style;
    if (s.indexOf('\n') >= 0) {
      style = LITERAL;
    } else if (V2PlainCheck.isPlainString(s)) {
      style = PLAIN;
    } else {
      style = DOUBLE_QUOTED;
    }
    emitScalar(s, style);
  }

  private static boolean isSimpleKey(String key) {
    if (key.length() > MAX_SIMPLE_KEY_BYTES) {
      return false; // more characters than bytes allowed
    }
    int bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (isBreak(c)) {
        return false; // multiline
      }
      // a surrogate pair is 4 bytes in UTF-8: 2 per half
      bytes += c < 0x80 ? 1 : c < 0x800 || Character.isSurrogate(c) ? 2 : 3;
    }
    return bytes <= MAX_SIMPLE_KEY_BYTES;
  }

  /** The code points of {@code s}, without the stream machinery of {@code String.codePoints}. */
  static int[] codePoints(String s) {
    int n = s.length();
    int[] cps = new int[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
        cps[k++] = Character.toCodePoint(c, s.charAt(++i));
      } else {
        cps[k++] = c;
      }
    }
    return k == n ? cps : java.util.Arrays.copyOf(cps, k);
  }

  // ---------------------------------------------------------------------------------------------
  // Scalars

  private void emitScalar(String value, int requested) {
    int[] cps = codePoints(value);
    Analysis a = analyze(cps);
    int style = selectStyle(a, requested, cps.length);
    increaseIndent(true, false);
    boolean allowBreaks = !simpleKeyContext;
    switch (style) {
      case PLAIN:
        writePlain(cps, allowBreaks);
        break;
      case SINGLE_QUOTED:
        writeSingleQuoted(cps, allowBreaks);
        break;
      case DOUBLE_QUOTED:
        writeDoubleQuoted(cps, allowBreaks);
        break;
      default:
        writeLiteral(cps);
        break;
    }
    popIndent();
  }

  /** {@code yaml_emitter_select_scalar_style} for implicit (untagged) scalars. */
  private int selectStyle(Analysis a, int requested, int length) {
    int style = requested;
    if (simpleKeyContext && a.multiline) {
      style = DOUBLE_QUOTED;
    }
    if (style == PLAIN) {
      if (!a.blockPlainAllowed) {
        style = SINGLE_QUOTED;
      }
      if (length == 0 && simpleKeyContext) {
        style = SINGLE_QUOTED;
      }
    }
    if (style == SINGLE_QUOTED && !a.singleQuotedAllowed) {
      style = DOUBLE_QUOTED;
    }
    if (style == LITERAL && (!a.blockAllowed || simpleKeyContext)) {
      style = DOUBLE_QUOTED;
    }
    return style;
  }

  /**
   * What {@code yaml_emitter_analyze_scalar} finds out about a value (the flow-context results are
   * left out: no scalar is written in flow context, see {@link #emitEmptyFlow}).
   */
  static final class Analysis {
    boolean multiline;
    boolean blockPlainAllowed;
    boolean singleQuotedAllowed;
    boolean blockAllowed;
  }

  static Analysis analyze(int[] v) {
    Analysis a = new Analysis();
    int n = v.length;
    if (n == 0) {
      a.multiline = false;
      a.blockPlainAllowed = true;
      a.singleQuotedAllowed = true;
      a.blockAllowed = false;
      return a;
    }
    boolean blockIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;

    if (n >= 3
        && (v[0] == '-' && v[1] == '-' && v[2] == '-'
            || v[0] == '.' && v[1] == '.' && v[2] == '.')) {
      blockIndicators = true;
    }
    boolean precededByWhitespace = true;
    for (int i = 0; i < n; i++) {
      int c = v[i];
      boolean followedByWhitespace = i + 1 >= n || isBlank(v[i + 1]);
      if (i == 0) {
        switch (c) {
          case '#':
          case ',':
          case '[':
          case ']':
          case '{':
          case '}':
          case '&':
          case '*':
          case '!':
          case '|':
          case '>':
          case '\'':
          case '"':
          case '%':
          case '@':
          case '`':
            blockIndicators = true;
            break;
          case '?':
          case ':':
          case '-':
            // only followed by a blank ("- x", ": x"); "-x", "?x", ":x" may be plain
            if (followedByWhitespace) {
              blockIndicators = true;
            }
            break;
          default:
            break;
        }
      } else {
        switch (c) {
          case ':':
            if (followedByWhitespace) {
              blockIndicators = true;
            }
            break;
          case '#':
            if (precededByWhitespace) {
              blockIndicators = true;
            }
            break;
          default:
            break;
        }
      }
      if (!isPrintable(c)) {
        specialCharacters = true;
      }
      if (c == ' ') {
        if (i == 0) {
          leadingSpace = true;
        }
        if (i == n - 1) {
          trailingSpace = true;
        }
        if (previousBreak) {
          breakSpace = true;
        }
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        lineBreaks = true;
        if (i == 0) {
          leadingBreak = true;
        }
        if (i == n - 1) {
          trailingBreak = true;
        }
        if (previousSpace) {
          spaceBreak = true;
        }
        previousSpace = false;
        previousBreak = true;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankz(c);
    }
    a.multiline = lineBreaks;
    a.blockPlainAllowed = true;
    a.singleQuotedAllowed = true;
    a.blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      a.blockPlainAllowed = false;
    }
    if (trailingSpace) {
      a.blockAllowed = false;
    }
    if (breakSpace) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
      a.blockAllowed = false;
    }
    if (lineBreaks) {
      a.blockPlainAllowed = false;
    }
    if (blockIndicators) {
      a.blockPlainAllowed = false;
    }
    return a;
  }

  private void writePlain(int[] v, boolean allowBreaks) {
    if (!whitespace) {
      put(' ');
    }
    boolean spaces = false;
    boolean breaks = false;
    int n = v.length;
    for (int i = 0; i < n; i++) {
      int c = v[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && !(i + 1 < n && v[i + 1] == ' ')) {
          writeIndent();
        } else {
          writeChar(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        writeChar(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
  }

  private void writeSingleQuoted(int[] v, boolean allowBreaks) {
    writeIndicator("'", true, false, false);
    boolean spaces = false;
    boolean breaks = false;
    int n = v.length;
    for (int i = 0; i < n; i++) {
      int c = v[i];
      if (c == ' ') {
        if (allowBreaks
            && !spaces
            && column > BEST_WIDTH
            && i > 0
            && i < n - 1
            && v[i + 1] != ' ') {
          writeIndent();
        } else {
          writeChar(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (c == '\'') {
          put('\'');
        }
        writeChar(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeDoubleQuoted(int[] v, boolean allowBreaks) {
    boolean spaces = false;
    writeIndicator("\"", true, false, false);
    int n = v.length;
    // go-yaml's is_bom(value, i) looks at the start of the value, not at position i: a value that
    // starts with U+FEFF has every character escaped (docs/kustomize.md#strings).
    boolean bom = n > 0 && v[0] == 0xFEFF;
    for (int i = 0; i < n; i++) {
      int c = v[i];
      if (!isPrintable(c) || bom || isBreak(c) || c == '"' || c == '\\') {
        put('\\');
        switch (c) {
          case 0x00:
            put('0');
            break;
          case 0x07:
            put('a');
            break;
          case 0x08:
            put('b');
            break;
          case 0x09:
            put('t');
            break;
          case 0x0A:
            put('n');
            break;
          case 0x0B:
            put('v');
            break;
          case 0x0C:
            put('f');
            break;
          case 0x0D:
            put('r');
            break;
          case 0x1B:
            put('e');
            break;
          case 0x22:
            put('"');
            break;
          case 0x5C:
            put('\\');
            break;
          case 0x85:
            put('N');
            break;
          case 0xA0:
            put('_');
            break;
          case 0x2028:
            put('L');
            break;
          case 0x2029:
            put('P');
            break;
          default:
            int width;
            if (c <= 0xFF) {
              put('x');
              width = 2;
            } else if (c <= 0xFFFF) {
              put('u');
              width = 4;
            } else {
              put('U');
              width = 8;
            }
            for (int k = (width - 1) * 4; k >= 0; k -= 4) {
              int digit = (c >> k) & 0x0F;
              put((char) (digit < 10 ? '0' + digit : 'A' + digit - 10));
            }
            break;
        }
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > BEST_WIDTH && i > 0 && i < n - 1) {
          writeIndent();
          if (v[i + 1] == ' ') {
            put('\\');
          }
        } else {
          writeChar(c);
        }
        spaces = true;
      } else {
        writeChar(c);
        spaces = false;
      }
    }
    writeIndicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(int[] v) {
    writeIndicator("|", true, false, false);
    // block scalar hints: indentation indicator, chomping indicator
    int n = v.length;
    if (v[0] == ' ' || isBreak(v[0])) {
      writeIndicator(String.valueOf((char) ('0' + BEST_INDENT)), false, false, false);
    }
    String chomp = null;
    if (!isBreak(v[n - 1])) {
      chomp = "-";
    } else if (n == 1 || isBreak(v[n - 2])) {
      chomp = "+";
    }
    if (chomp != null) {
      writeIndicator(chomp, false, false, false);
    }
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int c : v) {
      if (isBreak(c)) {
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        writeChar(c);
        indention = false;
        breaks = false;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Emitter primitives (emitterc.go: put, put_break, write, write_break, write_indent,
  // write_indicator, increase_indent)

  private void increaseIndent(boolean flow, boolean indentless) {
    if (depth == indents.length) {
      indents = java.util.Arrays.copyOf(indents, depth * 2);
    }
    indents[depth++] = indent;
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private void popIndent() {
    indent = indents[--depth];
  }

  private void writeIndent() {
    int ind = Math.max(indent, 0);
    if (!indention || column > ind || (column == ind && !whitespace)) {
      putBreak();
    }
    while (column < ind) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void writeIndicator(
      String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    out.append(indicator);
    column += indicator.length();
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
  }

  private void writeChar(int c) {
    out.appendCodePoint(c);
    column++;
  }

  private void writeBreak(int c) {
    if (c == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(c);
      column = 0;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Character classes (yamlprivateh.go), on code points

  /** go-yaml v2's is_printable: only 1–3 byte UTF-8 can be printable, BOM and U+FFFE/F are not. */
  static boolean isPrintable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlank(int c) {
    return c == ' ' || c == '\t';
  }

  private static boolean isBlankz(int c) {
    return c == ' ' || c == '\t' || isBreak(c) || c == 0;
  }
}
