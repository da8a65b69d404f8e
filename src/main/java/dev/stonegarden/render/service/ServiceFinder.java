package dev.stonegarden.render.service;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the service definitions under a directory: {@code DIR/service.yaml} when DIR is a service
 * directory, else every {@code service.yaml} below it that is a platform {@code Service}. A service
 * directory is not searched further (its {@code environments/base/service.yaml} is usually a
 * Kubernetes Service), {@code .git} is skipped, and the result is sorted by path (never the file
 * system's order, which differs between machines).
 */
public final class ServiceFinder {
  /** The file name of a service definition. */
  public static final String FILE_NAME = "service.yaml";

  // A cheap look at the apiVersion line, to pass over Kubernetes manifests named service.yaml.
  private static final Pattern PLATFORM_API =
      Pattern.compile("(?m)^apiVersion:\\s*[\"']?platform\\.stonegarden\\.dev/");

  private ServiceFinder() {}

  /**
   * The service.yaml files of {@code dirOrRoot} (or {@code dirOrRoot} itself when it is a
   * service.yaml), sorted; an {@link InputException} when there are none.
   */
  public static List<Path> find(Path dirOrRoot) {
    Path start = dirOrRoot.toAbsolutePath().normalize();
    if (Files.isRegularFile(start) && start.getFileName().toString().equals(FILE_NAME)) {
      return List.of(start); // `validate path/to/service.yaml` means that service
    }
    if (!Files.isDirectory(start)) {
      throw new InputException(SourcePosition.of(start), "not a directory");
    }
    Path own = start.resolve(FILE_NAME);
    if (Files.isRegularFile(own)) {
      return List.of(own);
    }
    List<Path> found = new ArrayList<>();
    RootedFiles files = RootedFiles.at(start);
    try {
      Files.walkFileTree(
          start,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              if (dir.getFileName() != null && dir.getFileName().toString().equals(".git")) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              Path candidate = dir.resolve(FILE_NAME);
              if (!dir.equals(start)
                  && Files.isRegularFile(candidate)
                  && isPlatformService(files, candidate)) {
                found.add(candidate);
                return FileVisitResult.SKIP_SUBTREE;
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              return FileVisitResult
                  .CONTINUE; // an unreadable corner of the tree holds no service we could read
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (found.isEmpty()) {
      throw new InputException(
          SourcePosition.of(start),
          "no service.yaml (apiVersion: platform.stonegarden.dev/...) in this directory or below");
    }
    found.sort(Comparator.comparing(p -> start.relativize(p).toString().replace('\\', '/')));
    return List.copyOf(found);
  }

  private static boolean isPlatformService(RootedFiles files, Path file) {
    RootedFiles.Read read = files.tryRead(file, FILE_NAME);
    if (!read.ok()) {
      return true; // refused or unreadable: let the reader report it
    }
    return PLATFORM_API
        .matcher(new String(read.bytes(), java.nio.charset.StandardCharsets.UTF_8))
        .find();
  }
}
