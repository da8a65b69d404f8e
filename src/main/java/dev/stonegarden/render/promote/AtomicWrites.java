package dev.stonegarden.render.promote;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes several files all or nothing, as far as a file system allows: every new text goes to a
 * temporary file beside its target first (with the target's permissions, or for a new file those of
 * a sibling such as kustomization.yaml), and only when all are staged is each renamed over its
 * target. A reader never sees a half-written file.
 */
public final class AtomicWrites {
  private final Map<Path, String> files = new LinkedHashMap<>();

  /** Adds {@code text} for {@code target}; {@code modeFrom} gives a new file's permissions. */
  public AtomicWrites add(Path target, String text) {
    files.put(target, text);
    return this;
  }

  /** Stages every file, then renames each into place. */
  public void commit() {
    List<Path[]> staged = new ArrayList<>();
    try {
      for (Map.Entry<Path, String> f : files.entrySet()) {
        Path target = f.getKey();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        staged.add(new Path[] {tmp, target});
        Files.writeString(tmp, f.getValue(), StandardCharsets.UTF_8);
        copyMode(Files.exists(target) ? target : sibling(dir), tmp);
      }
      for (Path[] s : staged) {
        try {
          Files.move(
              s[0], s[1], StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
          Files.move(s[0], s[1], StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      for (Path[] s : staged) {
        try {
          Files.deleteIfExists(s[0]);
        } catch (IOException ignored) {
          // best effort: the temporary file is hidden and named after its target
        }
      }
      throw new UncheckedIOException(e);
    }
  }

  /** A file whose permissions a new file in {@code dir} takes: its kustomization, if any. */
  private static Path sibling(Path dir) {
    for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
      if (Files.isRegularFile(dir.resolve(name))) {
        return dir.resolve(name);
      }
    }
    return null;
  }

  private static void copyMode(Path from, Path to) throws IOException {
    PosixFileAttributeView view = Files.getFileAttributeView(to, PosixFileAttributeView.class);
    if (view == null) {
      return; // not a POSIX file system: the default permissions stay
    }
    Set<PosixFilePermission> mode =
        from != null
            ? Files.getPosixFilePermissions(from)
            : Set.of(
                PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.GROUP_READ,
                PosixFilePermission.OTHERS_READ);
    view.setPermissions(mode);
  }
}
