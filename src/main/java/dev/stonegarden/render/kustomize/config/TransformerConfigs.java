package dev.stonegarden.render.kustomize.config;

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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Map.Entry;
import tools.jackson.databind.JsonNode;

/**
 * Reads transformer configurations: the built-in tables ({@code fieldspecs/builtin.txt}) and the
 * {@code configurations:} files of kustomizations (kustomize's YAML format, decoded leniently and
 * with case-insensitive keys as Go's {@code encoding/json} does).
 */
public final class TransformerConfigs {
  private static final String BUILTIN = "/dev/stonegarden/render/kustomize/fieldspecs/builtin.txt";
  private static volatile TransformerConfig builtin;

  private TransformerConfigs() {}

  /** The default configuration of kustomize 5.5 (read once, immutable). */
  public static TransformerConfig builtin() {
    TransformerConfig b = builtin;
    if (b == null) {
      try (InputStream in = TransformerConfigs.class.getResourceAsStream(BUILTIN)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + BUILTIN);
        }
        b =
            parseTable(
                new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .toList());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      builtin = b = TransformerConfig.builtinTables(b);
    }
    return b;
  }

  static TransformerConfig parseTable(List<String> lines) {
    Map<String, List<FieldSpec>> sections = new LinkedHashMap<>();
    List<NameBackReference> refs = new ArrayList<>();
    List<FieldSpec> current = null;
    Gvk referral = null;
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[")) {
        flushRef(refs, referral, current);
        referral = null;
        String name = line.substring(1, line.length() - 1).strip();
        if (name.startsWith("nameReference ")) {
          referral = parseSelector(name.substring("nameReference ".length()).strip());
          current = new ArrayList<>();
        } else {
          current = sections.computeIfAbsent(name, k -> new ArrayList<>());
        }
        continue;
      }
      String[] parts = line.split("\\s+", 3);
      current.add(new FieldSpec(parseSelector(parts[0]), parts[2], parts[1].equals("create")));
    }
    flushRef(refs, referral, current);
    return new TransformerConfig(
        get(sections, "namePrefix"),
        get(sections, "nameSuffix"),
        get(sections, "namespace"),
        get(sections, "commonLabels"),
        get(sections, "labels"),
        get(sections, "templateLabels"),
        get(sections, "commonAnnotations"),
        refs,
        get(sections, "varReference"),
        get(sections, "images"),
        get(sections, "replicas"));
  }

  private static void flushRef(List<NameBackReference> refs, Gvk referral, List<FieldSpec> specs) {
    if (referral != null) {
      refs.add(new NameBackReference(referral, specs));
    }
  }

  private static List<FieldSpec> get(Map<String, List<FieldSpec>> sections, String name) {
    return sections.getOrDefault(name, List.of());
  }

  /** {@code Kind.version.group}; the group may contain dots, kind and version may not. */
  static Gvk parseSelector(String s) {
    int a = s.indexOf('.');
    int b = s.indexOf('.', a + 1);
    return new Gvk(s.substring(b + 1), s.substring(a + 1, b), s.substring(0, a));
  }

  /** Decodes one {@code configurations:} file (already parsed into a tree). */
  public static TransformerConfig fromJson(JsonNode root, SourcePosition at) {
    if (root == null || root.isNull() || root.isMissingNode()) {
      return TransformerConfig.empty();
    }
    if (!root.isObject()) {
      throw new InputException(at, "invalid transformer configuration: expected a mapping");
    }
    Map<String, List<FieldSpec>> sections = new LinkedHashMap<>();
    List<NameBackReference> refs = new ArrayList<>();
    for (Entry<String, JsonNode> e : root.properties()) {
      String key = e.getKey().toLowerCase(Locale.ROOT);
      if (key.equals("namereference")) {
        refs.clear();
        for (JsonNode n : list(e.getValue(), at)) {
          refs.add(new NameBackReference(gvk(n), specs(n.get(fieldNamed(n, "fieldSpecs")), at)));
        }
      } else {
        sections.put(key, specs(e.getValue(), at));
      }
    }
    return new TransformerConfig(
        get(sections, "nameprefix"),
        get(sections, "namesuffix"),
        get(sections, "namespace"),
        get(sections, "commonlabels"),
        get(sections, "labels"),
        get(sections, "templatelabels"),
        get(sections, "commonannotations"),
        refs,
        get(sections, "varreference"),
        get(sections, "images"),
        get(sections, "replicas"));
  }

  /** Decodes a list of field specs ({@code group, version, kind, path, create}). */
  public static List<FieldSpec> specs(JsonNode n, SourcePosition at) {
    List<FieldSpec> out = new ArrayList<>();
    for (JsonNode f : list(n, at)) {
      if (!f.isObject()) {
        throw new InputException(
            at, "invalid field spec: expected a mapping, found " + f.getNodeType());
      }
      String path = Trees.text(f.get(fieldNamed(f, "path")));
      JsonNode create = f.get(fieldNamed(f, "create"));
      out.add(new FieldSpec(gvk(f), path, create != null && create.asBoolean(false)));
    }
    return out;
  }

  private static List<JsonNode> list(JsonNode n, SourcePosition at) {
    List<JsonNode> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (!n.isArray()) {
      throw new InputException(
          at, "invalid transformer configuration: expected a list, found " + n.getNodeType());
    }
    n.forEach(out::add);
    return out;
  }

  private static Gvk gvk(JsonNode n) {
    return new Gvk(
        Trees.text(n.get(fieldNamed(n, "group"))),
        Trees.text(n.get(fieldNamed(n, "version"))),
        Trees.text(n.get(fieldNamed(n, "kind"))));
  }

  /** The last key of {@code n} equal to {@code name} ignoring case (Go's encoding/json rule). */
  static String fieldNamed(JsonNode n, String name) {
    String found = name;
    if (n != null && n.isObject()) {
      for (String k : n.propertyNames()) {
        if (k.equalsIgnoreCase(name)) {
          found = k;
        }
      }
    }
    return found;
  }
}
