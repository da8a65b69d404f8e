/**
 * The builtin generators and transformers of one kustomization level, one small record per job
 * (kustomize's {@code api/internal/builtins} and {@code api/filters/*}): namespace, name prefix and
 * suffix, labels and annotations, images, replicas, replacements, ConfigMap/Secret generators; and
 * the steps of the top-level build: hash suffixes, name references, vars, local-config drop. Which
 * fields each one touches comes from {@link dev.stonegarden.render.kustomize.config}.
 */
package dev.stonegarden.render.kustomize.builtins;
