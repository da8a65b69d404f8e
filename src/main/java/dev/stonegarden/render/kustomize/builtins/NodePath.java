package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Problem;
import dev.stonegarden.render.kustomize.config.FieldWalker.Slot;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Dotted field paths of replacements and vars ({@code
 * spec.template.spec.containers.[name=app].image}, {@code spec.ports.0.port}, {@code
 * metadata.labels.*}) resolved against a tree (kyaml's {@code SmarterPathSplitter} and {@code
 * PathMatcher}); with {@code create}, missing fields and list elements are added on the way.
 */
public final class NodePath {
  /** What to create at the end of a missing path. */
  public enum Kind {
    NONE,
    SCALAR,
    MAP,
    LIST
  }

  private NodePath() {}

  /**
   * kyaml's {@code SmarterPathSplitter} for '.': {@code \.} escapes a dot, {@code [a.b=c]} stays
   * whole.
   */
  public static List<String> split(String path) {
    List<String> parts = splitEscaped(path);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String e = parts.get(i);
      if (e.startsWith("[") && !e.endsWith("]")) {
        StringBuilder sb = new StringBuilder(e);
        while (i < parts.size() - 1) {
          i++;
          sb.append('.').append(parts.get(i));
          if (parts.get(i).endsWith("]")) {
            break;
          }
        }
        String b = sb.toString();
        out.add(b.contains("=") ? b : trimBrackets(b));
      } else {
        out.add(e);
      }
    }
    return out;
  }

  private static String trimBrackets(String s) {
    int a = 0;
    int b = s.length();
    while (a < b && (s.charAt(a) == '[' || s.charAt(a) == ']')) {
      a++;
    }
    while (b > a && (s.charAt(b - 1) == '[' || s.charAt(b - 1) == ']')) {
      b--;
    }
    return s.substring(a, b);
  }

  private static List<String> splitEscaped(String path) {
    List<String> raw = new ArrayList<>();
    String[] ps = path.split("\\.", -1);
    raw.add(ps[0]);
    for (int i = 1; i < ps.length; i++) {
      int last = raw.size() - 1;
      if (raw.get(last).endsWith("\\")) {
        String l = raw.get(last);
        raw.set(last, l.substring(0, l.length() - 1) + "." + ps[i]);
      } else {
        raw.add(ps[i]);
      }
    }
    if (raw.size() > 1 && raw.get(0).isEmpty()) {
      raw.remove(0);
    }
    return raw;
  }

  /** A place the path reached; {@code created} when the last field did not exist before. */
  public record Hit(Slot slot, boolean created) {}

  /**
   * Every place {@code path} reaches under {@code root}, creating what is missing if {@code create}
   * says so; or kyaml's error for a path that cannot be followed (a {@link Problem.InValue}: an
   * index past the end, a list element without {@code field=value}, a pattern that does not
   * compile). What was created before the error stays, as in kyaml.
   */
  public static Checked<List<Hit>> match(ObjectNode root, List<String> path, Kind create) {
    return Checked.of(() -> hits(root, path, create));
  }

  /**
   * What {@link #match(ObjectNode, List, Kind)} returns; the first problem escapes the recursion
   * ({@link Checked.Escape}) to it.
   */
  private static List<Hit> hits(ObjectNode root, List<String> path, Kind create) {
    List<Slot> out = new ArrayList<>();
    match(new Slot(null, null, -1, root), path, 0, create, out);
    List<Hit> hits = new ArrayList<>();
    for (Slot s : out) {
      hits.add(new Hit(s, s.value() == CREATED));
    }
    return hits;
  }

  // Stands in for a scalar that is about to be created; the caller replaces it.
  private static final JsonNode CREATED = JsonNodeFactory.instance.stringNode("\u0000created");

  private static void match(Slot slot, List<String> path, int i, Kind create, List<Slot> out) {
    if (i == path.size()) {
      out.add(slot);
      return;
    }
    JsonNode node = slot.value();
    String part = path.get(i);
    if (isIndex(part)) {
      if (!(node instanceof ArrayNode a)) {
        return;
      }
      int idx = Integer.parseInt(part); // isIndex: at most nine digits
      if (idx == a.size() && create != Kind.NONE) {
        a.add(newNode(nextKind(path, i, create)));
      }
      if (idx >= a.size()) {
        throw new Checked.Escape(
            new Problem.InValue(
                "index " + idx + " specified but only " + a.size() + " elements found"));
      }
      match(new Slot(a, null, idx, a.get(idx)), path, i + 1, create, out);
      return;
    }
    if (part.startsWith("[") && part.endsWith("]")) {
      if (!(node instanceof ArrayNode a)) {
        return;
      }
      String inner = part.substring(1, part.length() - 1);
      int eq = inner.indexOf('=');
      if (eq < 0) {
        throw new Checked.Escape(
            new Problem.InValue(
                "list path element must contain fieldName=fieldValue for element to match"));
      }
      String field = inner.substring(0, eq);
      Pattern p;
      try {
        p = Pattern.compile(inner.substring(eq + 1));
      } catch (PatternSyntaxException e) { // the JDK says so only by throwing
        throw new Checked.Escape(new Problem.InValue(e.getMessage()));
      }
      boolean any = false;
      for (int k = 0; k < a.size(); k++) {
        JsonNode el = a.get(k);
        String text;
        if (field.isEmpty()) {
          if (el == null || el.isContainer()) {
            continue;
          }
          text = el.asString();
        } else {
          if (!(el instanceof ObjectNode eo)
              || eo.get(field) == null
              || eo.get(field).isContainer()) {
            continue;
          }
          text = eo.get(field).asString();
        }
        if (p.matcher(text.strip()).find()) {
          any = true;
          match(new Slot(a, null, k, el), path, i + 1, create, out);
        }
      }
      if (!any && create != Kind.NONE) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        String v = inner.substring(eq + 1);
        if (field.isEmpty()) {
          a.add(StringNode.valueOf(v));
        } else {
          ObjectNode o = f.objectNode();
          o.put(field, v);
          a.add(o);
        }
        match(new Slot(a, null, a.size() - 1, a.get(a.size() - 1)), path, i + 1, create, out);
      }
      return;
    }
    if (part.equals("*")) {
      if (node instanceof ArrayNode a) {
        for (int k = 0; k < a.size(); k++) {
          match(new Slot(a, null, k, a.get(k)), path, i + 1, create, out);
        }
      } else if (node instanceof ObjectNode o) {
        for (String k : List.copyOf(o.propertyNames())) {
          match(new Slot(o, k, -1, o.get(k)), path, i + 1, create, out);
        }
      }
      return;
    }
    if (!(node instanceof ObjectNode o)) {
      return;
    }
    JsonNode field = o.get(part);
    if (field == null) {
      if (create == Kind.NONE) {
        return;
      }
      field = newNode(nextKind(path, i, create));
      o.set(part, field);
    }
    match(new Slot(o, part, -1, field), path, i + 1, create, out);
  }

  private static Kind nextKind(List<String> path, int i, Kind create) {
    if (i + 1 >= path.size()) {
      return create;
    }
    String next = path.get(i + 1);
    if (isIndex(next) || (next.startsWith("[") && next.endsWith("]"))) {
      return Kind.LIST;
    }
    return Kind.MAP;
  }

  private static JsonNode newNode(Kind k) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return switch (k) {
      case MAP -> f.objectNode();
      case LIST -> f.arrayNode();
      default -> CREATED;
    };
  }

  private static boolean isIndex(String p) {
    if (p.isEmpty()) {
      return false;
    }
    for (char c : p.toCharArray()) {
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return p.length() < 10;
  }
}
