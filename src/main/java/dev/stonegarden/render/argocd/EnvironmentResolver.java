package dev.stonegarden.render.argocd;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.util.regex.Pattern;

/**
 * Picks the environment to render, first match wins (docs/rendering.md#choosing-the-environment):
 * {@code --env}, the plugin parameter {@code environment} ({@code ARGOCD_APP_PARAMETERS}, then
 * {@code PARAM_ENVIRONMENT}), the plugin env entry {@code ENVIRONMENT} ({@code
 * ARGOCD_ENV_ENVIRONMENT}). There is no default: rendering a wrong or empty environment would make
 * Argo CD prune.
 */
public final class EnvironmentResolver {
  /**
   * A DNS-1123 label: the environment name becomes part of paths and namespaces, so nothing else
   * may reach them.
   */
  private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  private EnvironmentResolver() {}

  /** The chosen name and where it came from (for messages). */
  public record Choice(String name, String source) {}

  /**
   * The environment name, validated.
   *
   * @param cliEnv the {@code --env} option, or null
   * @throws InputException when no source names an environment, or the name is not a DNS-1123 label
   */
  public static String resolve(String cliEnv, ArgoEnvironment argo) {
    return choose(cliEnv, argo).name();
  }

  /** Like {@link #resolve}, also saying which source won. */
  public static Choice choose(String cliEnv, ArgoEnvironment argo) {
    Choice choice = pick(cliEnv, argo);
    validate(choice);
    return choice;
  }

  private static Choice pick(String cliEnv, ArgoEnvironment argo) {
    if (cliEnv != null) {
      return new Choice(cliEnv, "--env");
    }
    PluginParameter parameter =
        argo.parametersJsonPresent()
            ? argo.parameters().get(KnownParameter.ENVIRONMENT.name())
            : null;
    if (parameter != null && parameter.string() != null && !parameter.string().isEmpty()) {
      return new Choice(parameter.string(), "the plugin parameter environment");
    }
    String param = argo.paramEnvironment();
    if (param != null && !param.isEmpty()) {
      return new Choice(param, KnownParameter.ENVIRONMENT.paramVariable());
    }
    String env = argo.envEnvironment();
    if (env != null && !env.isEmpty()) {
      return new Choice(env, ArgoEnvironment.ENV_ENVIRONMENT_VARIABLE);
    }
    String fallback = KnownParameter.ENVIRONMENT.defaultValue();
    if (fallback != null) {
      return new Choice(fallback, "the default of the parameter environment");
    }
    StringBuilder message =
        new StringBuilder(
            "no environment given: pass --env E, or set the Application's plugin parameter `environment`"
                + " (spec.source.plugin.parameters: [{name: environment, string: E}]), or its plugin env entry"
                + " ENVIRONMENT (spec.source.plugin.env: [{name: ENVIRONMENT, value: E}], seen as "
                + ArgoEnvironment.ENV_ENVIRONMENT_VARIABLE
                + ")");
    if (!argo.misspelledEnvironmentVariables().isEmpty()) {
      // Argo CD does not upper-case plugin env names: `name: environment` arrives as
      // ARGOCD_ENV_environment.
      message
          .append("; found ")
          .append(String.join(", ", argo.misspelledEnvironmentVariables()))
          .append(", but plugin env names are case-sensitive: write `name: ENVIRONMENT`");
    }
    throw new InputException(SourcePosition.none(), message.toString());
  }

  private static void validate(Choice choice) {
    String name = choice.name();
    if (name.length() > 63 || !DNS_1123_LABEL.matcher(name).matches()) {
      String why =
          name.isEmpty()
              ? "it is empty"
              : name.contains("/") || name.contains("..")
                  ? "it would name a path"
                  : name.length() > 63
                      ? "it is longer than 63 characters"
                      : "it is not a DNS-1123 label";
      throw new InputException(
          SourcePosition.none(),
          "invalid environment "
              + ArgoEnvironment.quote(name)
              + " (from "
              + choice.source()
              + "): "
              + why
              + "; expected lower-case letters, digits and '-', starting and ending with a letter or digit");
    }
  }
}
