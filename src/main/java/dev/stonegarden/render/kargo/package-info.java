/**
 * The Kargo pipeline of each service ({@code kargo}, docs/promotion.md#kargo): Project, Warehouse,
 * Stages chained in pipeline order with promotion steps that do what {@code promote} does, and
 * verification AnalysisTemplates in the Kargo project.
 */
package dev.stonegarden.render.kargo;
