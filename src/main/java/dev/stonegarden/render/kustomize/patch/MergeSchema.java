package dev.stonegarden.render.kustomize.patch;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.yaml.Trees;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI knowledge strategic merge needs: for an apiVersion/kind, the schema of the object,
 * whose list fields say whether they merge by key ({@code x-kubernetes-patch-strategy: merge}) and
 * with which keys. {@link #builtin()} is kustomize's compiled Kubernetes 1.21.2 schema reduced to
 * the paths that lead to associative lists (docs/kustomize.md#merge-keys); {@link #fromOpenApi} is
 * a kustomization's {@code openapi: {path: ...}} file, which replaces the built-in schema for the
 * whole build (docs/kustomize.md#custom-schemas, case 112).
 */
public final class MergeSchema {
  static final String BUILTIN_RESOURCE = "mergekeys.txt";

  /** The root schema of each group/version/kind. */
  private final Map<Gvk, String> rootDefinitionByType;

  private final Function<String, SchemaNode> definitions;

  private MergeSchema(
      Map<Gvk, String> rootDefinitionByType, Function<String, SchemaNode> definitions) {
    this.rootDefinitionByType = rootDefinitionByType;
    this.definitions = definitions;
  }

  /** The built-in Kubernetes 1.21.2 schema; parsed once, on first use. */
  public static MergeSchema builtin() {
    return Builtin.INSTANCE;
  }

  /**
   * A schema that knows no kind: every list is replaced (kinds without schema,
   * docs/kustomize.md#merge-keys).
   */
  public static MergeSchema empty() {
    return new MergeSchema(Map.of(), name -> null);
  }

  /**
   * A swagger 2.0 document's {@code definitions}, indexed by their {@code
   * x-kubernetes-group-version-kind}. Definitions are converted when first reached.
   *
   * @param file the schema file, for error positions
   */
  public static MergeSchema fromOpenApi(JsonNode swagger, Path file) {
    if (swagger == null || !swagger.isObject()) {
      throw new InputException(
          SourcePosition.of(file),
          "expected an OpenAPI (swagger 2.0) document with 'definitions' but found "
              + (swagger == null ? "nothing" : Trees.shapeOf(swagger)));
    }
    JsonNode defs = swagger.get("definitions");
    if (defs != null && !defs.isNull() && !defs.isObject()) {
      throw new InputException(
          SourcePosition.of(file),
          "expected 'definitions' to be a map of schemas but found " + Trees.shapeOf(defs));
    }
    Map<Gvk, String> roots = new LinkedHashMap<>();
    Map<String, JsonNode> raw = new LinkedHashMap<>();
    if (defs != null && defs.isObject()) {
      for (Map.Entry<String, JsonNode> e : defs.properties()) {
        raw.put(e.getKey(), e.getValue());
        JsonNode gvks = e.getValue().get("x-kubernetes-group-version-kind");
        if (gvks != null && gvks.isArray()) {
          for (JsonNode gvk : gvks) {
            // kind and version must be strings; a group that is not one is the core group
            if (!gvk.path("kind").isString() || !gvk.path("version").isString()) {
              continue;
            }
            roots.put(
                new Gvk(
                    Trees.string(gvk, "group"),
                    Trees.string(gvk, "version"),
                    Trees.string(gvk, "kind")),
                e.getKey());
          }
        }
      }
    }
    OpenApiDefinitions converter = new OpenApiDefinitions(raw);
    return new MergeSchema(roots, converter::definition);
  }

  /** The schema of objects of this apiVersion and kind, or null if the schema does not know it. */
  SchemaNode forType(String apiVersion, String kind) {
    if (apiVersion == null || kind == null || apiVersion.isEmpty() || kind.isEmpty()) {
      return null;
    }
    Gvk gvk = Gvk.of(apiVersion, kind);
    if (!gvk.apiVersion().equals(apiVersion)) {
      return null; // "/v1": no schema has an empty group written out
    }
    String def = rootDefinitionByType.get(gvk);
    return def == null ? null : definitions.apply(def);
  }

  /** Converts swagger definitions to schema nodes on demand (a custom schema may be megabytes). */
  private static final class OpenApiDefinitions {
    private final Map<String, JsonNode> raw;
    private final Map<String, SchemaNode> converted = new HashMap<>(); // lookups only

    OpenApiDefinitions(Map<String, JsonNode> raw) {
      this.raw = raw;
    }

    synchronized SchemaNode definition(String name) {
      SchemaNode s = converted.get(name);
      if (s == null && raw.containsKey(name)) {
        s = convert(raw.get(name));
        converted.put(name, s);
      }
      return s;
    }

    private SchemaNode convert(JsonNode n) {
      if (n == null || !n.isObject()) {
        return null;
      }
      String ref = null;
      JsonNode r = n.get("$ref");
      if (r != null && r.isString()) {
        String s = r.stringValue();
        ref = s.startsWith("#/definitions/") ? s.substring("#/definitions/".length()) : s;
      }
      Map<String, SchemaNode> props = null;
      JsonNode p = n.get("properties");
      if (p != null && p.isObject()) {
        props = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : p.properties()) {
          SchemaNode c = convert(e.getValue());
          if (c != null) {
            props.put(e.getKey(), c);
          }
        }
      }
      SchemaNode items = null;
      JsonNode i = n.get("items");
      if (i != null && i.isObject()) {
        items = convert(i);
      }
      SchemaNode additional = null;
      JsonNode a = n.get("additionalProperties");
      if (a != null && a.isObject()) {
        additional = convert(a);
      }
      JsonNode type = n.get("type");
      boolean array =
          type != null
              && ((type.isString() && type.stringValue().equals("array"))
                  || (type.isArray()
                      && type.size() == 1
                      && type.get(0).isString()
                      && type.get(0).stringValue().equals("array")));
      // null, not "", when the schema says nothing (or not a string)
      JsonNode strategyNode = n.path("x-kubernetes-patch-strategy");
      String strategy = strategyNode.isString() ? strategyNode.stringValue() : null;
      List<String> keys = new ArrayList<>();
      JsonNode listMapKeys = n.get("x-kubernetes-list-map-keys");
      if (listMapKeys != null && listMapKeys.isArray()) {
        for (JsonNode k : listMapKeys) {
          if (k.isString()) {
            keys.add(k.stringValue());
          }
        }
      } else {
        JsonNode mergeKey = n.path("x-kubernetes-patch-merge-key");
        if (mergeKey.isString()) {
          keys.add(mergeKey.stringValue());
        }
      }
      return new SchemaNode(props, items, additional, ref, array, strategy, keys, this::definition);
    }
  }

  /** Holder idiom: the built-in table is read on first use only (start-up path). */
  private static final class Builtin {
    static final MergeSchema INSTANCE = load();

    private static MergeSchema load() {
      try (InputStream in = MergeSchema.class.getResourceAsStream(BUILTIN_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + BUILTIN_RESOURCE);
        }
        return parseTable(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Reads the compact table format of {@code mergekeys.txt} (described in its header): {@code kind
   * <apiVersion> <kind> <definition>} lines, then {@code def <definition>} blocks whose lines are
   * {@code <field> obj <definition>}, {@code <field> map <definition>} or {@code <field> list
   * <key,key|-> <definition|->}.
   */
  static MergeSchema parseTable(BufferedReader reader) throws IOException {
    Map<Gvk, String> roots = new LinkedHashMap<>();
    Map<String, SchemaNode> defs = new HashMap<>(); // lookups only
    Function<String, SchemaNode> lookup = defs::get;
    String current = null;
    Map<String, SchemaNode> props = null;
    String line;
    int lineNo = 0;
    while ((line = reader.readLine()) != null) {
      lineNo++;
      String t = line.strip();
      if (t.isEmpty() || t.startsWith("#")) {
        continue;
      }
      String[] w = words(t);
      if (w[0].equals("kind") && w.length == 4) {
        roots.put(Gvk.of(w[1], w[2]), w[3]);
      } else if (w[0].equals("def") && w.length == 2) {
        if (current != null) {
          defs.put(current, new SchemaNode(props, null, null, null, false, "", List.of(), lookup));
        }
        current = w[1];
        props = new LinkedHashMap<>();
      } else if (props != null && w.length == 3 && w[1].equals("obj")) {
        props.put(w[0], SchemaNode.ref(w[2], lookup));
      } else if (props != null && w.length == 3 && w[1].equals("map")) {
        props.put(
            w[0],
            new SchemaNode(
                null, null, SchemaNode.ref(w[2], lookup), null, false, "", List.of(), lookup));
      } else if (props != null && w.length == 4 && w[1].equals("list")) {
        List<String> keys = w[2].equals("-") ? List.of() : List.of(w[2].split(",", -1));
        SchemaNode items = w[3].equals("-") ? null : SchemaNode.ref(w[3], lookup);
        props.put(w[0], new SchemaNode(null, items, null, null, true, "merge", keys, lookup));
      } else {
        throw new IllegalStateException(
            BUILTIN_RESOURCE + ":" + lineNo + ": cannot read line: " + line);
      }
    }
    if (current != null) {
      defs.put(current, new SchemaNode(props, null, null, null, false, "", List.of(), lookup));
    }
    return new MergeSchema(roots, lookup);
  }

  /** Splits at runs of spaces (no regex: this runs on the start-up path). */
  private static String[] words(String line) {
    List<String> out = new ArrayList<>(4);
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && line.charAt(i) == ' ') {
        i++;
      }
      int start = i;
      while (i < line.length() && line.charAt(i) != ' ') {
        i++;
      }
      if (i > start) {
        out.add(line.substring(start, i));
      }
    }
    return out.toArray(new String[0]);
  }
}
