package dev.stonegarden.render.kustomize;

import static dev.stonegarden.render.kustomize.GoJsonType.ANY;
import static dev.stonegarden.render.kustomize.GoJsonType.BOOL;
import static dev.stonegarden.render.kustomize.GoJsonType.INT;
import static dev.stonegarden.render.kustomize.GoJsonType.INT64;
import static dev.stonegarden.render.kustomize.GoJsonType.STRING;
import static dev.stonegarden.render.kustomize.GoJsonType.listOf;
import static dev.stonegarden.render.kustomize.GoJsonType.mapOf;
import static dev.stonegarden.render.kustomize.GoJsonType.struct;

import dev.stonegarden.render.kustomize.GoJsonType.Struct;

/**
 * The shape of a kustomization file: kustomize 5.5's {@code types.Kustomization} and the structs it
 * contains, as Go's JSON decoder sees them (field names, Go type names for messages).
 */
final class KustomizationSchema {
  private KustomizationSchema() {}

  static final Struct FIELD_SPEC =
      struct("FieldSpec")
          .field("group", STRING)
          .field("version", STRING)
          .field("kind", STRING)
          .field("path", STRING)
          .field("create", BOOL);

  static final Struct SELECTOR =
      struct("Selector")
          .field("group", STRING)
          .field("version", STRING)
          .field("kind", STRING)
          .field("name", STRING)
          .field("namespace", STRING)
          .field("annotationSelector", STRING)
          .field("labelSelector", STRING);

  static final Struct OBJECT_META =
      struct("ObjectMeta")
          .field("name", STRING)
          .field("namespace", STRING)
          .field("labels", mapOf(STRING))
          .field("annotations", mapOf(STRING));

  static final Struct LABEL =
      struct("Label")
          .field("pairs", mapOf(STRING))
          .field("includeSelectors", BOOL)
          .field("includeTemplates", BOOL)
          .field("fields", listOf(FIELD_SPEC));

  static final Struct PATCH =
      struct("Patch")
          .field("path", STRING)
          .field("patch", STRING)
          .field("target", SELECTOR.ptr())
          .field("options", mapOf(BOOL));

  static final Struct IMAGE =
      struct("Image")
          .field("name", STRING)
          .field("newName", STRING)
          .field("tagSuffix", STRING)
          .field("newTag", STRING)
          .field("digest", STRING);

  static final Struct REPLICA = struct("Replica").field("name", STRING).field("count", INT64);

  static final Struct TARGET =
      struct("Target")
          .field("group", STRING)
          .field("version", STRING)
          .field("kind", STRING)
          .field("apiVersion", STRING)
          .field("name", STRING)
          .field("namespace", STRING);

  static final Struct FIELD_SELECTOR = struct("FieldSelector").field("fieldPath", STRING);

  static final Struct VAR =
      struct("Var").field("name", STRING).field("objref", TARGET).field("fieldref", FIELD_SELECTOR);

  static final Struct LEGACY_SORT =
      struct("LegacySortOptions")
          .field("orderFirst", listOf(STRING))
          .field("orderLast", listOf(STRING));

  static final Struct SORT_OPTIONS =
      struct("SortOptions").field("order", STRING).field("legacySortOptions", LEGACY_SORT.ptr());

  static final Struct GENERATOR_OPTIONS =
      struct("GeneratorOptions")
          .field("labels", mapOf(STRING))
          .field("annotations", mapOf(STRING))
          .field("disableNameSuffixHash", BOOL)
          .field("immutable", BOOL);

  static final Struct CONFIG_MAP_ARGS = generatorArgs("ConfigMapArgs");
  static final Struct SECRET_ARGS = generatorArgs("SecretArgs").field("type", STRING);

  static final Struct FIELD_OPTIONS =
      struct("FieldOptions")
          .field("delimiter", STRING)
          .field("index", INT)
          .field("encoding", STRING)
          .field("create", BOOL);

  static final Struct SOURCE_SELECTOR =
      struct("SourceSelector")
          .field("group", STRING)
          .field("version", STRING)
          .field("kind", STRING)
          .field("name", STRING)
          .field("namespace", STRING)
          .field("fieldPath", STRING)
          .field("options", FIELD_OPTIONS.ptr());

  static final Struct TARGET_SELECTOR =
      struct("TargetSelector")
          .field("select", SELECTOR.ptr())
          .field("reject", listOf(SELECTOR.ptr()))
          .field("fieldPaths", listOf(STRING))
          .field("options", FIELD_OPTIONS.ptr());

  static final Struct REPLACEMENT_FIELD =
      struct("ReplacementField")
          .field("source", SOURCE_SELECTOR.ptr())
          .field("targets", listOf(TARGET_SELECTOR.ptr()))
          .field("path", STRING);

  static final Struct KUSTOMIZATION =
      struct("Kustomization")
          .field("kind", STRING)
          .field("apiVersion", STRING)
          .field("metadata", OBJECT_META.ptr())
          .field("openapi", mapOf(STRING))
          .field("namePrefix", STRING)
          .field("nameSuffix", STRING)
          .field("namespace", STRING)
          .field("commonLabels", mapOf(STRING))
          .field("labels", listOf(LABEL))
          .field("commonAnnotations", mapOf(STRING))
          .field("patchesStrategicMerge", listOf(STRING))
          .field("patchesJson6902", listOf(PATCH))
          .field("patches", listOf(PATCH))
          .field("images", listOf(IMAGE))
          .field("imageTags", listOf(IMAGE))
          .field("replacements", listOf(REPLACEMENT_FIELD))
          .field("replicas", listOf(REPLICA))
          .field("vars", listOf(VAR))
          .field("sortOptions", SORT_OPTIONS.ptr())
          .field("resources", listOf(STRING))
          .field("components", listOf(STRING))
          .field("crds", listOf(STRING))
          .field("bases", listOf(STRING))
          .field("configMapGenerator", listOf(CONFIG_MAP_ARGS))
          .field("secretGenerator", listOf(SECRET_ARGS))
          .field("helmGlobals", ANY)
          .field("helmCharts", ANY)
          .field("helmChartInflationGenerator", ANY)
          .field("generatorOptions", GENERATOR_OPTIONS.ptr())
          .field("configurations", listOf(STRING))
          .field("generators", listOf(STRING))
          .field("transformers", listOf(STRING))
          .field("validators", listOf(STRING))
          .field("buildMetadata", listOf(STRING));

  private static Struct generatorArgs(String name) {
    return struct(name)
        .field("namespace", STRING)
        .field("name", STRING)
        .field("behavior", STRING)
        .field("literals", listOf(STRING))
        .field("files", listOf(STRING))
        .field("envs", listOf(STRING))
        .field("env", STRING)
        .field("options", GENERATOR_OPTIONS.ptr());
  }
}
