/**
 * Test helpers shared across packages: {@link dev.stonegarden.render.testing.UpstreamSchemas}
 * validates rendered objects against the upstream Kubernetes and CRD schemas (the role kubeconform
 * plays beside kustomize).
 */
package dev.stonegarden.render.testing;
