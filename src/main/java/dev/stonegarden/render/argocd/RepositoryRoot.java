package dev.stonegarden.render.argocd;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the repository root, the directory that bounds every file access of {@code generate}
 * (docs/rendering.md#repository-root). First match wins:
 *
 * <ol>
 *   <li>{@code --repo-root DIR};
 *   <li>under Argo CD ({@code ARGOCD_APP_SOURCE_PATH} set): the working directory minus that path,
 *       since the sidecar unpacks the repository and starts the command in the app's directory;
 *   <li>the nearest ancestor of the service directory (itself included) that holds {@code .git};
 *   <li>the working directory when it contains the service directory, else the service directory's
 *       parent.
 * </ol>
 *
 * <p>The result is a real path (symbolic links resolved), so that callers can compare it with the
 * real paths of the files they read.
 */
public final class RepositoryRoot {
  private RepositoryRoot() {}

  /**
   * The repository root.
   *
   * @param cwd the working directory (absolute)
   * @param serviceDir the service directory, absolute or relative to {@code cwd}
   * @param repoRootOption {@code --repo-root}, absolute or relative to {@code cwd}; null when not
   *     given
   * @throws InputException when {@code --repo-root} is not a directory or does not contain the
   *     service directory, or when the working directory does not end with {@code
   *     ARGOCD_APP_SOURCE_PATH}
   */
  public static Path find(Path cwd, Path serviceDir, ArgoEnvironment argo, Path repoRootOption) {
    Path dir = cwd.toAbsolutePath().normalize();
    Path service = dir.resolve(serviceDir).normalize();
    if (repoRootOption != null) {
      Path root = dir.resolve(repoRootOption).normalize();
      if (!Files.isDirectory(root)) {
        throw new InputException(
            SourcePosition.none(), "--repo-root " + repoRootOption + " is not a directory");
      }
      return checkContains(real(root), service, "--repo-root " + repoRootOption);
    }
    if (argo.sourcePath() != null) {
      return checkContains(
          real(fromSourcePath(dir, argo.sourcePath())),
          service,
          "the repository root derived from ARGOCD_APP_SOURCE_PATH");
    }
    for (Path p = service; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(".git"))) {
        return real(p);
      }
    }
    return real(
        service.startsWith(dir)
            ? dir
            : service.getParent() == null ? service : service.getParent());
  }

  private static Path fromSourcePath(Path cwd, String sourcePath) {
    String trimmed = sourcePath.trim();
    while (trimmed.startsWith("./")) {
      trimmed = trimmed.substring(2);
    }
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    if (trimmed.isEmpty() || trimmed.equals(".")) {
      return cwd;
    }
    Path relative = Path.of(trimmed).normalize();
    if (relative.isAbsolute() || relative.startsWith("..") || trimmed.contains("\\")) {
      throw new InputException(
          SourcePosition.none(),
          "ARGOCD_APP_SOURCE_PATH "
              + ArgoEnvironment.quote(sourcePath)
              + " is not a path inside the repository");
    }
    Path root = null;
    if (cwd.endsWith(relative)) {
      root = cwd;
      for (int i = 0; i < relative.getNameCount(); i++) {
        root = root.getParent();
      }
    } else {
      root = throughLinks(cwd, relative);
    }
    if (root == null) {
      // With manifest-generate-paths the archive's root is the common parent of the paths
      // (docs/argocd.md#recommended-repo-server-settings).
      throw new InputException(
          SourcePosition.none(),
          "the working directory does not end with ARGOCD_APP_SOURCE_PATH "
              + ArgoEnvironment.quote(sourcePath)
              + ", so the repository root is unknown: Argo CD starts the plugin in"
              + " the app's directory of the unpacked repository; with the repo-server's"
              + " --plugin-use-manifest-generate-paths option the tarball holds less than the repository"
              + " (turn that option off); pass --repo-root to say where the repository root is");
    }
    if (root.getParent() == null) {
      // The path names the whole working directory: every file of the machine would be "inside".
      throw new InputException(
          SourcePosition.none(),
          "ARGOCD_APP_SOURCE_PATH "
              + ArgoEnvironment.quote(sourcePath)
              + " names the whole working directory, so the repository root would be "
              + root
              + ": pass --repo-root to say where the repository root is");
    }
    return root;
  }

  /**
   * The ancestor of {@code cwd} whose {@code relative} leads to {@code cwd} through symbolic links:
   * the working directory is a real path (the process's current directory), so an app path that is
   * a link ({@code apps/web -> ../services/web}) does not end it. Null when there is none; an app
   * linked to a directory outside every ancestor is never found, so it stays outside.
   */
  private static Path throughLinks(Path cwd, Path relative) {
    Path here = real(cwd);
    for (Path a = here.getParent(); a != null; a = a.getParent()) {
      Path candidate = a.resolve(relative);
      if (Files.isDirectory(candidate) && real(candidate).equals(here)) {
        return a;
      }
    }
    return null;
  }

  private static Path checkContains(Path root, Path service, String what) {
    Path realService = Files.exists(service) ? real(service) : service;
    if (!realService.startsWith(root)) {
      throw new InputException(SourcePosition.none(), "the service directory lies outside " + what);
    }
    return root;
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p;
    }
  }
}
