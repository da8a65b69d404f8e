package dev.stonegarden.render.yaml;

import java.util.List;

/**
 * The order in which kustomize prints mapping keys: go-yaml v2's "natural" key sort ({@code
 * keyList.Less} in {@code sorter.go}), restricted to string keys (docs/kustomize.md#key-order).
 *
 * <p>Keys are compared code point by code point. At the first difference: two letters compare by
 * code point; a letter against a non-letter puts the non-letter first; otherwise the runs of
 * decimal digits starting there are compared as numbers, then by run length, then by code point.
 * When no difference is found the shorter key comes first.
 *
 * <p>This order is not transitive: {@code a12 < a1b < a9 < a12}, {@code 01 < 0B < 1 < 01}. On a key
 * set with such a cycle kustomize's own output changes from run to run (Go's random map order feeds
 * its sort; seen with kubectl on generated keys). We sort deterministically: same keys in the same
 * insertion order give the same output, and on cycle-free sets (all of the conformance corpora) the
 * order is kustomize's.
 */
public final class KeyOrder {
  private KeyOrder() {}

  /** Whether {@code a} sorts before {@code b}, exactly as go-yaml v2 decides for string keys. */
  public static boolean less(String a, String b) {
    return less(YamlWriter.codePoints(a), YamlWriter.codePoints(b));
  }

  static boolean less(int[] ar, int[] br) {
    int n = Math.min(ar.length, br.length);
    for (int i = 0; i < n; i++) {
      int ac = ar[i];
      int bc = br[i];
      if (ac == bc) {
        continue;
      }
      boolean al = Character.isLetter(ac);
      boolean bl = Character.isLetter(bc);
      if (al && bl) {
        return ac < bc;
      }
      if (al || bl) {
        // the non-letter goes first
        return bl;
      }
      // Neither is a letter: compare the digit runs that start here as numbers. go-yaml works in
      // int64 and lets long runs wrap around; Java's long arithmetic wraps the same way.
      long an = 0;
      long bn = 0;
      if (ac == '0' || bc == '0') {
        // A zero after a non-zero digit of the same (shared) run: both numbers start at 1, so
        // "a10" and "a1x" compare by the rest of their runs rather than as 0 against x.
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      while (ai < ar.length && Character.isDigit(ar[ai])) {
        an = an * 10 + (ar[ai] - '0');
        ai++;
      }
      int bi = i;
      while (bi < br.length && Character.isDigit(br[bi])) {
        bn = bn * 10 + (br[bi] - '0');
        bi++;
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ac < bc;
    }
    return ar.length < br.length;
  }

  /**
   * Sorts {@code keys} in place into go-yaml v2 order. A merge sort on {@link #less} alone: it
   * never throws, even where the natural order is not transitive (long digit runs that wrap).
   */
  public static void sort(List<String> keys) {
    int n = keys.size();
    if (n < 2) {
      return;
    }
    String[] k = keys.toArray(new String[0]);
    int[][] cps = new int[n][];
    for (int i = 0; i < n; i++) {
      cps[i] = YamlWriter.codePoints(k[i]);
    }
    int[] idx = new int[n];
    for (int i = 0; i < n; i++) {
      idx[i] = i;
    }
    int[] tmp = new int[n];
    mergeSort(idx, tmp, 0, n, cps);
    for (int i = 0; i < n; i++) {
      keys.set(i, k[idx[i]]);
    }
  }

  private static void mergeSort(int[] a, int[] tmp, int from, int to, int[][] cps) {
    if (to - from < 2) {
      return;
    }
    if (to - from <= 8) {
      for (int i = from + 1; i < to; i++) {
        int x = a[i];
        int j = i - 1;
        while (j >= from && less(cps[x], cps[a[j]])) {
          a[j + 1] = a[j];
          j--;
        }
        a[j + 1] = x;
      }
      return;
    }
    int mid = (from + to) >>> 1;
    mergeSort(a, tmp, from, mid, cps);
    mergeSort(a, tmp, mid, to, cps);
    int i = from;
    int j = mid;
    int o = from;
    while (i < mid && j < to) {
      if (less(cps[a[j]], cps[a[i]])) {
        tmp[o++] = a[j++];
      } else {
        tmp[o++] = a[i++];
      }
    }
    while (i < mid) {
      tmp[o++] = a[i++];
    }
    while (j < to) {
      tmp[o++] = a[j++];
    }
    System.arraycopy(tmp, from, a, from, to - from);
  }
}
