/**
 * Rendered diffs (docs/ci.md, "diff"): objects of two renders matched by group, kind, namespace and
 * name ({@link dev.stonegarden.render.diff.ObjectDiffer}), per-environment differences normalised
 * away ({@link dev.stonegarden.render.diff.EnvironmentNormalizer}), Secret values masked, unified
 * diffs per object ({@link dev.stonegarden.render.diff.UnifiedDiff}), which services a change
 * touches ({@link dev.stonegarden.render.diff.RevisionDiff}), the base side read from another
 * checkout or a git revision ({@link dev.stonegarden.render.diff.BaseTree}), and the report in
 * text, markdown or JSON ({@link dev.stonegarden.render.diff.ReportWriter}).
 */
package dev.stonegarden.render.diff;
