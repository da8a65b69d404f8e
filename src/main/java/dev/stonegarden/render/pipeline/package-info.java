/**
 * The two step types every stage is built from: {@link dev.stonegarden.render.pipeline.Transformer}
 * (changes the resources of a build) and {@link dev.stonegarden.render.pipeline.Generator} (adds
 * new ones), kustomize's {@code resmap.Transformer} and {@code resmap.Generator}.
 */
package dev.stonegarden.render.pipeline;
