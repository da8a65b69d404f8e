/**
 * The {@code validate} pipeline (docs/rendering.md#validate): every environment of every service
 * built as {@code generate} builds it, then checked against fabric8's typed model, the pipeline
 * order and the committed Argo CD objects. The command around it is {@code cli.ValidateCommand}.
 */
package dev.stonegarden.render.validate;
