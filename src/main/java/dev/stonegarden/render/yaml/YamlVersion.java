package dev.stonegarden.render.yaml;

/**
 * Which rules type plain scalars. kustomize reads resources with go-yaml v3 (YAML 1.2 core schema
 * with Go extensions: {@code yes} is a string) but kustomization files and JSON-patch operations
 * with go-yaml v2 (YAML 1.1: {@code yes} is {@code true}, {@code 0644} is octal); see
 * docs/kustomize.md#the-kustomization-file, docs/kustomize.md#json-6902-patches and
 * docs/kustomize.md#numbers-booleans-and-dates.
 */
public enum YamlVersion {
  /** go-yaml v2 typing: kustomization files, JSON 6902 operations written in YAML. */
  YAML_1_1,
  /** go-yaml v3 typing: resources, strategic-merge patches, service.yaml and friends. */
  YAML_1_2
}
