package dev.stonegarden.render.platform;

import dev.stonegarden.render.service.PlatformSettings;
import dev.stonegarden.render.service.ServiceSpec;
import dev.stonegarden.render.service.Values;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything the platform stage needs for one environment.
 *
 * @param argoAppNamespace {@code ARGOCD_APP_NAMESPACE}, or null outside Argo CD
 * @param kubeApiVersions {@code KUBE_API_VERSIONS}, or null outside Argo CD
 * @param overlayDirectory {@code environments/<env>}, for messages naming overlay files
 * @param files reads the files {@code spec.monitoring} names (dashboards, alert files), bounded by
 *     the repository root
 */
public record PlatformContext(
    ServiceSpec service,
    ServiceSpec.Environment environment,
    PlatformSettings platform,
    Values values,
    String argoAppNamespace,
    String kubeApiVersions,
    Path overlayDirectory,
    SourceFiles files) {

  public PlatformContext {
    Objects.requireNonNull(service, "service == null");
    Objects.requireNonNull(environment, "environment == null");
    Objects.requireNonNull(platform, "platform == null");
    values = values == null ? Values.none() : values;
    files = files == null ? SourceFiles.within(service.serviceDirectory()) : files;
  }
}
