package dev.stonegarden.render.service;

import java.util.Locale;

/**
 * "Did you mean" suggestions for misspelt keys and names, by edit distance (Levenshtein,
 * case-insensitive).
 */
public final class Spelling {
  private Spelling() {}

  /**
   * The candidate closest to {@code word}, or null when none is close: at most one edit for short
   * words, up to three for long ones (a third of the word's length). Ties go to the earlier
   * candidate.
   */
  public static String closest(String word, Iterable<String> candidates) {
    String w = word.toLowerCase(Locale.ROOT);
    int limit = Math.max(1, Math.min(3, w.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String c : candidates) {
      if (c.equals(word)) {
        continue;
      }
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d <= limit && d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    return best;
  }

  /** {@code "; did you mean \"x\"?"}, or the empty string when nothing is close. */
  public static String didYouMean(String word, Iterable<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : "; did you mean \"" + c + "\"?";
  }

  /** Levenshtein distance with transpositions counted as one edit (optimal string alignment). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
