/**
 * Argo CD objects for a repository of services (docs/appset.md): one {@code ApplicationSet} per
 * service whose list generator has one element per environment, one {@code AppProject} per team,
 * and the extension points other features use to add to each generated Application ({@link
 * dev.stonegarden.render.appset.ApplicationExtension}).
 */
package dev.stonegarden.render.appset;
