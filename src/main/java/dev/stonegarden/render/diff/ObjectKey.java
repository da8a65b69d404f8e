package dev.stonegarden.render.diff;

import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.yaml.Trees;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What identifies an object across two renders: group, kind, namespace and name (the version may
 * change: {@code autoscaling/v1} to {@code v2} is the same object).
 */
record ObjectKey(String group, String version, String kind, String namespace, String name) {
  // kustomize's name hash: 10 characters of an alphabet without vowels (docs/kustomize.md, "The
  // hash suffix": the encoding maps 0, 1, 3, a, e to g, h, k, m, t).
  private static final Pattern HASH = Pattern.compile("-[2456789bcdfghkmt]{10}$");

  static ObjectKey of(JsonNode doc) {
    Gvk gvk = Gvk.of(Trees.text(doc.get("apiVersion")), Trees.text(doc.get("kind")));
    JsonNode meta = doc.get("metadata");
    return new ObjectKey(
        gvk.group(),
        gvk.version(),
        gvk.kind(),
        meta == null ? "" : Trees.text(meta.get("namespace")),
        meta == null ? "" : Trees.text(meta.get("name")));
  }

  /** What two renders match objects by: an {@link ObjectKey} without the version. */
  record Identity(String group, String kind, String namespace, String name) {}

  /** The identity used for matching: the version left out. */
  Identity identity() {
    return new Identity(group, kind, namespace, name);
  }

  /** The identity with a kustomize hash suffix taken off the name, or null when it has none. */
  Identity identityWithoutHash() {
    if (!HASH.matcher(name).find()) {
      return null;
    }
    return new Identity(group, kind, namespace, name.substring(0, name.length() - 11));
  }

  /** {@code kind namespace/name}, or {@code kind name} for a cluster-scoped object. */
  String header() {
    return kind + " " + (namespace.isEmpty() ? name : namespace + "/" + name);
  }

  boolean isSecret() {
    return group.isEmpty() && kind.equals("Secret");
  }

  ResId resId() {
    return new ResId(new Gvk(group, version, kind), name, namespace);
  }
}
