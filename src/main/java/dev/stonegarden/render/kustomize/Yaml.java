package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Path;
import java.util.List;

/**
 * The engine's one door to the YAML reader, with the typing rules kustomize uses for each kind of
 * file (docs/kustomize.md#the-kustomization-file, docs/kustomize.md#numbers-booleans-and-dates):
 * kustomization files are YAML 1.1 (go-yaml v2) with keys stringified and the last duplicate key
 * winning; resources and patches are YAML 1.2 (go-yaml v3). A file the loader read is parsed once
 * per run when the run shares parsed files (each caller gets its own copy of the trees).
 */
final class Yaml {
  /** Kustomization files, and configuration files typed like them. */
  static final ParsedFiles.Kind<List<YamlDocument>> KUSTOMIZATION_FILES =
      ParsedFiles.Kind.documents("kustomization files");

  /** Resource files. */
  static final ParsedFiles.Kind<List<YamlDocument>> RESOURCE_FILES =
      ParsedFiles.Kind.documents("resource files");

  private Yaml() {}

  /** A kustomization file the loader read; what it expands to is charged to the build's budget. */
  static List<YamlDocument> readKustomization(FileLoader.Loaded l) {
    return ParsedFiles.get(
        l.parsed(),
        KUSTOMIZATION_FILES,
        l.file(),
        l.bytes(),
        l.budget(),
        bytes ->
            YamlReader.read(
                l.file(), l.text(), YamlReader.Options.kustomization().withBudget(l.budget())));
  }

  /** Resources the loader read, charged to the build's budget. */
  static List<YamlDocument> readResources(FileLoader.Loaded l) {
    return ParsedFiles.get(
        l.parsed(),
        RESOURCE_FILES,
        l.file(),
        l.bytes(),
        l.budget(),
        bytes ->
            YamlReader.read(
                l.file(),
                l.text(),
                YamlReader.Options.kustomizeResources().withBudget(l.budget())));
  }

  /** A configuration file the loader read, charged to the build's budget. */
  static List<YamlDocument> readData(FileLoader.Loaded l) {
    return readKustomization(l);
  }

  static List<YamlDocument> readKustomization(Path file, String text) {
    return YamlReader.read(file, text, YamlReader.Options.kustomization());
  }

  static List<YamlDocument> readResources(Path file, String text) {
    return YamlReader.read(file, text, YamlReader.Options.kustomizeResources());
  }

  /**
   * Configuration files ({@code configurations:}, {@code openapi:}, replacement files): like
   * kustomization files.
   */
  static List<YamlDocument> readData(Path file, String text) {
    return YamlReader.read(file, text, YamlReader.Options.kustomization());
  }
}
