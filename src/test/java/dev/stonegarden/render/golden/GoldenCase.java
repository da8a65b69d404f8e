package dev.stonegarden.render.golden;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * One end-to-end case under {@code test-fixtures/}: a directory holding {@code case.yaml} (the
 * command line, environment, working directory and exit code) and the expected stdout and stderr.
 * See {@code test-fixtures/README.md}.
 */
record GoldenCase(
    String name,
    Path dir,
    List<String> args,
    Map<String, String> env,
    Path workingDirectory,
    int exit) {

  static final String CASE_FILE = "case.yaml";
  static final String EXPECTED_STDOUT = "expected.stdout";
  static final String EXPECTED_STDERR = "expected.stderr";

  /** Every directory below {@code root} that holds a case.yaml, sorted by path. */
  static List<GoldenCase> discover(Path root) throws IOException {
    List<GoldenCase> cases = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path caseFile :
          files.filter(p -> p.getFileName().toString().equals(CASE_FILE)).sorted().toList()) {
        cases.add(load(root, caseFile.getParent()));
      }
    }
    return cases;
  }

  @SuppressWarnings("unchecked")
  static GoldenCase load(Path root, Path dir) throws IOException {
    Object parsed =
        new Load(LoadSettings.builder().build())
            .loadFromString(Files.readString(dir.resolve(CASE_FILE), StandardCharsets.UTF_8));
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new IllegalStateException(dir + "/case.yaml: expected a mapping");
    }
    for (Object key : map.keySet()) {
      if (!List.of("description", "args", "env", "cwd", "exit").contains(key)) {
        throw new IllegalStateException(dir + "/case.yaml: unknown key " + key);
      }
    }
    List<String> args = new ArrayList<>();
    for (Object a : (List<Object>) map.get("args")) {
      args.add(String.valueOf(a));
    }
    Map<String, String> env = new LinkedHashMap<>();
    if (map.get("env") instanceof Map<?, ?> e) {
      e.forEach((k, v) -> env.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    Path cwd =
        dir.resolve(String.valueOf(map.containsKey("cwd") ? map.get("cwd") : "app")).normalize();
    int exit = map.get("exit") instanceof Integer i ? i : 0;
    String name = root.relativize(dir).toString().replace('\\', '/');
    return new GoldenCase(name, dir, List.copyOf(args), env, cwd, exit);
  }

  /** What one in-process run printed and returned. */
  record Run(String stdout, String stderr, int exit) {}

  Run run() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Cli.run(
            args.toArray(String[]::new),
            new Invocation(workingDirectory, env, new PrintWriter(out), new PrintWriter(err)));
    return new Run(out.toString(), err.toString(), code);
  }

  String expected(String file) throws IOException {
    Path p = dir.resolve(file);
    return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
  }

  /** Writes {@code run} as the new expectation; an empty stream has no file. */
  void update(Run run) throws IOException {
    write(EXPECTED_STDOUT, run.stdout());
    write(EXPECTED_STDERR, run.stderr());
  }

  private void write(String file, String content) throws IOException {
    Path p = dir.resolve(file);
    if (content.isEmpty()) {
      Files.deleteIfExists(p);
    } else {
      Files.writeString(p, content, StandardCharsets.UTF_8);
    }
  }
}
