package dev.stonegarden.render.platform;

import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Argo CD annotations that make a sync safe by default (docs/appset.md#safe-by-default):
 *
 * <ul>
 *   <li>{@code argocd.argoproj.io/sync-options: Prune=false,Delete=false} on the Namespace and on
 *       every PersistentVolumeClaim, so that neither a prune (a service directory removed from the
 *       repository) nor deleting the Application deletes the namespace or the data; options the
 *       overlay already set on the object are kept, ours are appended;
 *   <li>{@code argocd.argoproj.io/sync-wave: "-1"} on ConfigMaps, Secrets, Services,
 *       AnalysisTemplates and OpenFeature's FeatureFlags and FeatureFlagSources, so they are
 *       applied before the workloads that use them (wave 0) — only when no rendered object carries
 *       a sync wave: an overlay that sets any wave orders its objects itself, and a wave added next
 *       to its own could reorder them.
 * </ul>
 *
 * Runs after every generator, so generated objects (the Namespace, AnalysisTemplates) get them too.
 */
public record SyncSafetyTransformer() implements Transformer {
  static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
  static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";

  /** The options that keep an object when it is pruned or its Application is deleted. */
  static final List<String> KEEP = List.of("Prune=false", "Delete=false");

  /** The wave of what the workloads need, applied before them. */
  static final String EARLY_WAVE = "-1";

  private static final List<Gvk> KEPT =
      List.of(KindTables.NAMESPACE, KindTables.PERSISTENT_VOLUME_CLAIM);

  private static final List<Gvk> EARLY =
      List.of(
          KindTables.CONFIG_MAP,
          KindTables.SECRET,
          KindTables.SERVICE,
          KindTables.ANALYSIS_TEMPLATE,
          // the flagd sidecar is injected only if these exist when the pod is created
          // (docs/feature-flags.md#sidecar-injection)
          KindTables.FEATURE_FLAG,
          KindTables.FEATURE_FLAG_SOURCE);

  @Override
  public void transform(ResourceList resources) {
    boolean overlayOrders = false;
    for (Resource r : resources) {
      if (annotation(r, SYNC_WAVE) != null) {
        overlayOrders = true;
        break;
      }
    }
    for (Resource r : resources) {
      Gvk gvk = r.gvk();
      if (KEPT.stream().anyMatch(k -> k.sameGroupKind(gvk))) {
        keep(r);
      }
      if (!overlayOrders && EARLY.stream().anyMatch(k -> k.sameGroupKind(gvk))) {
        Nodes.child(r.metadata(), "annotations").put(SYNC_WAVE, EARLY_WAVE);
      }
    }
  }

  private static void keep(Resource r) {
    String existing = annotation(r, SYNC_OPTIONS);
    List<String> options = new ArrayList<>();
    if (existing != null) {
      for (String option : existing.split(",")) {
        if (!option.isBlank()) {
          options.add(option.trim());
        }
      }
    }
    for (String option : KEEP) {
      String key = option.substring(0, option.indexOf('=') + 1);
      // An overlay that says Prune=true (or Delete=true) on purpose keeps its word.
      if (options.stream().noneMatch(o -> o.startsWith(key))) {
        options.add(option);
      }
    }
    Nodes.child(r.metadata(), "annotations").put(SYNC_OPTIONS, String.join(",", options));
  }

  private static String annotation(Resource r, String key) {
    JsonNode annotations = r.metadata().get("annotations");
    if (annotations instanceof ObjectNode a && a.get(key) != null && a.get(key).isString()) {
      return a.get(key).stringValue();
    }
    return null;
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    return "sync safety: Prune=false,Delete=false on the Namespace and PVCs, sync wave "
        + EARLY_WAVE
        + " for what workloads need (unless the overlay sets waves)";
  }
}
