package dev.stonegarden.render.argocd;

import java.util.Locale;

/**
 * The three value forms of a plugin parameter, as named in the JSON and in plugin.yaml's {@code
 * collectionType}.
 */
public enum ParameterForm {
  STRING,
  ARRAY,
  MAP;

  /** The JSON key / {@code collectionType} value: {@code string}, {@code array}, {@code map}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
