package dev.stonegarden.render.testing;

import dev.stonegarden.render.yaml.SourceMap;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Positions a test gives by hand, as the {@link SourceMap.Locator} of a source map, so messages can
 * be checked for line:column without a YAML file behind them ({@code new
 * Positions().value("/replicas", 3, 11).in(file)}).
 */
public final class Positions implements SourceMap.Locator {
  private final Map<String, int[]> values = new HashMap<>(); // looked up only
  private final Map<String, int[]> keys = new HashMap<>(); // looked up only

  /** The 1-based line and column of the value at {@code pointer}. */
  public Positions value(String pointer, int line, int column) {
    values.put(pointer, new int[] {line, column});
    return this;
  }

  /** The 1-based line and column of the key whose value is at {@code pointer}. */
  public Positions key(String pointer, int line, int column) {
    keys.put(pointer, new int[] {line, column});
    return this;
  }

  /** A source map of {@code file} with these positions. */
  public SourceMap in(Path file) {
    return new SourceMap(file, this);
  }

  @Override
  public int[] locate(String pointer, boolean key) {
    return (key ? keys : values).get(pointer);
  }
}
