package dev.stonegarden.render.kustomize.patch;

import tools.jackson.databind.node.ObjectNode;

/**
 * What a strategic merge did to one resource: its body, merged in place, or the news that a
 * top-level {@code $patch: delete} removed the whole resource (docs/kustomize.md#strategic-merge).
 *
 * @param body the original object after the merge (the same instance that was passed in)
 * @param deleted true when the patch deleted the resource; then {@code body} is meaningless
 */
public record MergeResult(ObjectNode body, boolean deleted) {}
