package dev.stonegarden.render.resource;

import static java.util.Objects.requireNonNull;

/**
 * The identity of a resource in a build: group, version, kind, name and namespace (kustomize's
 * {@code resid.ResId}). The namespace is kept as written; {@link #effectiveNamespace()} folds
 * {@code default} and empty together, as kustomize does when it compares ids.
 */
public record ResId(Gvk gvk, String name, String namespace) {
  public static final String DEFAULT_NAMESPACE = "default";

  public ResId {
    requireNonNull(gvk, "gvk == null");
    requireNonNull(name, "name == null");
    namespace = namespace == null ? "" : namespace;
  }

  /** The namespace used for comparisons: empty means {@code default}. */
  public String effectiveNamespace() {
    return namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  /**
   * Same kind of object and name, in the same effective namespace (cluster-scoped kinds: see
   * ResourceList).
   */
  public boolean sameAs(ResId other) {
    return gvk.equals(other.gvk)
        && name.equals(other.name)
        && effectiveNamespace().equals(other.effectiveNamespace());
  }

  /** kustomize's spelling in messages: {@code Deployment.v1.apps/web.prod}, {@code ...[noNs]}. */
  @Override
  public String toString() {
    return gvk + "/" + name + "." + (namespace.isEmpty() ? "[noNs]" : namespace);
  }
}
