package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code generate --all} terminated by SIGTERM at different moments of a run (rendering, writing
 * the new tree, swapping): OUT is always the old tree or the new one, whole, and the next run
 * leaves nothing beside it.
 */
class GenerateAllTerminationTest {
  @TempDir Path tmp;

  @Test
  void sigtermLeavesTheOldTreeOrTheNewOne() throws Exception {
    Path repo = tmp.resolve("repo");
    Path services = repo.resolve("services");
    Files.createDirectories(services);
    Files.copy(GenerateAllTest.EXAMPLE.resolve("platform.yaml"), repo.resolve("platform.yaml"));
    Files.writeString(repo.resolve(".git"), "gitdir: elsewhere\n");
    for (int i = 0; i < 40; i++) {
      Path s = services.resolve("svc-" + i);
      GenerateAllTest.copyTree(GenerateAllTest.EXAMPLE.resolve("services/n8n"), s);
      Path yaml = s.resolve("service.yaml");
      Files.writeString(
          yaml,
          Files.readString(yaml)
              .replace("name: n8n\n", "name: svc-" + i + "\n")
              .replace("namespace: n8n", "namespace: svc-" + i));
    }
    assertEquals(0, run("generate", "--all", "repo", "--output-dir", "out"));
    Map<String, String> before = GenerateAllTest.tree(tmp.resolve("out"));
    for (int i = 0; i < 40; i++) {
      Path values = services.resolve("svc-" + i + "/environments/production/values.yaml");
      Files.writeString(values, Files.readString(values).replace("1.80.0", "1.81.0"));
    }
    assertEquals(0, run("generate", "--all", "repo", "--output-dir", "after"));
    Map<String, String> after = GenerateAllTest.tree(tmp.resolve("after"));
    assertNotEquals(before, after);

    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (long delay : List.of(200L, 500L, 800L, 1100L, 1400L, 1700L, 2000L, 2500L, 3000L)) {
      Process p =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  "dev.stonegarden.render.cli.Main",
                  "generate",
                  "--all",
                  "repo",
                  "--output-dir",
                  "out")
              .directory(tmp.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      Thread.sleep(delay);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(10, TimeUnit.SECONDS), "still running 10 s after SIGTERM");
      Map<String, String> out = GenerateAllTest.tree(tmp.resolve("out"));
      assertTrue(
          out.equals(before) || out.equals(after),
          "after SIGTERM at " + delay + " ms OUT is neither tree: " + out.size() + " files");
      assertTrue(!Files.exists(tmp.resolve(".out.new")), "the partial tree is removed");
    }
    assertEquals(0, run("generate", "--all", "repo", "--output-dir", "out"));
    assertEquals(after, GenerateAllTest.tree(tmp.resolve("out")));
    try (Stream<Path> beside = Files.list(tmp)) {
      assertEquals(
          List.of("after", "out", "repo"),
          beside.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private int run(String... args) throws IOException {
    return Cli.run(
        args,
        new Invocation(
            tmp,
            Map.of(),
            new PrintWriter(new StringWriter()),
            new PrintWriter(new StringWriter())));
  }
}
