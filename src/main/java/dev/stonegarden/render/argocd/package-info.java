/**
 * What platform-render needs to know about Argo CD: the environment a Config Management Plugin
 * command is started with (docs/argocd.md#environment-variables), how that picks the environment to
 * render (docs/rendering.md#choosing-the-environment) and bounds the repository
 * (docs/rendering.md#repository-root), and the dynamic parameter announcement of {@code cmp
 * parameters} (docs/argocd.md#parameters).
 *
 * <p>There is no kustomize counterpart: kustomize knows nothing of Argo CD. The closest relatives
 * are Argo CD's own {@code ApplicationSourcePluginParameters.Environ} (which builds the variables
 * parsed here) and third-party plugins such as argocd-lovely-plugin and argocd-vault-plugin.
 */
package dev.stonegarden.render.argocd;
