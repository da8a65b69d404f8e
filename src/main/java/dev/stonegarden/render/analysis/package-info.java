/**
 * Argo Rollouts analysis conditions ({@code successCondition}, {@code failureCondition}): expr-lang
 * expressions over {@code result}, checked before they reach the cluster (docs/canary.md).
 */
package dev.stonegarden.render.analysis;
