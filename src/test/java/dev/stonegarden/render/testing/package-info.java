/**
 * Test helpers shared across packages: {@link dev.stonegarden.render.testing.UpstreamSchemas}
 * validates rendered objects against the upstream Kubernetes and CRD schemas (the role kubeconform
 * plays beside kustomize); {@link dev.stonegarden.render.testing.Positions} gives a source map
 * positions by hand.
 */
package dev.stonegarden.render.testing;
