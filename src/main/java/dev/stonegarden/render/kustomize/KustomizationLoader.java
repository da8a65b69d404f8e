package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.kustomize.Kustomization.Field;
import dev.stonegarden.render.yaml.SourceMap;
import dev.stonegarden.render.yaml.YamlDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Finds and decodes the kustomization file of a directory (kustomize's {@code KustTarget.Load},
 * docs/kustomize.md#the-kustomization-file): one of the three recognised names, Go-JSON-strict
 * decoding, the deprecation warnings, the emptiness and kind/apiVersion checks, and a clear refusal
 * of what this engine does not run (Helm, plugins, remote resources).
 */
final class KustomizationLoader {
  static final List<String> FILE_NAMES =
      List.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final String EDIT_FIX =
      "Run 'kustomize edit fix' to update your Kustomization automatically.";

  private KustomizationLoader() {}

  /** Loads the kustomization of {@code loader}'s directory; warnings go to {@code problems}. */
  static Kustomization load(FileLoader loader, SourcePosition referencedFrom, Problems problems) {
    Path dir = loader.root();
    List<Path> found = new ArrayList<>();
    for (String name : FILE_NAMES) {
      Path p = dir.resolve(name);
      // A case-insensitive file system would report one file under several names: compare real
      // names.
      if (Files.isRegularFile(p) && found.stream().noneMatch(f -> sameFile(f, p))) {
        found.add(p);
      }
    }
    if (found.isEmpty()) {
      throw new InputException(
          referencedFrom.hasFile() ? referencedFrom : SourcePosition.of(dir),
          "unable to find one of 'kustomization.yaml', 'kustomization.yml' or 'Kustomization' in directory '"
              + display(referencedFrom, dir)
              + "'");
    }
    if (found.size() > 1) {
      throw new InputException(
          SourcePosition.of(found.get(1)),
          "found multiple kustomization files in one directory: "
              + found.get(0).getFileName()
              + " and "
              + found.get(1).getFileName());
    }
    Path file = found.get(0);
    FileLoader.Loaded l = loader.load(file.getFileName().toString(), SourcePosition.of(file));
    List<YamlDocument> docs = Yaml.readKustomization(l);
    JsonNode root = docs.isEmpty() ? null : docs.get(0).root();
    SourceMap sourceMap = docs.isEmpty() ? SourceMap.empty(l.file()) : docs.get(0).sourceMap();
    Problems local = new Problems();
    GoJsonDecoder decoder = new GoJsonDecoder(sourceMap, local, "invalid Kustomization: ");
    JsonNode decoded = decoder.decode(root, KustomizationSchema.KUSTOMIZATION, "");
    local.throwIfErrors();
    ObjectNode fields = decoded instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode();
    Kustomization k =
        Kustomization.of(l.file(), fields, root instanceof ObjectNode r ? r : null, sourceMap);
    warnDeprecated(k, problems);
    checkEmpty(k);
    checkKind(k);
    refuseUnsupported(k);
    return k;
  }

  private static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static String display(SourcePosition from, Path dir) {
    return dir.getFileName() == null ? "." : dir.getFileName().toString();
  }

  private static void warnDeprecated(Kustomization k, Problems problems) {
    // One line per deprecated field per file, in kustomize's order (CheckDeprecatedFields; case
    // 055).
    deprecated(k, problems, Field.BASES, Field.RESOURCES, "");
    deprecated(k, problems, Field.COMMON_LABELS, Field.LABELS, "");
    deprecated(k, problems, Field.IMAGE_TAGS, Field.IMAGES, "");
    deprecated(k, problems, Field.PATCHES_JSON6902, Field.PATCHES, "");
    deprecated(k, problems, Field.PATCHES_STRATEGIC_MERGE, Field.PATCHES, "");
    deprecated(k, problems, Field.VARS, Field.REPLACEMENTS, "[EXPERIMENTAL] ");
  }

  private static void deprecated(
      Kustomization k, Problems problems, Field field, Field instead, String note) {
    if (k.has(field)) {
      problems.warning(
          k.place(field).key(),
          "'"
              + field.key()
              + "' is deprecated. Please use '"
              + instead.key()
              + "' instead. "
              + note
              + EDIT_FIX);
    }
  }

  private static void checkEmpty(Kustomization k) {
    for (Field f : k.present()) {
      if (f != Field.KIND && f != Field.API_VERSION) {
        return;
      }
    }
    throw new InputException(k.filePosition(), "kustomization.yaml is empty");
  }

  private static void checkKind(Kustomization k) {
    Problems p = new Problems();
    String kind = k.kindField();
    if (!kind.isEmpty()
        && !kind.equals(Kustomization.KUSTOMIZATION)
        && !kind.equals(Kustomization.COMPONENT)) {
      p.error(
          k.place(Field.KIND).at(),
          "kind should be Kustomization or Component, found '" + kind + "'");
    }
    String required =
        Kustomization.COMPONENT.equals(kind)
            ? "kustomize.config.k8s.io/v1alpha1"
            : "kustomize.config.k8s.io/v1beta1";
    String apiVersion = k.apiVersion();
    if (!apiVersion.isEmpty() && !apiVersion.equals(required)) {
      p.error(
          k.place(Field.API_VERSION).at(),
          "apiVersion for "
              + (kind.isEmpty() ? Kustomization.KUSTOMIZATION : kind)
              + " should be "
              + required
              + ", found '"
              + apiVersion
              + "'");
    }
    p.throwIfErrors();
  }

  private static void refuseUnsupported(Kustomization k) {
    Problems p = new Problems();
    for (Field f :
        List.of(Field.HELM_CHARTS, Field.HELM_CHART_INFLATION_GENERATOR, Field.HELM_GLOBALS)) {
      if (k.has(f)) {
        p.error(
            k.place(f).key(), "'" + f.key() + "' is not supported: this engine does not run Helm");
      }
    }
    if (!k.generators().isEmpty()) {
      p.error(
          k.place(Field.GENERATORS).key(),
          "'generators' is not supported: this engine does not run plugins");
    }
    if (!k.validators().isEmpty()) {
      p.error(
          k.place(Field.VALIDATORS).key(),
          "'validators' is not supported: this engine does not run plugins");
    }
    p.throwIfErrors();
  }
}
