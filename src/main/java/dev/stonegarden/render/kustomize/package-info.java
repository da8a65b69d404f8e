/**
 * The overlay engine: builds a kustomization directory exactly as {@code kubectl kustomize}
 * (kustomize 5.5.0) does (kustomize's {@code krusty} and {@code internal/target}). {@link
 * dev.stonegarden.render.kustomize.Kustomizer} is the entry point; {@code KustTarget} holds the
 * per-level pipeline as one literal list of steps; {@code builtins} holds the generators and
 * transformers, {@code config} the field-spec tables, {@code patch} the strategic-merge and JSON
 * 6902 patches. What it does, for users: docs/kustomize.md.
 */
package dev.stonegarden.render.kustomize;
