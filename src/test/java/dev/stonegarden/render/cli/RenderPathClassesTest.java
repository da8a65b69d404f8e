package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a render must not start, checked in a fresh JVM (in this one, other tests have started
 * everything), each a measured cost of a render's start-up (docs/install.md#start-up): databind's
 * {@code ObjectMapper}, whose first construction cost about a fifth of it; a record's generated
 * {@code equals}/{@code hashCode}/{@code toString} and the JDK's comparator factories, which link
 * through invokedynamic call sites the JDK 25 AOT cache does not keep (each spins method-handle
 * classes at run time); a service look-up that opens every jar on the class path (slf4j's provider,
 * the logger {@code System.exit} asks on JDK 21 and later); and the locale data a {@code %d} in
 * {@code String.format} loads. A change that brings one back fails here, not in a benchmark nobody
 * ran. The JDK 25 run of the suite runs it too (the exit's logger exists only there).
 */
class RenderPathClassesTest {
  private static final Path EXAMPLE = Path.of("examples/kubernetes/services/audiobookshelf");

  /** Classes whose initialization means one of the costs above, with what it means. */
  private static final Map<String, String> SLOW =
      Map.of(
          "tools/jackson/databind/ObjectMapper'", "an ObjectMapper was built",
          "tools/jackson/databind/cfg/MapperBuilder'", "an ObjectMapper was built",
          "tools/jackson/databind/node/InternalNodeSerializer'", "a tree was printed by databind",
          "java/lang/runtime/ObjectMethods'", "a record's generated equals/hashCode/toString ran",
          "java/util/ServiceLoader$LazyClassPathLookupIterator'",
              "a service look-up scanned the class path",
          "java/util/ResourceBundle'", "locale data was loaded (String.format with a number?)");

  /** Classes whose invokedynamic call sites are serializable lambdas (comparator factories). */
  private static final List<String> SERIALIZABLE_LAMBDAS =
      List.of("Bootstrap in java/util/Comparator ", "Bootstrap in java/util/Map$Entry ");

  @ParameterizedTest
  @ValueSource(strings = {"dev", "canary", "production"})
  void aRenderStartsNothingSlow(String env, @TempDir Path tmp) throws Exception {
    int exit =
        logClassInit(
            tmp, Map.of(), Main.class.getName(), "generate", "--env", env, EXAMPLE.toString());
    assertRenderedWithoutSlowStarts(tmp, exit, env);
  }

  @Test
  void argoCdsFormStartsNothingSlow(@TempDir Path tmp) throws Exception {
    // As the sidecar runs it: the app directory as working directory, the environment from
    // Argo CD's parameters (docs/argocd.md).
    Map<String, String> argo =
        Map.of(
            "ARGOCD_APP_NAME", "audiobookshelf-canary",
            "ARGOCD_APP_NAMESPACE", "audiobookshelf-canary",
            "ARGOCD_APP_PARAMETERS", "[{\"name\":\"environment\",\"string\":\"canary\"}]",
            "PARAM_ENVIRONMENT", "canary",
            "KUBE_VERSION", "1.33.0");
    int exit = logClassInit(tmp, EXAMPLE, argo, Main.class.getName(), "generate");
    assertRenderedWithoutSlowStarts(tmp, exit, "Argo CD's form");
  }

  private static void assertRenderedWithoutSlowStarts(Path tmp, int exit, String what)
      throws java.io.IOException {
    assertEquals(0, exit, () -> read(tmp.resolve("err.txt")));
    assertTrue(Files.size(tmp.resolve("out.txt")) > 1000, "the render printed its manifests");
    String init = read(tmp.resolve("init.log"));
    assertTrue(init.contains("dev/stonegarden/render/yaml/JsonTrees'"), "the log is the render's");
    List<String> found = new java.util.ArrayList<>();
    SLOW.forEach(
        (c, meaning) -> {
          if (init.contains("Initializing '" + c)) {
            found.add(c + " (" + meaning + ")");
          }
        });
    String indy = read(tmp.resolve("indy.log"));
    for (String site : SERIALIZABLE_LAMBDAS) {
      if (indy.contains(site)) {
        found.add(site.trim() + " (a comparator factory's serializable lambda)");
      }
    }
    assertEquals(List.of(), found, what + ": a render initialized");
  }

  @Test
  void theCheckCanFail(@TempDir Path tmp) throws Exception {
    // The same logs of a JVM that does each slow thing name every one of them: the tests above
    // are not vacuous.
    assertEquals(0, logClassInit(tmp, Map.of(), DoesEachSlowThing.class.getName()));
    String init = read(tmp.resolve("init.log"));
    for (String c : SLOW.keySet()) {
      assertTrue(init.contains("Initializing '" + c), c);
    }
    String indy = read(tmp.resolve("indy.log"));
    for (String site : SERIALIZABLE_LAMBDAS) {
      assertTrue(indy.contains(site), site);
    }
  }

  /** A program that does what the render must not. */
  static final class DoesEachSlowThing {
    record Pair(String a, String b) {}

    public static void main(String[] args) {
      // What networknt does with enums: prints a databind string node (builds a mapper).
      System.out.println(tools.jackson.databind.node.JsonNodeFactory.instance.stringNode("x"));
      System.out.println(new Pair("a", "b").hashCode());
      System.out.println(java.util.ServiceLoader.load(Runnable.class).findFirst().isPresent());
      System.out.println(String.format(java.util.Locale.ROOT, "%d", 1));
      List<String> l = new java.util.ArrayList<>(List.of("b", "a"));
      l.sort(java.util.Comparator.comparing(String::length).thenComparing(x -> x));
      System.out.println(
          java.util.Collections.max(Map.of("k", 1).entrySet(), Map.Entry.comparingByKey()));
    }
  }

  /**
   * Runs {@code mainClass} with {@code args} in a fresh JVM on the test class path, in the working
   * directory {@code cwd} with {@code env} added to the environment, its class initializations
   * logged to {@code dir/init.log} and its invokedynamic links to {@code dir/indy.log}, stdout and
   * stderr in {@code dir/out.txt} and {@code dir/err.txt}; the exit code.
   */
  private static int logClassInit(
      Path dir, Path cwd, Map<String, String> env, String mainClass, String... args)
      throws Exception {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xlog:class+init=info:file=" + dir.toAbsolutePath().resolve("init.log"));
    command.add("-Xlog:methodhandles+indy=debug:file=" + dir.toAbsolutePath().resolve("indy.log"));
    command.add("-cp");
    command.add(
        java.util.Arrays.stream(
                System.getProperty("java.class.path").split(java.io.File.pathSeparator))
            .map(e -> Path.of(e).toAbsolutePath().toString())
            .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator)));
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    pb.environment().putAll(env);
    Process p =
        pb.redirectOutput(dir.resolve("out.txt").toFile())
            .redirectError(dir.resolve("err.txt").toFile())
            .start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), mainClass + " did not finish");
    return p.exitValue();
  }

  private static int logClassInit(
      Path dir, Map<String, String> env, String mainClass, String... args) throws Exception {
    return logClassInit(dir, Path.of("").toAbsolutePath(), env, mainClass, args);
  }

  private static String read(Path p) {
    try {
      return Files.readString(p, StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
