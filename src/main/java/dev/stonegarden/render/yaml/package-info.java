/**
 * YAML in and out: the reader (YAML/JSON streams → Jackson trees with source positions, scalars
 * typed like go-yaml v3 for resources or v2 for kustomization files) and the writer (go-yaml v2's
 * output format, docs/kustomize.md#output-format).
 *
 * <p>Corresponds to kyaml's reader ({@code kio.ByteReader}, go-yaml v3), {@code
 * sigs.k8s.io/yaml.YAMLToJSON} (go-yaml v2) and {@code sigs.k8s.io/yaml.JSONToYAML} in kustomize.
 * The reader is built on snakeyaml-engine's composer (nodes with marks, styles and tags) and
 * expands anchors, aliases and {@code <<} merge keys itself, within {@link
 * dev.stonegarden.render.yaml.YamlLimits}.
 */
package dev.stonegarden.render.yaml;
