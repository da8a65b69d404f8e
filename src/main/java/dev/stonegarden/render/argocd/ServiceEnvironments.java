package dev.stonegarden.render.argocd;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.service.PlatformReader;
import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceFinder;
import dev.stonegarden.render.service.ServiceReader;
import dev.stonegarden.render.service.ServiceSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The environment names of a service for the parameter announcement: {@code service.yaml} read and
 * checked by {@link ServiceReader}, ordered by the platform pipeline ({@code spec.pipeline} of the
 * nearest {@code platform.yaml} inside the repository, docs/platform-yaml.md).
 */
public final class ServiceEnvironments {
  private ServiceEnvironments() {}

  /**
   * The environment names in pipeline order (names the pipeline does not know follow, in file
   * order; ServiceReader rejects those anyway).
   *
   * @throws InputException when platform.yaml or service.yaml is missing or invalid
   */
  public static List<String> read(Path serviceDir, Path repoRoot) {
    PlatformSettings platform = PlatformReader.find(serviceDir, repoRoot);
    ServiceSpec service =
        ServiceReader.read(
            RootedFiles.at(repoRoot == null ? serviceDir : repoRoot),
            serviceDir.resolve(ServiceFinder.FILE_NAME),
            platform,
            new Problems());
    List<String> names = new ArrayList<>();
    for (ServiceSpec.Environment e : service.environments()) {
      names.add(e.name());
    }
    List<String> ordered = new ArrayList<>();
    for (String stage : platform.pipeline()) {
      if (names.contains(stage)) {
        ordered.add(stage);
      }
    }
    for (String name : names) {
      if (!ordered.contains(name)) {
        ordered.add(name);
      }
    }
    return List.copyOf(ordered);
  }
}
