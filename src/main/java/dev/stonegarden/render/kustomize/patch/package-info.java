/**
 * kustomize's patch engines: strategic merge as kyaml implements it ({@code kyaml/yaml/merge2},
 * {@code kyaml/yaml/walk}), RFC 6902 JSON patches with the semantics of {@code evanphx/json-patch}
 * v4, patch targets ({@code types.Selector}, {@code resWrangler.Select}) and the three builtin
 * patch transformers ({@code PatchTransformer}, {@code PatchStrategicMergeTransformer}, {@code
 * PatchJson6902Transformer}). The merge-key knowledge of the built-in Kubernetes 1.21.2 schema is
 * data ({@code mergekeys.txt}), see docs/kustomize.md#patches.
 */
package dev.stonegarden.render.kustomize.patch;
