/**
 * One Kubernetes object in a build and the list of them: {@link
 * dev.stonegarden.render.resource.Resource} (a Jackson tree plus the bookkeeping kustomize keeps in
 * internal annotations), its identity ({@link dev.stonegarden.render.resource.Gvk}, {@link
 * dev.stonegarden.render.resource.ResId}) and {@link dev.stonegarden.render.resource.ResourceList}
 * (kustomize's {@code resource}, {@code resid} and {@code resmap} packages).
 */
package dev.stonegarden.render.resource;
