package dev.stonegarden.render.generate;

import static java.util.Objects.requireNonNull;

import dev.stonegarden.render.argocd.ArgoEnvironment;
import java.nio.file.Path;

/**
 * What to render: one environment of the service in {@code serviceDirectory}.
 *
 * @param workingDirectory where the command runs (Argo CD: the app directory)
 * @param serviceDirectory the directory holding service.yaml
 * @param cliEnvironment {@code --env}, or null to take it from Argo CD's variables
 * @param repoRootOption {@code --repo-root}, or null
 * @param argo what Argo CD passed in the environment (all empty when run by hand)
 * @param format the output format
 */
public record RenderRequest(
    Path workingDirectory,
    Path serviceDirectory,
    String cliEnvironment,
    Path repoRootOption,
    ArgoEnvironment argo,
    OutputFormat format) {

  public RenderRequest {
    requireNonNull(workingDirectory, "workingDirectory == null");
    requireNonNull(serviceDirectory, "serviceDirectory == null");
    requireNonNull(argo, "argo == null");
    requireNonNull(format, "format == null");
  }

  /** How the rendered stream is printed (docs/rendering.md#output). */
  public enum OutputFormat {
    /** kustomize's YAML stream, byte for byte. */
    YAML,
    /** One JSON object per document. */
    JSON
  }
}
