package dev.stonegarden.render.hostile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small generated repository for hostile-input cases: {@code .git}, one service {@code svc} with
 * one environment {@code dev} whose overlay holds one ConfigMap. Cases add, replace or link files.
 */
final class HostileRepo {
  static final String SERVICE_YAML =
      """
      apiVersion: platform.stonegarden.dev/v1alpha1
      kind: Service
      metadata:
        name: demo
      spec:
        owner:
          team: platform
        environments:
          - name: dev
            namespace: demo-dev
      """;

  static final String CONFIG_MAP =
      """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: cfg
      data:
        a: b
      """;

  final Path root;

  private HostileRepo(Path root) {
    this.root = root;
  }

  /** A fresh repository under {@code parent/name}. */
  static HostileRepo create(Path parent, String name) {
    HostileRepo repo = new HostileRepo(parent.resolve(name));
    try {
      Files.createDirectories(repo.root.resolve(".git"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    repo.write("svc/service.yaml", SERVICE_YAML);
    repo.write("svc/environments/dev/kustomization.yaml", "resources:\n- cm.yaml\n");
    repo.write("svc/environments/dev/cm.yaml", CONFIG_MAP);
    return repo;
  }

  Path service() {
    return root.resolve("svc");
  }

  Path overlay() {
    return root.resolve("svc/environments/dev");
  }

  HostileRepo write(String relative, String text) {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  HostileRepo write(String relative, byte[] bytes) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.deleteIfExists(p);
      Files.write(p, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** Makes {@code relative} a symbolic link to {@code target} (absolute, or relative to it). */
  HostileRepo link(String relative, Path target) {
    try {
      Path p = root.resolve(relative);
      Files.createDirectories(p.getParent());
      Files.deleteIfExists(p);
      Files.createSymbolicLink(p, target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
