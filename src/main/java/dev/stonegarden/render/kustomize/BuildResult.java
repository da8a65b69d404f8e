package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;

/**
 * The outcome of a build: the final resources (hash suffixes, name references and vars applied,
 * local-config objects dropped) in accumulation order, not yet sorted; how the root wants them
 * sorted; and the warnings to print.
 */
public record BuildResult(
    ResourceList resources, SortOptions sortOptions, List<Diagnostic> warnings) {
  public BuildResult {
    warnings = List.copyOf(warnings);
  }
}
