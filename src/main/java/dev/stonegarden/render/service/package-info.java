/**
 * The platform's own input files: {@code service.yaml}, {@code values.yaml} and {@code
 * platform.yaml} (docs/service-yaml.md, docs/values-yaml.md, docs/platform-yaml.md). Each is
 * checked against its JSON Schema ({@link dev.stonegarden.render.service.Schemas}, published by
 * {@code schema}) and against the rules a schema cannot say, every problem of a file at once and at
 * its line and column, before it is bound to records ({@link
 * dev.stonegarden.render.service.ServiceReader}, {@link
 * dev.stonegarden.render.service.ValuesReader}, {@link
 * dev.stonegarden.render.service.PlatformReader}). kustomize has no counterpart: kustomize never
 * reads these files.
 *
 * <p>Also here, for {@code validate}: {@link dev.stonegarden.render.service.ServiceFinder} (the
 * services below a directory) and {@link dev.stonegarden.render.service.TypoCheck} (unknown fields
 * of built-in kinds, against fabric8's typed model; never on the {@code generate} path). Usage:
 * {@code ReadersTest}, {@code TypoCheckTest}.
 */
package dev.stonegarden.render.service;
