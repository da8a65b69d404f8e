package dev.stonegarden.render.generate;

import dev.stonegarden.render.diag.Diagnostic;
import java.util.List;

/**
 * A finished render: the text to print on stdout and the warnings for stderr.
 *
 * @param environment the environment that was rendered
 * @param objects how many objects the text holds
 */
public record RenderResult(
    String environment, String text, int objects, List<Diagnostic> warnings) {}
