package dev.stonegarden.render.yaml;

/**
 * What kustomize's internal round trip does to a folded block scalar ({@code >}): kyaml keeps the
 * node's folded style, go-yaml v3's emitter writes it back as a folded block and go-yaml v3 reads
 * that again (docs/kustomize.md#output-format). The emitter adds a blank line after every line
 * break that ends a line not starting with a blank, so that the break survives folding; but it
 * decides whether to do so by looking at the start of the whole value instead of at the next line
 * ({@code yaml_emitter_write_folded_scalar}, {@code k := 0}). Before a more-indented line, which is
 * never folded, the blank line then stays: {@code "x\n y"} becomes {@code "x\n\n y"}. At the end of
 * a value kept with {@code >+}, the last break run gains one too. Seen in four wild builds (grafana
 * dashboards, CEL expressions, Maven settings) and checked with kubectl.
 *
 * <p>The emitter only keeps the folded style when a block scalar is allowed: no space right before
 * a line break, no trailing space, no character outside go-yaml's printable set (tabs are fine;
 * characters beyond the BMP are not). Otherwise it writes a double-quoted scalar and nothing
 * changes. Long lines are not folded on the way (kyaml's encoder does not wrap: a 160-column
 * more-indented line comes through whole, checked with kubectl).
 */
final class FoldedScalars {
  private FoldedScalars() {}

  /** The value of a folded scalar after kustomize's round trip. */
  static String afterKustomizeRoundTrip(String value) {
    if (value.isEmpty() || !blockAllowed(value)) {
      return value;
    }
    int k = 0;
    while (k < value.length() && value.charAt(k) == '\n') {
      k++;
    }
    if (k == value.length() || blank(value.charAt(k))) {
      return value; // the emitter's check looks here: a blank start means no extra breaks at all
    }
    int n = value.length();
    StringBuilder out = new StringBuilder(n + 8);
    boolean changed = false;
    int i = 0;
    while (i < n) {
      int nl = value.indexOf('\n', i);
      if (nl < 0) {
        out.append(value, i, n);
        break;
      }
      boolean lineHasText = nl > i;
      boolean leadsBlank = lineHasText && blank(value.charAt(i));
      out.append(value, i, nl);
      int runEnd = nl;
      while (runEnd < n && value.charAt(runEnd) == '\n') {
        runEnd++;
      }
      // The emitter's blank line survives before a more-indented line, and at the end under ">+".
      if (lineHasText
          && !leadsBlank
          && (runEnd < n ? blank(value.charAt(runEnd)) : runEnd - nl >= 2)) {
        out.append('\n');
        changed = true;
      }
      out.append(value, nl, runEnd);
      i = runEnd;
    }
    return changed ? out.toString() : value;
  }

  /**
   * go-yaml v3's {@code block_allowed}: no space before a break or at the end, only printable
   * characters.
   */
  static boolean blockAllowed(String value) {
    int n = value.length();
    if (value.charAt(n - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < n; ) {
      int c = value.codePointAt(i);
      if (c == ' ' && i + 1 < n && value.charAt(i + 1) == '\n') {
        return false;
      }
      if (c != '\t' && !printable(c)) {
        return false;
      }
      i += Character.charCount(c);
    }
    return true;
  }

  /** go-yaml's {@code is_printable}, which knows only 1- to 3-byte UTF-8. */
  private static boolean printable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  private static boolean blank(char c) {
    return c == ' ' || c == '\t';
  }
}
