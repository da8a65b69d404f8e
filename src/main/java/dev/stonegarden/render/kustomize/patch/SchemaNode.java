package dev.stonegarden.render.kustomize.patch;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One node of an OpenAPI schema, reduced to what kyaml's merge walk consults: properties, array
 * items, map values, a {@code $ref}, and the patch extensions ({@code openapi.ResourceSchema}).
 * References are resolved lazily through the owning schema's definitions, which may be cyclic.
 */
final class SchemaNode {
  private final Map<String, SchemaNode> properties;
  private final SchemaNode items;
  private final SchemaNode additionalProperties;
  private final String ref;
  private final boolean array;
  private final String patchStrategy;
  private final List<String> keys;
  private final Function<String, SchemaNode> definitions;

  SchemaNode(
      Map<String, SchemaNode> properties,
      SchemaNode items,
      SchemaNode additionalProperties,
      String ref,
      boolean array,
      String patchStrategy,
      List<String> keys,
      Function<String, SchemaNode> definitions) {
    this.properties = properties == null ? Map.of() : properties;
    this.items = items;
    this.additionalProperties = additionalProperties;
    this.ref = ref;
    this.array = array;
    this.patchStrategy = patchStrategy == null ? "" : patchStrategy;
    this.keys = keys == null ? List.of() : List.copyOf(keys);
    this.definitions = definitions;
  }

  /** A node that only refers to a definition. */
  static SchemaNode ref(String definition, Function<String, SchemaNode> definitions) {
    return new SchemaNode(null, null, null, definition, false, "", List.of(), definitions);
  }

  /** Follows {@code $ref}s; null when a reference cannot be resolved (kyaml then has no schema). */
  SchemaNode resolved() {
    SchemaNode s = this;
    int hops = 0;
    while (s != null && s.ref != null) {
      if (++hops > 64) {
        return null; // a reference cycle without content: treat as no schema
      }
      s = s.definitions.apply(s.ref);
    }
    return s;
  }

  /**
   * The schema of a field: a property, else the map value schema ({@code ResourceSchema.Field}).
   */
  SchemaNode field(String name) {
    SchemaNode s = properties.get(name);
    if (s == null) {
      s = additionalProperties;
    }
    return s == null ? null : s.resolved();
  }

  /**
   * The schema of list elements, only for {@code type: array} ({@code ResourceSchema.Elements}).
   */
  SchemaNode elements() {
    if (!array || items == null) {
      return null;
    }
    return items.resolved();
  }

  /**
   * True when {@code x-kubernetes-patch-strategy} lists {@code merge} (kyaml's {@code
   * IsAssociative}).
   */
  boolean isAssociative() {
    for (String s : patchStrategy.split(",", -1)) {
      if (s.equals("merge")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The merge keys ({@code PatchStrategyAndKeyList}): list-map-keys if present, else the merge key,
   * else none (a list of scalars such as {@code finalizers}); none at all without a strategy.
   */
  List<String> mergeKeys() {
    return patchStrategy.isEmpty() ? List.of() : keys;
  }

  Map<String, SchemaNode> properties() {
    return properties;
  }

  List<String> keys() {
    return keys;
  }

  boolean isArray() {
    return array;
  }

  SchemaNode items() {
    return items;
  }

  String ref() {
    return ref;
  }
}
