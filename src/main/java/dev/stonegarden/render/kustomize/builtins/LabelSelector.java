package dev.stonegarden.render.kustomize.builtins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A Kubernetes label selector string ({@code env in (prod,staging),!canary,tier=web}) as a
 * predicate on a label map (apimachinery's {@code labels.Parse}, used by replacement targets).
 */
public final class LabelSelector {
  private LabelSelector() {}

  /** Parses {@code selector}; an empty selector matches everything. */
  public static Predicate<Map<String, String>> parse(String selector) {
    List<Predicate<Map<String, String>>> terms = new ArrayList<>();
    for (String term : splitTerms(selector)) {
      terms.add(term(term.strip()));
    }
    return labels -> terms.stream().allMatch(t -> t.test(labels));
  }

  private static List<String> splitTerms(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    StringBuilder cur = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (c == ',' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString());
    }
    return out;
  }

  private static Predicate<Map<String, String>> term(String t) {
    if (t.startsWith("!")) {
      String key = t.substring(1).strip();
      return l -> !l.containsKey(key);
    }
    int in = indexOfWord(t, " notin ");
    if (in > 0) {
      String key = t.substring(0, in).strip();
      List<String> values = values(t.substring(in + 7));
      return l -> !l.containsKey(key) || !values.contains(l.get(key));
    }
    in = indexOfWord(t, " in ");
    if (in > 0) {
      String key = t.substring(0, in).strip();
      List<String> values = values(t.substring(in + 4));
      return l -> l.containsKey(key) && values.contains(l.get(key));
    }
    int ne = t.indexOf("!=");
    if (ne > 0) {
      String key = t.substring(0, ne).strip();
      String v = t.substring(ne + 2).strip();
      return l -> !v.equals(l.get(key));
    }
    int eq = t.indexOf('=');
    if (eq > 0) {
      String key = t.substring(0, eq).strip();
      String v = t.substring(t.startsWith("==", eq) ? eq + 2 : eq + 1).strip();
      return l -> v.equals(l.get(key));
    }
    String key = t.strip();
    return l -> l.containsKey(key);
  }

  private static int indexOfWord(String t, String word) {
    return t.indexOf(word);
  }

  private static List<String> values(String s) {
    String v = s.strip();
    if (v.startsWith("(")) {
      v = v.substring(1);
    }
    if (v.endsWith(")")) {
      v = v.substring(0, v.length() - 1);
    }
    List<String> out = new ArrayList<>();
    for (String p : v.split(",")) {
      out.add(p.strip());
    }
    return out;
  }
}
