package dev.stonegarden.render.resource;

import static java.util.Objects.requireNonNull;

/**
 * Group, version and kind of a resource. The core group is the empty string; {@code apiVersion: v1}
 * is group "" version "v1", {@code apps/v1} is group "apps" version "v1" (split at the first '/',
 * as kustomize's {@code resid.ParseGroupVersion}).
 */
public record Gvk(String group, String version, String kind) {

  public Gvk {
    requireNonNull(group, "group == null");
    requireNonNull(version, "version == null");
    requireNonNull(kind, "kind == null");
  }

  // equals and hashCode are written out: a record's generated ones link through invokedynamic
  // (ObjectMethods), which the JDK 25 AOT cache does not keep, and this record is a key on every
  // render's path (docs/install.md#start-up).
  @Override
  public boolean equals(Object o) {
    return o instanceof Gvk g
        && kind.equals(g.kind)
        && group.equals(g.group)
        && version.equals(g.version);
  }

  @Override
  public int hashCode() {
    return (group.hashCode() * 31 + version.hashCode()) * 31 + kind.hashCode();
  }

  /** Parses an apiVersion ({@code apps/v1}, {@code v1}, or empty) and pairs it with a kind. */
  public static Gvk of(String apiVersion, String kind) {
    String av = apiVersion == null ? "" : apiVersion;
    int slash = av.indexOf('/');
    return slash < 0
        ? new Gvk("", av, kind == null ? "" : kind)
        : new Gvk(av.substring(0, slash), av.substring(slash + 1), kind == null ? "" : kind);
  }

  /**
   * Whether {@code other} is the same kind of the same group, whatever its version: the API server
   * keeps one object under every version of its group, so the platform's kind tables match so.
   */
  public boolean sameGroupKind(Gvk other) {
    return kind.equals(other.kind) && group.equals(other.group);
  }

  /** {@code group/version}, or just {@code version} for the core group. */
  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** kustomize's spelling in messages: {@code Deployment.v1.apps}, {@code ConfigMap.v1.[noGrp]}. */
  @Override
  public String toString() {
    return (kind.isEmpty() ? "[noKind]" : kind)
        + "."
        + (version.isEmpty() ? "[noVer]" : version)
        + "."
        + (group.isEmpty() ? "[noGrp]" : group);
  }
}
