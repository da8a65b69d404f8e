/**
 * What platform-render needs to know about Argo CD: the environment a Config Management Plugin
 * command is started with (argocd-cmp.md §2), how that picks the environment to render (product.md
 * §6) and bounds the repository (product.md §1, argocd-cmp.md §3.1), and the dynamic parameter
 * announcement of {@code cmp parameters} (argocd-cmp.md §1.2).
 *
 * <p>There is no kustomize counterpart: kustomize knows nothing of Argo CD. The closest relatives
 * are Argo CD's own {@code ApplicationSourcePluginParameters.Environ} (which builds the variables
 * parsed here) and the third-party plugins described in argocd-cmp.md §6.
 */
package dev.stonegarden.render.argocd;
