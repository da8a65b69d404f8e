/**
 * The platform's own input files: {@code service.yaml}, {@code values.yaml} and {@code
 * platform.yaml} (product.md §2–§4). Each is checked against its JSON Schema ({@link
 * dev.stonegarden.render.service.Schemas}, published by {@code schema}) and against the rules a
 * schema cannot say, every problem of a file at once and at its line and column, before it is
 * bound to records. kustomize has no counterpart: kustomize never reads these files.
 */
package dev.stonegarden.render.service;
