package dev.stonegarden.render.yaml;

import dev.stonegarden.render.files.RootedFiles;

/**
 * Bounds on what one YAML file may cost to read (docs/rendering.md#limits); beyond them the reader
 * fails with an {@link dev.stonegarden.render.diag.InputException} instead of running out of time,
 * memory or stack.
 *
 * @param maxFileBytes the largest file, in bytes ({@link YamlReader#readFile}) or characters
 *     ({@link YamlReader#read} of a string)
 * @param maxDocuments the most documents in one file
 * @param maxDepth the deepest nesting of mappings and sequences, in the source and after aliases
 *     are expanded
 * @param maxAliasExpansions the most alias uses per document, counting aliases met again inside
 *     expanded content (so a "billion laughs" bomb stops after this many steps)
 * @param expansionFactor the expanded size of all documents of a file, at most this many times the
 *     file's length in characters; a scalar counts its length plus one, a key its length plus one,
 *     a mapping or sequence one, so a file without aliases never comes close
 */
public record YamlLimits(
    long maxFileBytes,
    int maxDocuments,
    int maxDepth,
    int maxAliasExpansions,
    int expansionFactor) {

  /**
   * The product's defaults: 16 MiB (the loader's file limit, sized to the heap:
   * docs/robustness.md#limits-and-memory), 50,000 documents, depth 1,000, 1,000 aliases, 10×.
   */
  public static final YamlLimits DEFAULT =
      new YamlLimits(RootedFiles.DEFAULT_MAX_FILE_BYTES, 50_000, 1_000, 1_000, 10);

  public YamlLimits {
    if (maxFileBytes < 0
        || maxDocuments < 0
        || maxDepth < 1
        || maxAliasExpansions < 0
        || expansionFactor < 1) {
      throw new IllegalArgumentException("invalid YAML limits");
    }
  }
}
