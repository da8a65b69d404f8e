/**
 * Input files: {@link dev.stonegarden.render.files.RootedFiles}, the one loader every input file
 * goes through (service.yaml, values.yaml, platform.yaml, the kustomize loader's files, dashboards
 * and alert files). It reads only regular files whose real path lies inside the repository root, at
 * most a bounded number of bytes, and decodes text as strict UTF-8 ({@link
 * dev.stonegarden.render.files.Utf8Text}); docs/robustness.md#file-access.
 */
package dev.stonegarden.render.files;
