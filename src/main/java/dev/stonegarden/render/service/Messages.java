package dev.stonegarden.render.service;

/**
 * Wordings shared by the schema check and the readers, so the same rule reads the same everywhere.
 */
final class Messages {
  /**
   * The accepted forms of {@code pause.duration}
   * (docs/service-yaml.md#specenvironmentsrolloutstepspauseduration).
   */
  static final String PAUSE_FORMS =
      "an integer number of seconds (600) or a whole number with unit s, m or h (30s, 10m, 1h)";

  /** The accepted forms of latency durations (docs/service-yaml.md#specslalatency). */
  static final String LATENCY_FORMS = "a duration in milliseconds or seconds (100ms, 0.5s, 2s)";

  private Messages() {}
}
