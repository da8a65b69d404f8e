package dev.stonegarden.render.kustomize.builtins;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.Trees;
import dev.stonegarden.render.kustomize.config.TransformerConfig;
import dev.stonegarden.render.kustomize.config.TransformerConfigs;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Name references and vars after a rename (docs/kustomize.md#name-references,
 * docs/kustomize.md#vars-and-replacements): the expected text is what {@code kubectl kustomize}
 * printed for {@code namePrefix: p-} and one var over the same input with {@code sortOptions: fifo}
 * (checked by hand).
 */
class NameReferenceAndVarsTest {

  @Test
  void referencesFollowRenamesAndVarsAreSubstitutedInVarReferenceFields() {
    ResourceList list =
        Trees.resources(
            """
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: cfg}
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: sa}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata: {name: rb}
        roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: r}
        subjects:
        - {kind: ServiceAccount, name: sa}
        - {kind: ServiceAccount, name: external}
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata: {name: r}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: d}
        spec:
          template:
            spec:
              serviceAccountName: sa
              containers:
              - name: c
                envFrom: [{configMapRef: {name: cfg}}, {configMapRef: {name: not-in-build}}]
                args: ["$(CFG)", "x-$(CFG)-y", "$(NOPE)"]
        """);
    TransformerConfig tc =
        TransformerConfig.empty().merge(TransformerConfigs.builtin(), SourcePosition.none());
    new NameAffixTransformer("p-", true, tc.namePrefix()).transform(list);
    Resource cfg = list.get(0);
    cfg.addRefVarName("CFG");
    new NameReferenceTransformer(tc.nameReference()).transform(list);
    VarTransformer vars =
        new VarTransformer(
            List.of(
                new VarTransformer.Var(
                    "CFG",
                    new Gvk("", "v1", "ConfigMap"),
                    "cfg",
                    "",
                    "metadata.name",
                    SourcePosition.none())),
            tc.varReference());
    vars.transform(list);
    List<Diagnostic> warnings = vars.warnings(list);
    assertEquals(
        """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: p-cfg
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata:
          name: p-sa
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: RoleBinding
        metadata:
          name: p-rb
        roleRef:
          apiGroup: rbac.authorization.k8s.io
          kind: Role
          name: p-r
        subjects:
        - kind: ServiceAccount
          name: p-sa
        - kind: ServiceAccount
          name: external
        ---
        apiVersion: rbac.authorization.k8s.io/v1
        kind: Role
        metadata:
          name: p-r
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: p-d
        spec:
          template:
            spec:
              containers:
              - args:
                - p-cfg
                - x-p-cfg-y
                - $(NOPE)
                envFrom:
                - configMapRef:
                    name: p-cfg
                - configMapRef:
                    name: not-in-build
                name: c
              serviceAccountName: p-sa
        """,
        Trees.yaml(list));
    assertEquals(List.of(), warnings);
  }
}
