package dev.stonegarden.render.yaml;

import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Turns snakeyaml-engine's syntax errors into one short line: its problem ("expected ',' or ']',
 * but got end of file") and, when the error belongs to a construct that started elsewhere, where
 * that was; no snippets, no marks, no stack traces.
 */
final class ParseErrors {
  private ParseErrors() {}

  static String message(MarkedYamlEngineException e, Mark problemMark) {
    String problem = e.getProblem();
    String text = message(problem == null || problem.isBlank() ? e.getContext() : problem);
    String context = e.getContext();
    Mark contextMark = e.getContextMark().orElse(null);
    if (context != null && !context.isBlank() && contextMark != null && problem != null && !problem.isBlank()) {
      boolean elsewhere = problemMark == null || contextMark.getLine() != problemMark.getLine() || contextMark.getColumn() != problemMark.getColumn();
      if (elsewhere) {
        text += " (" + tidy(context) + " started at line " + (contextMark.getLine() + 1) + ", column " + (contextMark.getColumn() + 1) + ")";
      }
    }
    return text;
  }

  /** For a construct still open at the end of the file: "the flow sequence is not closed: ...". */
  static String unclosed(MarkedYamlEngineException e) {
    String context = e.getContext();
    String problem = message(e.getProblem());
    if (context == null || context.isBlank()) {
      return problem;
    }
    String what = tidy(context);
    if (what.startsWith("a ") || what.startsWith("an ")) {
      what = "the " + what.substring(what.indexOf(' ') + 1);
    }
    return what + " is not closed: " + problem;
  }

  static String message(String raw) {
    if (raw == null || raw.isBlank()) {
      return "invalid YAML";
    }
    String s = tidy(raw);
    return s.isEmpty() ? "invalid YAML" : s;
  }

  /** Token names as a user reads them; first line only; lower-case start; no trailing period. */
  private static String tidy(String raw) {
    String s = raw.strip();
    int nl = s.indexOf('\n');
    if (nl >= 0) {
      s = s.substring(0, nl).strip();
    }
    s =
        s.replace("<stream end>", "end of file")
            .replace("<block end>", "end of block")
            .replace("<block mapping start>", "start of a mapping")
            .replace("<block sequence start>", "start of a sequence")
            .replace("<block mapping end>", "end of a mapping")
            .replace("<document start>", "'---'")
            .replace("<document end>", "'...'")
            .replace("<flow sequence start>", "'['")
            .replace("<flow sequence end>", "']'")
            .replace("<flow mapping start>", "'{'")
            .replace("<flow mapping end>", "'}'")
            .replace("<block entry>", "'-'")
            .replace("<flow entry>", "','")
            .replace("<key>", "a key")
            .replace("<value>", "':'")
            .replace("<scalar>", "a scalar")
            .replace("<alias>", "an alias")
            .replace("<anchor>", "an anchor")
            .replace("<tag>", "a tag")
            .replace("while parsing ", "")
            .replace("while scanning ", "")
            .replace("end of stream", "end of file")
            .replace("but found '?'", "but found a mapping key")
            .replace("mapping values are not allowed here", "mapping values are not allowed here (check the indentation, or quote a value that contains ': ')");
    int indentation = s.indexOf(". (Do not use ");
    if (indentation >= 0) {
      // snakeyaml adds this hint to every character that cannot start a token; it fits tabs only.
      boolean tab = s.contains("(TAB)");
      s = s.substring(0, indentation) + (tab ? " (tabs cannot be used for indentation)" : " (quote the value)");
      s = s.replace("character '\\t(TAB)'", "a tab character");
    }
    if (s.regionMatches(true, 0, "version{", 0, 8)) {
      s = "unsupported YAML version in the %YAML directive, expected 1.1 or 1.2";
    }
    if (s.endsWith(".") || s.endsWith(":")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.isEmpty() && Character.isUpperCase(s.charAt(0)) && (s.length() == 1 || !Character.isUpperCase(s.charAt(1)))) {
      s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
