package dev.stonegarden.render.argocd;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;

/** The values of the plugin parameter {@code render} (docs/appset.md#bootstrap). */
public enum RenderMode {
  /** One environment of the service in the app's directory: what {@code generate} always did. */
  ENVIRONMENT("environment"),
  /** The ApplicationSets and AppProjects of every service below the app's directory. */
  APPLICATIONSETS("applicationsets");

  private final String value;

  RenderMode(String value) {
    this.value = value;
  }

  /** The parameter's value. */
  public String value() {
    return value;
  }

  /**
   * The mode the Application asks for ({@link KnownParameter#RENDER}, default {@code environment}).
   *
   * @throws InputException for any other value
   */
  public static RenderMode of(ArgoEnvironment argo) {
    String v = argo.parameter(KnownParameter.RENDER);
    for (RenderMode m : values()) {
      if (m.value.equals(v)) {
        return m;
      }
    }
    throw new InputException(
        SourcePosition.none(),
        "invalid value "
            + ArgoEnvironment.quote(v)
            + " of the plugin parameter render: expected environment (the default) or applicationsets");
  }
}
