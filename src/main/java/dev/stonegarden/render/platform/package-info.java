/**
 * The platform stage (docs/rendering.md#the-platform-steps): what {@code generate} adds to the
 * kustomize build of one environment. values.yaml, the environment's namespace, Deployment → Argo
 * Rollout conversion, AnalysisTemplates, SLO rules, dashboards, alert files, dependencies and
 * ownership labels, then the checks (docs/rendering.md#checks).
 *
 * <p>It corresponds to no kustomize piece; it is built the kustomize way (each step a small record
 * implementing {@code pipeline.Transformer} or {@code pipeline.Generator}, configuration in its
 * components) and plays the part jkube's enrichers play, without a common base class. {@link
 * dev.stonegarden.render.platform.PlatformStage#steps} is the table of contents.
 */
package dev.stonegarden.render.platform;
