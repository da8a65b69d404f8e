/**
 * Promotion along the pipeline (docs/promotion.md): which image tags a stage runs, the plan that
 * makes the next stage run them, the source-preserving edit of its values.yaml ({@link
 * dev.stonegarden.render.promote.ValuesEdit}), and the pipeline order check of {@code validate}.
 */
package dev.stonegarden.render.promote;
