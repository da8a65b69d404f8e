package dev.stonegarden.render.diag;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which source lines may hold a secret, so that no excerpt shows them (values of secretGenerator
 * literals and files, and data of Secrets, never appear in diagnostics;
 * docs/robustness.md#secrets): inside a document of {@code kind: Secret} every line except those of
 * its {@code apiVersion}, {@code kind}, {@code metadata}, {@code type} and {@code immutable}
 * blocks, and inside a kustomization the {@code secretGenerator} block. A text scan, since the file
 * may not parse (a YAML error is what is being reported).
 */
final class SecretLines {
  private static final Pattern DOCUMENT_MARK = Pattern.compile("^(---|\\.\\.\\.)(\\s.*)?$");
  private static final Pattern SECRET_KIND =
      Pattern.compile("(^kind:\\s*[\"']?Secret[\"']?\\s*(#.*)?$)|(\"kind\"\\s*:\\s*\"Secret\")");
  private static final Pattern TOP_LEVEL_KEY =
      Pattern.compile("^[\"']?([A-Za-z0-9_.-]+)[\"']?\\s*:");
  private static final Set<String> PUBLIC_SECRET_KEYS =
      Set.of("apiVersion", "kind", "metadata", "type", "immutable");

  private SecretLines() {}

  /** Whether line {@code line} (1-based) of {@code lines} may hold a secret. */
  static boolean hides(List<String> lines, int line) {
    int index = line - 1;
    int start = index;
    while (start > 0 && !DOCUMENT_MARK.matcher(lines.get(start - 1)).matches()) {
      start--;
    }
    int end = index + 1;
    while (end < lines.size() && !DOCUMENT_MARK.matcher(lines.get(end)).matches()) {
      end++;
    }
    boolean secret = false;
    for (int i = start; i < end && !secret; i++) {
      secret = SECRET_KIND.matcher(lines.get(i)).find();
    }
    String block = enclosingTopLevelKey(lines, start, index);
    if (secret) {
      return block == null || !PUBLIC_SECRET_KEYS.contains(block);
    }
    return "secretGenerator".equals(block);
  }

  // The top-level key whose block holds line `index`, or null (flow or JSON style, or none).
  private static String enclosingTopLevelKey(List<String> lines, int start, int index) {
    for (int i = index; i >= start; i--) {
      String l = lines.get(i);
      if (l.isEmpty() || Character.isWhitespace(l.charAt(0)) || l.charAt(0) == '#') {
        continue;
      }
      if (l.charAt(0) == '-' && !l.startsWith("---")) {
        continue; // a sequence at the top level: keep looking for its key
      }
      var m = TOP_LEVEL_KEY.matcher(l);
      return m.find() ? m.group(1) : null;
    }
    return null;
  }
}
