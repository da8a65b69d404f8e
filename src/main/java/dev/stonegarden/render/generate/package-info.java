/**
 * The {@code generate} pipeline of one environment, end to end: service.yaml and platform.yaml, the
 * kustomize build of {@code environments/<env>}, values.yaml, the platform stage, one validation
 * pass, then sorting and printing. {@link dev.stonegarden.render.generate.EnvironmentRenderer} is
 * the table of contents of the whole program (kustomize's {@code krusty.Kustomizer} plays this role
 * there).
 */
package dev.stonegarden.render.generate;
