/**
 * PromQL, as far as the render needs to check it (docs/canary.md#queries-checked-at-render-time): a
 * lexer and parser for vector selectors, range and subquery selectors, offsets and {@code @},
 * number and string literals, function calls (Prometheus's function table), aggregations with
 * {@code by}/{@code without}, unary and binary operators with {@code bool}, {@code on}/{@code
 * ignoring} and {@code group_left}/{@code group_right}, and the type rules Prometheus applies while
 * parsing. A problem is a {@code diag.Problem.InText}: the offset in the query text. No
 * dependencies beyond re2j (label-matcher regular expressions are Go's RE2 dialect).
 */
package dev.stonegarden.render.promql;
