package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import dev.stonegarden.render.yaml.Trees;
import java.util.HashSet;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * Puts every namespaced object into the environment's namespace (docs/rendering.md#namespace):
 * service.yaml is the single source of truth, so an object the overlay placed elsewhere is an error
 * naming its file, and so is an Argo CD application namespace that differs. Emits the {@code
 * Namespace} object unless the overlay has one (it is labelled later, like everything else).
 *
 * <p>Not kustomize's {@code namespace:} ({@link
 * dev.stonegarden.render.kustomize.builtins.NamespaceTransformer}), which overwrites every
 * namespace it finds: this step only fills empty ones and refuses the others.
 *
 * <p>Only an empty namespace counts as "not placed"; an explicit {@code default} is a placement and
 * an error like any other name (the overlay's {@code namespace:} is the usual way to set it).
 * Cluster-scoped kinds are those kustomize knows (docs/kustomize.md#resource-identity), see {@link
 * dev.stonegarden.render.resource.Scope}.
 *
 * @param namespace the environment's namespace from service.yaml
 * @param argoAppNamespace {@code ARGOCD_APP_NAMESPACE}, or null
 * @param namespaceAt where service.yaml sets the namespace (for messages and the Namespace's
 *     origin)
 */
public record EnvironmentNamespaceTransformer(
    String namespace, String argoAppNamespace, SourcePosition namespaceAt) implements Transformer {

  @Override
  public void transform(ResourceList resources) {
    Problems problems = new Problems();
    if (argoAppNamespace != null
        && !argoAppNamespace.isEmpty()
        && !argoAppNamespace.equals(namespace)) {
      problems.error(
          namespaceAt,
          "Argo CD deploys this application to namespace "
              + argoAppNamespace
              + " (ARGOCD_APP_NAMESPACE), but service.yaml"
              + " says "
              + namespace
              + ": set the Application's destination namespace to "
              + namespace);
    }
    boolean hasNamespaceObject = false;
    for (Resource r : resources) {
      if (KindTables.is(r, KindTables.NAMESPACE)) {
        hasNamespaceObject |= namespace.equals(r.name());
        continue;
      }
      if (KindTables.clusterScoped(r)) {
        continue;
      }
      String placed = r.namespace();
      if (!placed.isEmpty() && !placed.equals(namespace)) {
        problems.error(
            r.positionOf("/metadata/namespace"),
            Nodes.describe(r)
                + " is placed in namespace "
                + placed
                + " by the overlay, but the environment's namespace"
                + " is "
                + namespace
                + " (service.yaml): remove the namespace from this file or the overlay");
      }
      r.setNamespace(namespace);
    }
    bindServiceAccounts(resources);
    if (!hasNamespaceObject) {
      ObjectNode body = Nodes.newObject("v1", "Namespace", namespace, null);
      resources.add(Nodes.generated(body, namespaceAt));
    }
    problems.throwIfErrors();
  }

  /**
   * Role bindings name ServiceAccounts with a namespace of their own; a subject that names a
   * ServiceAccount of this output without a namespace gets the environment's (kustomize does the
   * same for its {@code namespace:}, docs/kustomize.md#namespace).
   */
  private void bindServiceAccounts(ResourceList resources) {
    Set<String> accounts = new HashSet<>(); // looked up only
    for (Resource r : resources) {
      if (KindTables.is(r, KindTables.SERVICE_ACCOUNT)) {
        accounts.add(r.name());
      }
    }
    for (Resource r : resources) {
      if (!KindTables.is(r, KindTables.ROLE_BINDING)
          && !KindTables.is(r, KindTables.CLUSTER_ROLE_BINDING)) {
        continue;
      }
      for (ObjectNode subject : Nodes.objects(r.body(), "subjects")) {
        if (Trees.string(subject, "kind").equals("ServiceAccount")
            && Trees.string(subject, "namespace").isEmpty()
            && accounts.contains(Trees.string(subject, "name"))) {
          subject.put("namespace", namespace);
        }
      }
    }
  }

  /** What {@code --verbose} prints. */
  @Override
  public String toString() {
    return "namespace: "
        + namespace
        + (argoAppNamespace == null || argoAppNamespace.isEmpty()
            ? ""
            : " (Argo CD destination " + argoAppNamespace + ")");
  }
}
