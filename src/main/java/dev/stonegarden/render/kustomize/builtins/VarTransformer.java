package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.Checked;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * {@code vars:} (deprecated; kustomize's {@code ResolveVars} and {@code refvar.Filter},
 * docs/kustomize.md#vars-and-replacements): at the end of the build each {@code $(NAME)} in the
 * var-reference fields is replaced by the value of the named field of the object the var points at.
 */
public final class VarTransformer implements Transformer {
  private final List<Var> vars;
  private final List<FieldSpec> varReference;
  private final List<Diagnostic> warnings = new ArrayList<>();

  /** One var: its name, the object it reads (kind/version/group, name, namespace) and the field. */
  public record Var(
      String name,
      Gvk objGvk,
      String objName,
      String objNamespace,
      String fieldPath,
      SourcePosition at) {}

  public VarTransformer(List<Var> vars, List<FieldSpec> varReference) {
    this.vars = List.copyOf(vars);
    this.varReference = List.copyOf(varReference);
  }

  /** What the last {@link #transform} warned about (vars never replaced), in order. */
  @Override
  public List<Diagnostic> warnings(ResourceList after) {
    return List.copyOf(warnings);
  }

  @Override
  public void transform(ResourceList resources) {
    warnings.clear();
    Map<String, JsonNode> values = new TreeMap<>();
    for (Var v : vars) {
      values.put(v.name(), valueOf(v, resources));
    }
    if (values.isEmpty()) {
      return;
    }
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (Resource r : resources) {
      for (FieldSpec fs : varReference) {
        FieldWalker.walk(r, fs, Create.NONE, slot -> set(r, slot, values, counts));
      }
    }
    TreeSet<String> unused = new TreeSet<>(values.keySet());
    unused.removeAll(counts.keySet());
    if (!unused.isEmpty()) {
      warnings.add(
          Diagnostic.warning(
              SourcePosition.none(),
              "well-defined vars that were never replaced: " + String.join(",", unused)));
    }
  }

  private static JsonNode valueOf(Var v, ResourceList resources) {
    for (Resource r : resources) {
      if (r.refVarNames().contains(v.name())) {
        String fp = v.fieldPath().isEmpty() ? "metadata.name" : v.fieldPath();
        Checked<List<NodePath.Hit>> found =
            NodePath.match(r.body(), convertSliceIndex(NodePath.split(fp)), NodePath.Kind.NONE);
        // a path that cannot be followed finds nothing: the error below
        List<NodePath.Hit> hits = found.ok() ? found.value() : List.of();
        if (hits.isEmpty() || hits.get(0).slot().value() == null) {
          throw new InputException(
              v.at(),
              "field specified in var '"
                  + v.name()
                  + "' ("
                  + fp
                  + ") not found in corresponding resource "
                  + r.id());
        }
        return hits.get(0).slot().value();
      }
    }
    throw new InputException(
        v.at(), "var '" + v.name() + "' cannot be mapped to a field in the set of known resources");
  }

  private static final java.util.regex.Pattern SLICE_INDEX =
      java.util.regex.Pattern.compile("^(.*)\\[(\\d+)\\]$");

  /** kyaml's {@code convertSliceIndex}: {@code ports[0]} becomes {@code ports}, {@code 0}. */
  static List<String> convertSliceIndex(List<String> fields) {
    List<String> out = new ArrayList<>();
    for (String f : fields) {
      java.util.regex.Matcher m = SLICE_INDEX.matcher(f);
      if (f.endsWith("]") && m.matches()) {
        if (!m.group(1).isEmpty()) {
          out.add(m.group(1));
        }
        out.add(m.group(2));
      } else {
        out.add(f);
      }
    }
    return out;
  }

  private static void set(
      Resource r,
      FieldWalker.Slot slot,
      Map<String, JsonNode> values,
      Map<String, Integer> counts) {
    JsonNode node = slot.value();
    if (node == null || node.isNull()) {
      return;
    }
    if (node instanceof ObjectNode o) {
      for (String k : new ArrayList<>(o.propertyNames())) {
        JsonNode v = o.get(k);
        if (v != null && v.isString()) {
          o.set(k, replace(v.stringValue(), values, counts));
        }
      }
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        if (!a.get(i).isString()) {
          throw new InputException(r.origin(), "invalid value type expect a string in " + r.id());
        }
        a.set(i, replace(a.get(i).stringValue(), values, counts));
      }
    } else if (node.isString()) {
      slot.set(replace(node.stringValue(), values, counts));
    }
  }

  /**
   * kustomize's {@code DoReplacements}: {@code $(X)} is replaced, {@code $$} escapes, a whole-value
   * var keeps its type.
   */
  static JsonNode replace(String input, Map<String, JsonNode> values, Map<String, Integer> counts) {
    StringBuilder buf = new StringBuilder();
    int checkpoint = 0;
    for (int cursor = 0; cursor < input.length(); cursor++) {
      if (input.charAt(cursor) == '$' && cursor + 1 < input.length()) {
        buf.append(input, checkpoint, cursor);
        String rest = input.substring(cursor + 1);
        char c = rest.charAt(0);
        int advance;
        if (c == '$') {
          buf.append('$');
          advance = 1;
        } else if (c == '(') {
          int close = rest.indexOf(')', 1);
          if (close < 0) {
            buf.append("$(");
            advance = 1;
          } else {
            String name = rest.substring(1, close);
            JsonNode mapped = values.get(name);
            if (mapped != null && !mapped.isContainer() && !mapped.isNull()) {
              counts.merge(name, 1, Integer::sum);
              if (input.equals("$(" + name + ")")) {
                return mapped.deepCopy();
              }
              buf.append(mapped.asString());
            } else {
              buf.append("$(").append(name).append(')');
              if (input.equals("$(" + name + ")")) {
                return StringNode.valueOf(input);
              }
            }
            advance = close + 1;
          }
        } else {
          buf.append('$').append(c);
          advance = 1;
        }
        cursor += advance;
        checkpoint = cursor + 1;
      }
    }
    return StringNode.valueOf(buf + input.substring(checkpoint));
  }
}
