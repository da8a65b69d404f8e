package dev.stonegarden.render.kustomize;

import java.nio.file.Path;

/**
 * How to build.
 *
 * @param repositoryRoot when not null, no file or directory may resolve outside it (the {@code
 *     generate} path's bound, docs/rendering.md#repository-root); {@code kustomize DIR} leaves it
 *     null and follows kustomize's own load restrictor only
 */
public record BuildOptions(Path repositoryRoot) {

  /** kustomize's defaults: root-only file loading, no extra bound. */
  public static BuildOptions defaults() {
    return new BuildOptions(null);
  }
}
