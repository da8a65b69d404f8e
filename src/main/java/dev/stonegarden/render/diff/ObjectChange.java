package dev.stonegarden.render.diff;

/**
 * One object that differs between the two sides.
 *
 * @param change added, removed or changed
 * @param before the object's identity on the base side (null when added)
 * @param after on the head side (null when removed); another name than {@code before} only when the
 *     hash suffix changed
 * @param hunks the unified diff hunks of its YAML (Secret values masked)
 * @param orderKey the key it was matched by, which places it in the resource order
 */
public record ObjectChange(
    Change change, ObjectKey before, ObjectKey after, String hunks, ObjectKey orderKey) {
  /** What happened to an object. */
  public enum Change {
    ADDED,
    REMOVED,
    CHANGED;

    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * The header of the object's diff: {@code kind namespace/name} of the head side if it has one.
   */
  public String header() {
    return (after != null ? after : before).header();
  }

  /** {@code kind namespace/name (changed)}, naming the old name of a renamed object. */
  public String title() {
    String t = header() + " (" + change.word();
    if (before != null && after != null && !before.name().equals(after.name())) {
      t += ", was " + before.name();
    }
    return t + ")";
  }
}
