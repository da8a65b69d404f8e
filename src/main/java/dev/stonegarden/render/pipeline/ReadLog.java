package dev.stonegarden.render.pipeline;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files and directories one render read, as the loaders report them (absolute, symbolic links
 * resolved): what an Application's {@code argocd.argoproj.io/manifest-generate-paths} must list so
 * that a commit refreshes exactly the Applications it affects (docs/appset.md). {@link #none()}
 * records nothing and costs nothing, so {@code generate} passes it.
 */
public final class ReadLog {
  private static final ReadLog NONE = new ReadLog(false);

  private final boolean recording;
  private final Set<Path> paths = new TreeSet<>();

  private ReadLog(boolean recording) {
    this.recording = recording;
  }

  /** A log that records nothing. */
  public static ReadLog none() {
    return NONE;
  }

  /** A log that keeps every path it is told about. */
  public static ReadLog recording() {
    return new ReadLog(true);
  }

  /** Whether this log keeps what it is told (a caller may skip computing a path when not). */
  public boolean isRecording() {
    return recording;
  }

  /** A file read, or a directory whose contents the render depends on (a kustomization root). */
  public void read(Path path) {
    if (recording) {
      synchronized (paths) {
        paths.add(path.toAbsolutePath().normalize());
      }
    }
  }

  /** What was read, sorted, without repeats. */
  public List<Path> paths() {
    synchronized (paths) {
      return List.copyOf(paths);
    }
  }
}
