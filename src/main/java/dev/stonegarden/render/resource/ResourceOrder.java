package dev.stonegarden.render.resource;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * kustomize's "legacy" output order (its {@code SortOrderTransformer},
 * docs/kustomize.md#output-order): kinds ranked by two lists, then the GVK string (group first),
 * then namespace and name, with an empty namespace sorting after every real one.
 */
public final class ResourceOrder implements Comparator<Resource> {
  /** Kinds that come first, in this order (ranks -22 .. -1). */
  public static final List<String> DEFAULT_ORDER_FIRST =
      List.of(
          "Namespace",
          "ResourceQuota",
          "StorageClass",
          "CustomResourceDefinition",
          "ServiceAccount",
          "PodSecurityPolicy",
          "Role",
          "ClusterRole",
          "RoleBinding",
          "ClusterRoleBinding",
          "ConfigMap",
          "Secret",
          "Endpoints",
          "Service",
          "LimitRange",
          "PriorityClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "Deployment",
          "StatefulSet",
          "CronJob",
          "PodDisruptionBudget");

  /** Kinds that come last, in this order (ranks 1, 2). */
  public static final List<String> DEFAULT_ORDER_LAST =
      List.of("MutatingWebhookConfiguration", "ValidatingWebhookConfiguration");

  private static final ResourceOrder LEGACY =
      new ResourceOrder(DEFAULT_ORDER_FIRST, DEFAULT_ORDER_LAST);

  // Only looked up by key.
  private final Map<String, Integer> ranks = new HashMap<>();

  /** The legacy order with custom first/last lists ({@code sortOptions.legacySortOptions}). */
  public ResourceOrder(List<String> orderFirst, List<String> orderLast) {
    for (int i = 0; i < orderFirst.size(); i++) {
      ranks.put(orderFirst.get(i), -orderFirst.size() + i);
    }
    for (int i = 0; i < orderLast.size(); i++) {
      ranks.put(orderLast.get(i), 1 + i);
    }
  }

  /** The default legacy order of {@code kubectl kustomize}. */
  public static Comparator<Resource> legacy() {
    return LEGACY;
  }

  @Override
  public int compare(Resource a, Resource b) {
    return compareIds(a.id(), b.id());
  }

  /** The comparison on ids, exposed for tests. */
  public int compareIds(ResId a, ResId b) {
    if (!a.gvk().equals(b.gvk())) {
      return compareGvk(a.gvk(), b.gvk());
    }
    return idSortString(a).compareTo(idSortString(b));
  }

  private int compareGvk(Gvk a, Gvk b) {
    int ra = ranks.getOrDefault(a.kind(), 0);
    int rb = ranks.getOrDefault(b.kind(), 0);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    int c = gvkSortString(a).compareTo(gvkSortString(b));
    // kustomize reverses the comparison for two Namespace kinds when one is in the core group (case
    // 026).
    if (a.kind().equals("Namespace")
        && b.kind().equals("Namespace")
        && (a.group().isEmpty() || b.group().isEmpty())) {
      return -c;
    }
    return c;
  }

  // Go compares strings byte-wise; for the UTF-16 code units of valid text that only differs for
  // surrogate pairs against U+E000..U+FFFF, which Kubernetes names never contain.
  private static String gvkSortString(Gvk g) {
    return (g.group().isEmpty() ? "~G" : g.group())
        + "_"
        + (g.version().isEmpty() ? "~V" : g.version())
        + "_"
        + (g.kind().isEmpty() ? "~K" : g.kind());
  }

  private static String idSortString(ResId id) {
    return id.gvk()
        + "|"
        + (id.namespace().isEmpty() ? "~X" : id.namespace())
        + "|"
        + (id.name().isEmpty() ? "~N" : id.name());
  }
}
