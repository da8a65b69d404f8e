package dev.stonegarden.render.resource;

import static java.util.Objects.requireNonNull;

import java.util.Objects;

/**
 * The identity of a resource in a build: group, version, kind, name and namespace (kustomize's
 * {@code resid.ResId}). The namespace is kept as written; {@link #effectiveNamespace()}, the one
 * place that knows the scope of a kind, gives the namespace ids are compared by, and {@link #key()}
 * the identity as a value. The kustomize engine (accumulation, the namespace transformer, patch
 * targets, name references, replacements) and the platform checks all compare ids through it.
 */
public record ResId(Gvk gvk, String name, String namespace) {
  public static final String DEFAULT_NAMESPACE = "default";

  /**
   * kustomize's effective namespace of cluster-scoped objects ({@code resid.TotallyNotANamespace}):
   * a patch target's {@code namespace} pattern is matched against it
   * (docs/kustomize.md#resource-identity).
   */
  public static final String NON_NAMESPACEABLE = "_non_namespaceable_";

  public ResId {
    requireNonNull(gvk, "gvk == null");
    requireNonNull(name, "name == null");
    namespace = namespace == null ? "" : namespace;
  }

  /**
   * kustomize's {@code ResId.EffectiveNamespace}: {@link #NON_NAMESPACEABLE} for a cluster-scoped
   * kind (whatever namespace it was given), {@code default} for none, else the namespace.
   */
  public String effectiveNamespace() {
    if (Scope.isClusterScoped(gvk)) {
      return NON_NAMESPACEABLE;
    }
    return namespace.isEmpty() ? DEFAULT_NAMESPACE : namespace;
  }

  /**
   * The identity as a value, kustomize's {@code ResId.Equals}: same group, version, kind and name,
   * same effective namespace. Ids are the same when their keys are equal.
   */
  public record Key(Gvk gvk, String name, String effectiveNamespace) {
    // equals and hashCode are written out: a record's generated ones link through invokedynamic
    // (ObjectMethods), which the JDK 25 AOT cache does not keep, and this record is a key on every
    // render's path (docs/install.md#start-up).
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k
          && Objects.equals(name, k.name)
          && Objects.equals(gvk, k.gvk)
          && Objects.equals(effectiveNamespace, k.effectiveNamespace);
    }

    @Override
    public int hashCode() {
      return (Objects.hashCode(gvk) * 31 + Objects.hashCode(name)) * 31
          + Objects.hashCode(effectiveNamespace);
    }
  }

  public Key key() {
    return new Key(gvk, name, effectiveNamespace());
  }

  /** kustomize's {@code ResId.IsNsEquals}: the same effective namespace. */
  public boolean sameNamespace(ResId other) {
    return effectiveNamespace().equals(other.effectiveNamespace());
  }

  /**
   * kustomize's {@code ResId.GvknEquals}: same group, version, kind and name, namespace ignored.
   */
  public boolean sameGvkAndName(ResId other) {
    return gvk.equals(other.gvk) && name.equals(other.name);
  }

  /** kustomize's spelling in messages: {@code Deployment.v1.apps/web.prod}, {@code ...[noNs]}. */
  @Override
  public String toString() {
    return gvk + "/" + name + "." + (namespace.isEmpty() ? "[noNs]" : namespace);
  }
}
