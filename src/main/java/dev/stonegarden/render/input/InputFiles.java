package dev.stonegarden.render.input;

import java.nio.file.Path;
import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files one render read, and the paths it looked for and did not find (a file created there
 * would change the render): every input of the render, as absolute normalised paths. A render reads
 * its service.yaml, the nearest platform.yaml (and looks in every directory up to the repository
 * root), values.yaml, every kustomization, resource, patch and generator file of the overlay
 * (shared bases and components included), and the dashboards and alert files service.yaml names.
 * Filled by the loaders as they read; {@link #none()} records nothing.
 */
public class InputFiles {
  private final SortedSet<Path> paths = new TreeSet<>();

  /** A record that keeps nothing (the default: single renders need no record). */
  public static InputFiles none() {
    return NONE;
  }

  private static final InputFiles NONE =
      new InputFiles() {
        @Override
        public void add(Path path) {}
      };

  /** Notes that the render read {@code path}, or looked for it. */
  public synchronized void add(Path path) {
    paths.add(path.toAbsolutePath().normalize());
  }

  /** Every path read or looked for, sorted. */
  public synchronized SortedSet<Path> paths() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(paths));
  }
}
