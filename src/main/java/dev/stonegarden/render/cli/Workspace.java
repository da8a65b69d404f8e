package dev.stonegarden.render.cli;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.service.ServiceFinder;
import java.nio.file.Path;
import java.util.List;

/**
 * The prologue of every command that works on a service directory or a tree of them, in one place:
 * the directory of the command line resolved against the working directory, the repository root
 * that bounds every file read (docs/argocd.md#environment-variables), and the services below the
 * directory.
 *
 * @param start the directory (or service.yaml) the command line named, absolute
 * @param root the repository root
 */
record Workspace(Path start, Path root) {

  /**
   * Resolves {@code dir} and the repository root ({@code --repo-root}, else what {@code argo} says,
   * else the nearest {@code .git} ancestor).
   */
  static Workspace of(Invocation inv, String dir, String repoRootOption, ArgoEnvironment argo) {
    Path start = inv.resolve(dir);
    Path root =
        RepositoryRoot.find(
            inv.workingDirectory(),
            start,
            argo,
            repoRootOption == null ? null : inv.resolve(repoRootOption));
    return new Workspace(start, root);
  }

  /** The service.yaml files at or below {@link #start}, sorted; an input error when none. */
  List<Path> services() {
    return ServiceFinder.find(start);
  }
}
