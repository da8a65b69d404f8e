package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.input.InputFiles;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.yaml.YamlDocument;
import java.nio.file.Path;
import java.util.List;

/**
 * How to build.
 *
 * @param repositoryRoot when not null, no file or directory may resolve outside it (the {@code
 *     generate} path's bound, product.md §1); {@code kustomize DIR} leaves it null and follows
 *     kustomize's own load restrictor only
 * @param inputs where every file the build reads (or looks for) is recorded
 * @param resourceFiles resource files parsed once for several builds, or null to parse each time
 */
public record BuildOptions(
    Path repositoryRoot, InputFiles inputs, ParsedFiles<List<YamlDocument>> resourceFiles) {

  public BuildOptions {
    inputs = inputs == null ? InputFiles.none() : inputs;
  }

  public BuildOptions(Path repositoryRoot) {
    this(repositoryRoot, InputFiles.none(), null);
  }

  /** kustomize's defaults: root-only file loading, no extra bound. */
  public static BuildOptions defaults() {
    return new BuildOptions(null);
  }
}
