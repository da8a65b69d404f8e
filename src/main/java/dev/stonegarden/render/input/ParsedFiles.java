package dev.stonegarden.render.input;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Parsed files shared by the renders of one run (several services reading one base, one
 * platform.yaml): each file is parsed once per content. A hit is the value parsed from the same
 * path with the same bytes; callers copy what they mutate. Thread-safe.
 *
 * @param <T> what a file parses into
 */
public final class ParsedFiles<T> {
  private record Key(Path path, int hash, byte[] bytes) {
    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.path.equals(path) && Arrays.equals(k.bytes, bytes);
    }

    @Override
    public int hashCode() {
      return path.hashCode() * 31 + hash;
    }
  }

  private final ConcurrentHashMap<Key, T> parsed = new ConcurrentHashMap<>();

  /** The value of {@code bytes} read from {@code path}, parsed by {@code parse} on first use. */
  public T get(Path path, byte[] bytes, Function<byte[], T> parse) {
    Key key = new Key(path, Arrays.hashCode(bytes), bytes);
    T hit = parsed.get(key);
    if (hit != null) {
      return hit;
    }
    T value = parse.apply(bytes); // parse failures throw and are not cached
    T raced = parsed.putIfAbsent(key, value);
    return raced == null ? value : raced;
  }
}
