package dev.stonegarden.render.argocd;

import java.util.List;

/**
 * A parameter platform-render announces to Argo CD, and therefore accepts. The table {@link #ALL}
 * is the single source for parsing ({@link ArgoEnvironment}), for applying defaults (Argo CD never
 * sends announced defaults, docs/argocd.md#how-argo-cd-passes-parameters) and for the announcement
 * ({@link ParameterAnnouncement}); plugin.yaml's static list repeats it and a test keeps the two
 * equal.
 *
 * @param form the one value form accepted
 * @param defaultValue applied by us when the parameter is not sent; {@code null} = no default
 */
public record KnownParameter(
    String name,
    String title,
    String tooltip,
    ParameterForm form,
    boolean required,
    String defaultValue) {

  /**
   * The environment to render: required, no default (a wrong or empty render would make Argo CD
   * prune, docs/argocd.md#parameters).
   */
  public static final KnownParameter ENVIRONMENT =
      new KnownParameter(
          "environment",
          "Environment",
          "The environment of service.yaml to render (a stage of the platform pipeline, e.g. dev, staging, canary, production).",
          ParameterForm.STRING,
          true,
          null);

  /**
   * What to render (docs/appset.md#bootstrap): {@code environment}, the default, renders the
   * environment named by {@link #ENVIRONMENT}; {@code applicationsets} renders the ApplicationSets
   * and AppProjects of every service below the app's path (the bootstrap Application).
   */
  public static final KnownParameter RENDER =
      new KnownParameter(
          "render",
          "Render",
          "What to render: environment (the default) renders the environment of the parameter environment; applicationsets renders the ApplicationSets and AppProjects of every service below the app's path (for the bootstrap Application, which needs no environment).",
          ParameterForm.STRING,
          false,
          RenderMode.ENVIRONMENT.value());

  /** Every accepted parameter, in announcement order. */
  public static final List<KnownParameter> ALL = List.of(ENVIRONMENT, RENDER);

  /** The parameter of that name, or {@code null}. */
  public static KnownParameter named(String name) {
    for (KnownParameter p : ALL) {
      if (p.name.equals(name)) {
        return p;
      }
    }
    return null;
  }

  /**
   * The {@code PARAM_} variable Argo CD sets for a string parameter, its name normalised as Argo CD
   * does (docs/argocd.md#how-argo-cd-passes-parameters).
   */
  public String paramVariable() {
    StringBuilder sb = new StringBuilder("PARAM_");
    name.toUpperCase(java.util.Locale.ROOT)
        .codePoints()
        .forEach(
            c ->
                sb.append(
                    (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ? (char) c : '_'));
    return sb.toString();
  }
}
