package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.pipeline.ReadLog;
import java.nio.file.Path;

/**
 * How to build.
 *
 * @param repositoryRoot when not null, no file or directory may resolve outside it (the {@code
 *     generate} path's bound, docs/rendering.md#repository-root); {@code kustomize DIR} leaves it
 *     null and follows kustomize's own load restrictor only
 * @param reads where every kustomization directory opened and every file loaded is recorded
 * @param parsedFiles the files of several builds parsed once (kustomization files, resources,
 *     patches, configuration files), or null to parse each time
 */
public record BuildOptions(Path repositoryRoot, ReadLog reads, ParsedFiles parsedFiles) {

  public BuildOptions {
    reads = reads == null ? ReadLog.none() : reads;
  }

  /** A build bounded by {@code repositoryRoot} that records what it reads in {@code reads}. */
  public BuildOptions(Path repositoryRoot, ReadLog reads) {
    this(repositoryRoot, reads, null);
  }

  /** A build bounded by {@code repositoryRoot} that records nothing it reads. */
  public BuildOptions(Path repositoryRoot) {
    this(repositoryRoot, ReadLog.none());
  }

  /** kustomize's defaults: root-only file loading, no extra bound. */
  public static BuildOptions defaults() {
    return new BuildOptions(null);
  }
}
