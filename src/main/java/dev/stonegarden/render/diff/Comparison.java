package dev.stonegarden.render.diff;

import dev.stonegarden.render.diag.Diagnostic;
import java.util.List;

/**
 * One environment of one service compared: its changed objects, or why either side could not be
 * rendered (then it has no changes: a failed render is not "everything removed").
 *
 * @param service the service's name
 * @param environment the environment compared ({@code dev → staging} for two environments)
 * @param changes in the one resource order
 * @param failedSides "base", "head" or both, with the diagnostics of the failing renders
 */
public record Comparison(
    String service,
    String environment,
    List<ObjectChange> changes,
    List<String> failedSides,
    List<Diagnostic> diagnostics) {

  public boolean failed() {
    return !failedSides.isEmpty();
  }

  public long count(ObjectChange.Change change) {
    return changes.stream().filter(c -> c.change() == change).count();
  }
}
