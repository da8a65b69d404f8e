package dev.stonegarden.render.kustomize.patch;

/**
 * The {@code options:} of a {@code patches:} entry: whether a strategic-merge patch may rename its
 * target or change its kind; without them name and kind are restored after merging (case 098).
 */
public record PatchOptions(boolean allowNameChange, boolean allowKindChange) {
  public static final PatchOptions NONE = new PatchOptions(false, false);
}
