package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.builtins.DataGenerator;
import dev.stonegarden.render.kustomize.builtins.GeneratorOptions;
import dev.stonegarden.render.kustomize.builtins.ImageTagTransformer.Image;
import dev.stonegarden.render.kustomize.patch.PatchOptions;
import dev.stonegarden.render.kustomize.patch.PatchTarget;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.Trees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One decoded kustomization file (kustomize's {@code types.Kustomization}), typed: the fields this
 * engine supports, built once ({@link #of}) from the tree {@link KustomizationLoader} decoded and
 * checked against {@link KustomizationSchema}. Every list entry keeps its {@link Place} for
 * diagnostics. Deprecated spellings are folded in, as kustomize's {@code FixKustomization} does:
 * {@code bases} after {@link #resources()}, {@code imageTags} after {@link #images()}.
 */
record Kustomization(
    Path file,
    Set<Field> present,
    String kindField,
    String apiVersion,
    List<Item<String>> resources,
    List<Item<String>> components,
    List<Item<String>> crds,
    List<Item<String>> configurations,
    List<Item<String>> generators,
    List<Item<String>> transformers,
    List<Item<String>> validators,
    List<Item<String>> buildMetadata,
    String namespace,
    String namePrefix,
    String nameSuffix,
    Map<String, String> commonLabels,
    Map<String, String> commonAnnotations,
    List<Label> labels,
    GeneratorOptions generatorOptions,
    List<DataGeneratorEntry> configMapGenerator,
    List<DataGeneratorEntry> secretGenerator,
    List<Item<String>> patchesStrategicMerge,
    List<Patch> patches,
    List<Patch> patchesJson6902,
    List<Replica> replicas,
    List<Image> images,
    List<Item<ObjectNode>> replacements,
    List<VarDecl> vars,
    Sort sortOptions,
    OpenApi openapi,
    Place root) {

  static final String KUSTOMIZATION = "Kustomization";
  static final String COMPONENT = "Component";

  /** The top-level fields, in their canonical spelling (kustomize's JSON tags). */
  enum Field {
    KIND("kind"),
    API_VERSION("apiVersion"),
    METADATA("metadata"),
    OPENAPI("openapi"),
    NAME_PREFIX("namePrefix"),
    NAME_SUFFIX("nameSuffix"),
    NAMESPACE("namespace"),
    COMMON_LABELS("commonLabels"),
    LABELS("labels"),
    COMMON_ANNOTATIONS("commonAnnotations"),
    PATCHES_STRATEGIC_MERGE("patchesStrategicMerge"),
    PATCHES_JSON6902("patchesJson6902"),
    PATCHES("patches"),
    IMAGES("images"),
    IMAGE_TAGS("imageTags"),
    REPLACEMENTS("replacements"),
    REPLICAS("replicas"),
    VARS("vars"),
    SORT_OPTIONS("sortOptions"),
    RESOURCES("resources"),
    COMPONENTS("components"),
    CRDS("crds"),
    BASES("bases"),
    CONFIG_MAP_GENERATOR("configMapGenerator"),
    SECRET_GENERATOR("secretGenerator"),
    HELM_GLOBALS("helmGlobals"),
    HELM_CHARTS("helmCharts"),
    HELM_CHART_INFLATION_GENERATOR("helmChartInflationGenerator"),
    GENERATOR_OPTIONS("generatorOptions"),
    CONFIGURATIONS("configurations"),
    GENERATORS("generators"),
    TRANSFORMERS("transformers"),
    VALIDATORS("validators"),
    BUILD_METADATA("buildMetadata");

    private final String key;

    Field(String key) {
      this.key = key;
    }

    /** The field as kustomize spells it. */
    String key() {
      return key;
    }

    static Field of(String key) {
      for (Field f : values()) {
        if (f.key.equals(key)) {
          return f;
        }
      }
      throw new IllegalArgumentException("not a kustomization field: " + key);
    }
  }

  /**
   * Where a value of the file stands, as a canonical JSON pointer ({@code /patches/0/path}); looked
   * up only when a diagnostic asks for it.
   */
  record Place(Positions positions, String pointer) {
    /** The position of the value. */
    SourcePosition at() {
      return positions.value(pointer);
    }

    /** The position of the value's key (falls back to the value). */
    SourcePosition key() {
      return positions.key(pointer);
    }

    Place child(String token) {
      return new Place(positions, pointer + "/" + SourceMap.escape(token));
    }

    Place child(int index) {
      return new Place(positions, pointer + "/" + index);
    }
  }

  /** A scalar list entry and its place. */
  record Item<T>(T value, Place place) {}

  /** A {@code labels:} entry. {@code fields} are field specs, decoded by {@code config}. */
  record Label(
      Map<String, String> pairs,
      boolean includeSelectors,
      boolean includeTemplates,
      JsonNode fields,
      Place place) {}

  /** A {@code configMapGenerator:} or {@code secretGenerator:} entry. */
  record DataGeneratorEntry(DataGenerator.Args args, Place place) {}

  /** A {@code patches:} or {@code patchesJson6902:} entry; {@code target} null when absent. */
  record Patch(String path, String patch, PatchTarget target, PatchOptions options, Place place) {
    Place pathPlace() {
      return place.child("path");
    }

    Place patchPlace() {
      return place.child("patch");
    }

    Place targetPlace() {
      return place.child("target");
    }
  }

  /** A {@code replicas:} entry. */
  record Replica(String name, long count, Place place) {}

  /**
   * A {@code vars:} entry: the object it reads ({@code objref}, an apiVersion folded into the group
   * and version) and the field ({@code metadata.name} when not given).
   */
  record VarDecl(
      String name,
      Gvk objGvk,
      String objName,
      String objNamespace,
      String fieldPath,
      Place place) {}

  /** {@code sortOptions:} as written; {@code Kustomizer} checks and interprets it. */
  record Sort(
      String order,
      boolean hasLegacy,
      List<String> orderFirst,
      List<String> orderLast,
      Place place) {}

  /** {@code openapi:}: {@code path} and {@code version} are null when not given. */
  record OpenApi(String path, String version, Place place) {
    Place pathPlace() {
      return place.child("path");
    }
  }

  /** The kind, {@code Kustomization} when not given. */
  String kind() {
    return kindField.isEmpty() ? KUSTOMIZATION : kindField;
  }

  boolean isComponent() {
    return COMPONENT.equals(kind());
  }

  /** Whether the file sets {@code field} (even to null). */
  boolean has(Field field) {
    return present.contains(field);
  }

  /** The place of a top-level field. */
  Place place(Field field) {
    return root.child(field.key());
  }

  /** The position of the whole file (for problems without a better place). */
  SourcePosition filePosition() {
    return SourcePosition.of(file);
  }

  /**
   * Builds the model from the decoded tree ({@code fields}, canonical spelling) and the tree as
   * written ({@code raw}, for positions: keys match case-insensitively,
   * docs/kustomize.md#the-kustomization-file).
   */
  static Kustomization of(Path file, ObjectNode fields, ObjectNode raw, SourceMap sourceMap) {
    Place root = new Place(new Positions(sourceMap, raw), "");
    Set<Field> present = EnumSet.noneOf(Field.class);
    for (String name : fields.propertyNames()) {
      present.add(Field.of(name));
    }
    Decoder d = new Decoder(fields, root);
    List<Item<String>> resources = d.strings(Field.RESOURCES);
    resources.addAll(d.strings(Field.BASES));
    List<Image> images = new ArrayList<>();
    for (Field f : List.of(Field.IMAGES, Field.IMAGE_TAGS)) {
      d.objects(f, (i, at) -> i).forEach(i -> images.add(image(i)));
    }
    return new Kustomization(
        file,
        Collections.unmodifiableSet(present),
        Trees.text(fields, Field.KIND.key()),
        Trees.text(fields, Field.API_VERSION.key()),
        List.copyOf(resources),
        List.copyOf(d.strings(Field.COMPONENTS)),
        List.copyOf(d.strings(Field.CRDS)),
        List.copyOf(d.strings(Field.CONFIGURATIONS)),
        List.copyOf(d.strings(Field.GENERATORS)),
        List.copyOf(d.strings(Field.TRANSFORMERS)),
        List.copyOf(d.strings(Field.VALIDATORS)),
        List.copyOf(d.strings(Field.BUILD_METADATA)),
        Trees.text(fields, Field.NAMESPACE.key()),
        Trees.text(fields, Field.NAME_PREFIX.key()),
        Trees.text(fields, Field.NAME_SUFFIX.key()),
        Trees.stringMap(fields.get(Field.COMMON_LABELS.key())),
        Trees.stringMap(fields.get(Field.COMMON_ANNOTATIONS.key())),
        d.objects(Field.LABELS, Kustomization::label),
        generatorOptions(fields.get(Field.GENERATOR_OPTIONS.key())),
        d.objects(Field.CONFIG_MAP_GENERATOR, (g, at) -> generator("ConfigMap", g, at)),
        d.objects(Field.SECRET_GENERATOR, (g, at) -> generator("Secret", g, at)),
        List.copyOf(d.strings(Field.PATCHES_STRATEGIC_MERGE)),
        d.objects(Field.PATCHES, Kustomization::patch),
        d.objects(Field.PATCHES_JSON6902, Kustomization::patch),
        d.objects(
            Field.REPLICAS,
            (r, at) -> new Replica(Trees.text(r, "name"), r.path("count").asLong(0), at)),
        List.copyOf(images),
        d.objects(Field.REPLACEMENTS, Item::new),
        d.objects(Field.VARS, Kustomization::var),
        sort(fields.get(Field.SORT_OPTIONS.key()), root.child(Field.SORT_OPTIONS.key())),
        openapi(fields.get(Field.OPENAPI.key()), root.child(Field.OPENAPI.key())),
        root);
  }

  private static Label label(ObjectNode l, Place at) {
    return new Label(
        Trees.stringMap(l.get("pairs")),
        l.path("includeSelectors").asBoolean(false),
        l.path("includeTemplates").asBoolean(false),
        l.get("fields"),
        at);
  }

  private static DataGeneratorEntry generator(String kind, ObjectNode g, Place at) {
    List<String> envs = new ArrayList<>(Trees.strings(g, "envs"));
    if (!Trees.text(g, "env").isEmpty()) {
      envs.add(Trees.text(g, "env"));
    }
    return new DataGeneratorEntry(
        new DataGenerator.Args(
            kind,
            Trees.text(g, "name"),
            Trees.text(g, "namespace"),
            Trees.text(g, "behavior"),
            Trees.strings(g, "literals"),
            Trees.strings(g, "files"),
            envs,
            generatorOptions(g.get("options")),
            Trees.text(g, "type")),
        at);
  }

  private static GeneratorOptions generatorOptions(JsonNode n) {
    if (!(n instanceof ObjectNode o)) {
      return null;
    }
    return new GeneratorOptions(
        o.has("labels") ? Trees.stringMap(o.get("labels")) : null,
        o.has("annotations") ? Trees.stringMap(o.get("annotations")) : null,
        o.path("disableNameSuffixHash").asBoolean(false),
        o.path("immutable").asBoolean(false));
  }

  private static Patch patch(ObjectNode e, Place at) {
    JsonNode t = e.get("target");
    PatchTarget target =
        t == null || t.isNull()
            ? null
            : new PatchTarget(
                Trees.text(t, "group"),
                Trees.text(t, "version"),
                Trees.text(t, "kind"),
                Trees.text(t, "name"),
                Trees.text(t, "namespace"),
                Trees.text(t, "labelSelector"),
                Trees.text(t, "annotationSelector"));
    Map<String, String> opts = Trees.stringMap(e.get("options"));
    return new Patch(
        Trees.text(e, "path"),
        Trees.text(e, "patch"),
        target,
        new PatchOptions(
            "true".equals(opts.get("allowNameChange")), "true".equals(opts.get("allowKindChange"))),
        at);
  }

  private static Image image(ObjectNode i) {
    return new Image(
        Trees.text(i, "name"),
        Trees.text(i, "newName"),
        Trees.text(i, "newTag"),
        Trees.text(i, "digest"),
        Trees.text(i, "tagSuffix"));
  }

  private static VarDecl var(ObjectNode v, Place at) {
    ObjectNode ref = v.get("objref") instanceof ObjectNode o ? o : v.objectNode();
    String apiVersion = Trees.text(ref, "apiVersion");
    Gvk gvk =
        new Gvk(Trees.text(ref, "group"), Trees.text(ref, "version"), Trees.text(ref, "kind"));
    if (!apiVersion.isEmpty()) {
      String[] parts = apiVersion.split("/", -1);
      gvk =
          parts.length == 2
              ? new Gvk(parts[0], parts[1], gvk.kind())
              : parts.length == 1 ? new Gvk(gvk.group(), parts[0], gvk.kind()) : gvk;
    }
    JsonNode fr = v.get("fieldref");
    String fieldPath = fr == null ? "" : Trees.text(fr, "fieldPath");
    return new VarDecl(
        Trees.text(v, "name"),
        gvk,
        Trees.text(ref, "name"),
        Trees.text(ref, "namespace"),
        fieldPath.isEmpty() ? "metadata.name" : fieldPath,
        at);
  }

  private static Sort sort(JsonNode n, Place at) {
    if (!(n instanceof ObjectNode so)) {
      return null;
    }
    JsonNode legacy = so.get("legacySortOptions");
    boolean hasLegacy = legacy != null && !legacy.isNull();
    return new Sort(
        Trees.text(so, "order"),
        hasLegacy,
        Trees.strings(legacy, "orderFirst"),
        Trees.strings(legacy, "orderLast"),
        at);
  }

  private static OpenApi openapi(JsonNode n, Place at) {
    Map<String, String> m = Trees.stringMap(n);
    return new OpenApi(m.get("path"), m.get("version"), at);
  }

  /** Reads the list fields of the decoded tree with their places. */
  private record Decoder(ObjectNode fields, Place root) {
    /** A list-of-strings field (empty when absent). */
    List<Item<String>> strings(Field field) {
      List<Item<String>> out = new ArrayList<>();
      JsonNode n = fields.get(field.key());
      if (n != null) {
        Place p = root.child(field.key());
        int i = 0;
        for (JsonNode e : n) {
          out.add(new Item<>(Trees.text(e), p.child(i++)));
        }
      }
      return out;
    }

    /** A list-of-objects field (empty when absent); null elements read as empty objects. */
    <T> List<T> objects(Field field, BiFunction<ObjectNode, Place, T> decode) {
      List<T> out = new ArrayList<>();
      JsonNode n = fields.get(field.key());
      if (n != null) {
        Place p = root.child(field.key());
        int i = 0;
        for (JsonNode e : n) {
          out.add(decode.apply(e instanceof ObjectNode o ? o : fields.objectNode(), p.child(i++)));
        }
      }
      return List.copyOf(out);
    }
  }

  /**
   * Positions in the file: canonical pointers mapped back to the keys as written (the first token
   * matches case-insensitively, the last spelling wins, as Go's decoder does).
   */
  static final class Positions {
    private final SourceMap sourceMap;
    private final ObjectNode raw;

    Positions(SourceMap sourceMap, ObjectNode raw) {
      this.sourceMap = sourceMap;
      this.raw = raw;
    }

    SourcePosition value(String pointer) {
      return sourceMap.positionOf(rawPointer(pointer));
    }

    SourcePosition key(String pointer) {
      return sourceMap.keyPosition(rawPointer(pointer));
    }

    private String rawPointer(String path) {
      if (path.isEmpty()) {
        return path;
      }
      int slash = path.indexOf('/', 1);
      String first = slash < 0 ? path.substring(1) : path.substring(1, slash);
      String rest = slash < 0 ? "" : path.substring(slash);
      String written = first;
      if (raw != null) {
        for (String k : raw.propertyNames()) {
          if (k.equalsIgnoreCase(first)) {
            written = k;
          }
        }
      }
      return "/" + SourceMap.escape(written) + rest;
    }
  }
}
