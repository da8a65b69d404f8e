package dev.stonegarden.render.appset;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import dev.stonegarden.render.argocd.RepositoryRoot;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.yaml.YamlWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The bootstrap Application's render (plugin parameter {@code render: applicationsets},
 * docs/appset.md#bootstrap): what {@code appset} prints for every service below the app's
 * directory. All or nothing: a broken service anywhere fails the render with its diagnostics and
 * prints nothing, so Argo CD keeps the ApplicationSets it has instead of pruning the others'.
 */
public final class Bootstrap {
  /** Set by the repo-server: the Application's repository URL (docs/argocd.md). */
  public static final String REPO_URL_VARIABLE = "ARGOCD_APP_SOURCE_REPO_URL";

  private Bootstrap() {}

  /**
   * The YAML stream.
   *
   * @param workingDirectory where the command runs (under Argo CD: the app's directory)
   * @param directory the services root (under Argo CD: the app's directory)
   * @param repoUrlFallback {@value #REPO_URL_VARIABLE}, used when platform.yaml names no
   *     repository; null when unset
   */
  public static String render(
      Path workingDirectory, Path directory, ArgoEnvironment argo, String repoUrlFallback) {
    List<Path> services = ServiceFinder.find(directory);
    Path root = RepositoryRoot.find(workingDirectory, directory, argo, null);
    ApplicationSetGenerator.Output output =
        new ApplicationSetGenerator().generate(services, root, null, repoUrlFallback);
    return YamlWriter.write(output.documents()).value();
  }
}
