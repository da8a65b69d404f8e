package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.yaml.ScalarResolver;
import dev.stonegarden.render.yaml.YamlVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Recovers the text a plain scalar had in its file. kustomize turns annotation values into strings
 * from the YAML node's own text, so {@code 1.10}, {@code 0x1F} or {@code 2024-01-01} come out as
 * written, whereas our tree holds their typed values. The text is taken from the source position
 * and used only if it still types to the value the tree holds (a patch may have replaced it).
 */
final class RawScalars {
  // Looked up by file only; never iterated.
  private final Map<Path, List<String>> lines = new HashMap<>();

  /**
   * The source text of the value at {@code pointer}, or null when it cannot be trusted or is not
   * needed.
   */
  String plainText(Resource r, String pointer, JsonNode value) {
    if (value == null || value.isContainer() || value.isNull()) {
      return null;
    }
    boolean maybeTimestamp = value.isString() && value.stringValue().endsWith("Z");
    if (value.isString() && !maybeTimestamp) {
      return null;
    }
    SourcePosition at = r.sourceMap().positionOf(pointer);
    if (!at.hasFile() || at.line() == 0 || at.column() == 0) {
      return null;
    }
    List<String> file = lines.computeIfAbsent(at.file(), RawScalars::read);
    if (at.line() > file.size()) {
      return null;
    }
    String line = file.get(at.line() - 1);
    if (at.column() - 1 >= line.length()) {
      return null;
    }
    String text = token(line.substring(at.column() - 1));
    if (text.isEmpty()) {
      return null;
    }
    ScalarResolver.Resolved resolved = ScalarResolver.resolve(text, YamlVersion.YAML_1_2);
    if (resolved.kind() == ScalarResolver.Kind.STRING || !resolved.value().equals(value)) {
      return null;
    }
    return text;
  }

  // A plain scalar ends at a comment, or at ',', '}' or ']' inside flow collections.
  private static String token(String rest) {
    char first = rest.charAt(0);
    if (first == '"'
        || first == '\''
        || first == '|'
        || first == '>'
        || first == '&'
        || first == '!') {
      return "";
    }
    int end = rest.length();
    int comment = rest.indexOf(" #");
    if (comment >= 0) {
      end = comment;
    }
    for (char c : new char[] {',', '}', ']'}) {
      int i = rest.indexOf(c);
      if (i >= 0 && i < end) {
        end = i;
      }
    }
    return rest.substring(0, end).strip();
  }

  // Files the loader read before; read again through it (a regular file, bounded in size).
  private static List<String> read(Path file) {
    RootedFiles.Read read = RootedFiles.at(file.getParent()).tryRead(file, "");
    return read.ok()
        ? new String(read.bytes(), StandardCharsets.UTF_8).lines().toList()
        : List.of();
  }
}
