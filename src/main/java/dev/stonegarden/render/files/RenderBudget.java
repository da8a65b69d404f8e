package dev.stonegarden.render.files;

/**
 * The most one render may hold (docs/robustness.md#limits-and-memory): every byte the loader reads
 * and every unit a YAML document expands to (a scalar or key its length plus one, a mapping or
 * sequence one) is charged here, so that many files, aliases or a fan-out of kustomizations cannot
 * take a render past the heap it is given. One budget per render; not thread-safe (a render runs on
 * one thread).
 */
public final class RenderBudget {
  /**
   * The default: 40 Mi units, what a render of one 16 MiB file (the file limit) plus a normal
   * overlay needs, and what the 256 MiB heap of the images and launchers holds.
   */
  public static final long DEFAULT_UNITS = 40L * 1024 * 1024;

  private final long limit;
  private long used;

  public RenderBudget(long limit) {
    this.limit = limit;
  }

  public static RenderBudget defaults() {
    return new RenderBudget(DEFAULT_UNITS);
  }

  /** Charges {@code units}; false when that takes the render past its limit. */
  public boolean charge(long units) {
    used += units;
    return used <= limit;
  }

  public long limit() {
    return limit;
  }

  /** The units charged so far. */
  public long used() {
    return used;
  }

  /**
   * Charges {@code units} if they fit, else charges nothing: a render reusing what another parsed
   * is charged what parsing it would have cost (input.ParsedFiles).
   */
  public boolean chargeIfFits(long units) {
    if (used + units > limit) {
      return false;
    }
    used += units;
    return true;
  }

  /** The message for a render past its budget. */
  public String exceeded() {
    return "the render holds more than "
        + limit
        + " units of input (bytes read plus what YAML expands to), the most one render may"
        + " hold; split the overlay or make its files smaller (docs/robustness.md)";
  }
}
