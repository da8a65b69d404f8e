package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads a settings file (service.yaml, values.yaml, platform.yaml): exactly one YAML document, a
 * map.
 */
final class YamlFiles {
  private YamlFiles() {}

  /**
   * The single document of {@code file}; an {@link InputException} when it is missing, unreadable,
   * not YAML, empty or several.
   */
  static YamlDocument readSingle(RootedFiles files, Path file, String what) {
    if (!Files.exists(file)) {
      throw new InputException(SourcePosition.of(file), what + " not found");
    }
    return single(file, what, YamlReader.readFile(files, file, YamlReader.Options.resources()));
  }

  /** {@link #readSingle(RootedFiles, Path, String)} bounded by the file's own directory. */
  static YamlDocument readSingle(Path file, String what) {
    return readSingle(ownDirectory(file), file, what);
  }

  static RootedFiles ownDirectory(Path file) {
    return RootedFiles.at(file.toAbsolutePath().normalize().getParent());
  }

  /** Like {@link #readSingle}, but a file with no document (empty, or only comments) gives null. */
  static YamlDocument readOptional(RootedFiles files, Path file, String what) {
    if (!Files.exists(file)) {
      throw new InputException(SourcePosition.of(file), what + " not found");
    }
    List<YamlDocument> docs = YamlReader.readFile(files, file, YamlReader.Options.resources());
    return docs.stream().allMatch(d -> d.root().isNull() || d.root().isMissingNode())
        ? null
        : single(file, what, docs);
  }

  /** The single document of {@code text} (the content of {@code file}). */
  static YamlDocument parseSingle(Path file, String what, String text) {
    return single(file, what, YamlReader.read(file, text, YamlReader.Options.resources()));
  }

  private static YamlDocument single(Path file, String what, List<YamlDocument> docs) {
    List<YamlDocument> nonEmpty =
        docs.stream().filter(d -> !d.root().isNull() && !d.root().isMissingNode()).toList();
    if (nonEmpty.isEmpty()) {
      throw new InputException(
          SourcePosition.of(file), what + " is empty: expected one YAML document, a map");
    }
    if (nonEmpty.size() > 1) {
      throw new InputException(
          nonEmpty.get(1).start(),
          what
              + " must hold one YAML document, found "
              + nonEmpty.size()
              + " (remove the extra \"---\" documents)");
    }
    YamlDocument doc = nonEmpty.get(0);
    if (!doc.root().isObject()) {
      throw new InputException(
          doc.positionOf(""), what + " must be a map of keys, found " + Trees.describe(doc.root()));
    }
    return doc;
  }
}
