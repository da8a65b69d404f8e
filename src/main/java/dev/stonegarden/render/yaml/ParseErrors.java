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

  /** snakeyaml's token names and what a user reads instead. */
  private static final String[][] TOKENS = {
    {"<stream end>", "end of file"},
    {"<block end>", "end of block"},
    {"<block mapping start>", "start of a mapping"},
    {"<block sequence start>", "start of a sequence"},
    {"<block mapping end>", "end of a mapping"},
    {"<document start>", "'---'"},
    {"<document end>", "'...'"},
    {"<flow sequence start>", "'['"},
    {"<flow sequence end>", "']'"},
    {"<flow mapping start>", "'{'"},
    {"<flow mapping end>", "'}'"},
    {"<block entry>", "'-'"},
    {"<flow entry>", "','"},
    {"<key>", "a key"},
    {"<value>", "':'"},
    {"<scalar>", "a scalar"},
    {"<alias>", "an alias"},
    {"<anchor>", "an anchor"},
    {"<tag>", "a tag"},
  };

  static String message(MarkedYamlEngineException e, Mark problemMark) {
    String problem = e.getProblem();
    String text = message(problem == null || problem.isBlank() ? e.getContext() : problem);
    String context = e.getContext();
    Mark contextMark = e.getContextMark().orElse(null);
    if (context != null
        && !context.isBlank()
        && contextMark != null
        && problem != null
        && !problem.isBlank()) {
      boolean elsewhere =
          problemMark == null
              || contextMark.getLine() != problemMark.getLine()
              || contextMark.getColumn() != problemMark.getColumn();
      if (elsewhere) {
        text +=
            " ("
                + tidy(context)
                + " started at line "
                + (contextMark.getLine() + 1)
                + ", column "
                + (contextMark.getColumn() + 1)
                + ")";
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
    for (String[] t : TOKENS) {
      s = s.replace("'" + t[0] + "'", t[1]).replace(t[0], t[1]);
    }
    s =
        s.replace("while parsing ", "")
            .replace("while scanning ", "")
            .replace("end of stream", "end of file")
            .replace("but found '?'", "but found a mapping key")
            .replace(
                "mapping values are not allowed here",
                "mapping values are not allowed here (check the indentation, or quote a value that contains ': ')");
    int indentation = s.indexOf(". (Do not use ");
    if (indentation >= 0) {
      // snakeyaml adds this hint to every character that cannot start a token; it fits tabs only.
      boolean tab = s.contains("(TAB)");
      s =
          s.substring(0, indentation)
              + (tab ? " (tabs cannot be used for indentation)" : " (quote the value)");
      s = s.replace("character '\\t(TAB)'", "a tab character");
    }
    if (s.regionMatches(true, 0, "version{", 0, 8)) {
      s = "unsupported YAML version in the %YAML directive, expected 1.1 or 1.2";
    }
    if (s.endsWith(".") || s.endsWith(":")) {
      s = s.substring(0, s.length() - 1);
    }
    if (!s.isEmpty()
        && Character.isUpperCase(s.charAt(0))
        && (s.length() == 1 || !Character.isUpperCase(s.charAt(1)))) {
      s = Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
    return s;
  }
}
