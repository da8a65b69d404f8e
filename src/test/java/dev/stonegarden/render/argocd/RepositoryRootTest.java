package dev.stonegarden.render.argocd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepositoryRootTest {
  @TempDir Path tmp;
  Path repo;
  Path service;

  @BeforeEach
  void layout() throws IOException {
    repo = tmp.toRealPath().resolve("repo");
    service = repo.resolve("kubernetes/services/audiobookshelf");
    Files.createDirectories(service);
  }

  private static ArgoEnvironment sourcePath(String path) {
    return ArgoEnvironment.from(Map.of("ARGOCD_APP_SOURCE_PATH", path, "ARGOCD_APP_NAME", "app"));
  }

  @Test
  void argoCdWorkingDirectoryMinusSourcePath() {
    assertEquals(
        repo,
        RepositoryRoot.find(
            service, Path.of("."), sourcePath("kubernetes/services/audiobookshelf"), null));
    assertEquals(
        repo,
        RepositoryRoot.find(
            service, Path.of("."), sourcePath("./kubernetes/services/audiobookshelf/"), null));
    assertEquals(service, RepositoryRoot.find(service, Path.of("."), sourcePath("."), null));
    assertEquals(service, RepositoryRoot.find(service, Path.of("."), sourcePath(""), null));
  }

  @Test
  void argoCdSourcePathWinsOverGit() throws IOException {
    Files.createDirectories(service.resolve(".git"));
    assertEquals(
        repo,
        RepositoryRoot.find(
            service, Path.of("."), sourcePath("kubernetes/services/audiobookshelf"), null));
  }

  @Test
  void argoCdMismatchFailsClearly() {
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                RepositoryRoot.find(service, Path.of("."), sourcePath("services/payments"), null));
    String message = e.diagnostics().get(0).message();
    assertTrue(
        message.startsWith(
            "the working directory does not end with ARGOCD_APP_SOURCE_PATH \"services/payments\""),
        message);
    assertTrue(!message.contains(tmp.toString()), "no absolute path: " + message);
    assertThrows(
        InputException.class,
        () -> RepositoryRoot.find(service, Path.of("."), sourcePath("../x"), null));
    assertThrows(
        InputException.class,
        () -> RepositoryRoot.find(service, Path.of("."), sourcePath("/abs"), null));
  }

  @Test
  void nearestGitAncestorOfTheServiceDirectory() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    assertEquals(repo, RepositoryRoot.find(service, Path.of("."), ArgoEnvironment.none(), null));
    assertEquals(
        repo,
        RepositoryRoot.find(
            tmp, Path.of("repo/kubernetes/services/audiobookshelf"), ArgoEnvironment.none(), null));
    // A .git file (a worktree or submodule) counts too, and the nearest wins.
    Files.writeString(repo.resolve("kubernetes/.git"), "gitdir: elsewhere\n");
    assertEquals(
        repo.resolve("kubernetes"),
        RepositoryRoot.find(service, Path.of("."), ArgoEnvironment.none(), null));
  }

  @Test
  void fallbackWithoutGit() {
    // docs/rendering.md#repository-root: the working directory when it contains the service
    // directory ...
    assertEquals(
        repo,
        RepositoryRoot.find(
            repo, Path.of("kubernetes/services/audiobookshelf"), ArgoEnvironment.none(), null));
    // ... else the service directory's parent.
    Path elsewhere = tmp.resolve("other");
    assertEquals(
        service.getParent(), RepositoryRoot.find(elsewhere, service, ArgoEnvironment.none(), null));
    assertEquals(service, RepositoryRoot.find(service, Path.of("."), ArgoEnvironment.none(), null));
  }

  @Test
  void repoRootOptionWins() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path kubernetes = repo.resolve("kubernetes");
    assertEquals(
        kubernetes,
        RepositoryRoot.find(
            service,
            Path.of("."),
            sourcePath("kubernetes/services/audiobookshelf"),
            Path.of("../..")));
    assertEquals(
        kubernetes, RepositoryRoot.find(repo, service, ArgoEnvironment.none(), kubernetes));
  }

  @Test
  void repoRootOptionMustContainTheServiceAndExist() {
    InputException outside =
        assertThrows(
            InputException.class,
            () -> RepositoryRoot.find(repo, service, ArgoEnvironment.none(), Path.of("elsewhere")));
    assertTrue(outside.diagnostics().get(0).message().contains("is not a directory"));
    Path other = tmp.resolve("other");
    assertTrue(other.toFile().mkdirs());
    InputException notContaining =
        assertThrows(
            InputException.class,
            () -> RepositoryRoot.find(repo, service, ArgoEnvironment.none(), other));
    assertEquals(
        "the service directory lies outside --repo-root " + other,
        notContaining.diagnostics().get(0).message());
  }

  @Test
  void symlinkedRepositoryResolvesToTheRealPath() throws IOException {
    Files.createDirectories(repo.resolve(".git"));
    Path link = Files.createSymbolicLink(tmp.resolve("link"), repo);
    assertEquals(
        repo,
        RepositoryRoot.find(
            link.resolve("kubernetes/services/audiobookshelf"),
            Path.of("."),
            ArgoEnvironment.none(),
            null));
  }

  @Test
  void anAppPathThatIsASymbolicLinkFindsTheRoot() throws IOException {
    // Argo CD starts the plugin in <root>/apps/audiobookshelf; the process's working directory is
    // the link's target, which does not end with the source path: every render used to fail.
    Files.createDirectories(repo.resolve("apps"));
    Files.createSymbolicLink(
        repo.resolve("apps/audiobookshelf"), Path.of("../kubernetes/services/audiobookshelf"));
    assertEquals(
        repo, RepositoryRoot.find(service, Path.of("."), sourcePath("apps/audiobookshelf"), null));
  }

  @Test
  void anAppPathLinkedOutsideTheRepositoryFindsNoRoot() throws IOException {
    Path outside = tmp.toRealPath().resolve("outside/app");
    Files.createDirectories(outside);
    Files.createDirectories(repo.resolve("apps"));
    Files.createSymbolicLink(repo.resolve("apps/app"), outside);
    InputException e =
        assertThrows(
            InputException.class,
            () -> RepositoryRoot.find(outside, Path.of("."), sourcePath("apps/app"), null));
    assertTrue(
        e.diagnostics()
            .get(0)
            .message()
            .startsWith("the working directory does not end with ARGOCD_APP_SOURCE_PATH"));
  }

  @Test
  void aSourcePathNamingTheWholeWorkingDirectoryIsRefused() {
    // It used to make / the repository root, so nothing on the machine was outside it.
    String whole = service.toString().substring(1);
    InputException e =
        assertThrows(
            InputException.class,
            () -> RepositoryRoot.find(service, Path.of("."), sourcePath(whole), null));
    assertEquals(
        "ARGOCD_APP_SOURCE_PATH "
            + ArgoEnvironment.quote(whole)
            + " names the whole working directory, so the repository root would be /: pass"
            + " --repo-root to say where the repository root is",
        e.diagnostics().get(0).message());
  }
}
