package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.ScalarResolver;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.YamlVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last touch before printing (docs/kustomize.md#output-format,
 * docs/kustomize.md#keys-that-are-not-strings): kustomize's internal and origin annotations are
 * removed even when the input had them, an empty {@code annotations} map is dropped, and the
 * remaining annotations are rewritten the way kyaml's {@code SetAnnotations} does — values become
 * strings with the text they had in the file ({@code 1.10} stays {@code "1.10"}, {@code 0x1F} stays
 * {@code "0x1F"}), keys are re-typed as plain scalars, so a key such as {@code "1"} fails (case
 * 147).
 */
final class OutputCleaner {
  private static final List<String> STRIPPED_PREFIXES = List.of("internal.config.kubernetes.io/");
  private static final List<String> STRIPPED =
      List.of(
          "config.kubernetes.io/path",
          "config.kubernetes.io/index",
          "config.k8s.io/id",
          "config.kubernetes.io/origin",
          "alpha.config.kubernetes.io/transformations",
          "kustomize.config.k8s.io/id");

  private OutputCleaner() {}

  /** Cleans one object (its body, in place). */
  static ObjectNode clean(Resource r) {
    ObjectNode body = r.body();
    JsonNode metaNode = body.get("metadata");
    if (!(metaNode instanceof ObjectNode meta) || !meta.has("annotations")) {
      return body;
    }
    JsonNode a = meta.get("annotations");
    if (a == null || a.isNull()) {
      meta.remove("annotations");
      return body;
    }
    if (!(a instanceof ObjectNode annotations)) {
      return body;
    }
    for (String key : new ArrayList<>(annotations.propertyNames())) {
      if (STRIPPED.contains(key) || STRIPPED_PREFIXES.stream().anyMatch(key::startsWith)) {
        annotations.remove(key);
      }
    }
    if (annotations.isEmpty()) {
      meta.remove("annotations");
      return body;
    }
    for (Map.Entry<String, JsonNode> e : new ArrayList<>(annotations.properties())) {
      // kindOf, not the resolved value: a date-like key resolves to its RFC 3339 text, a string,
      // yet Go holds it as a time.Time map key, which JSON cannot encode (checked with kubectl).
      if (ScalarResolver.kindOf(e.getKey(), YamlVersion.YAML_1_2) != ScalarResolver.Kind.STRING) {
        throw new InputException(
            r.origin(),
            "annotation key '"
                + e.getKey()
                + "' of "
                + r.id()
                + " is not a string once kustomize re-types it (json: unsupported type: map[interface {}]interface {})");
      }
      annotations.put(
          e.getKey(),
          RawScalars.text(
              r, "/metadata/annotations/" + SourceMap.escape(e.getKey()), e.getValue()));
    }
    return body;
  }
}
