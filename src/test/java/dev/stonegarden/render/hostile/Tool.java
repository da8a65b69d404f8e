package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.argocd.ProcessRunner.Result;
import dev.stonegarden.render.cli.Invocation;
import dev.stonegarden.render.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Runs the tool in process (as {@code Main} does) or as a child JVM, and checks the contract. */
final class Tool {
  private Tool() {}

  /** One command line in process, with the environment given and nothing else. */
  static Result run(Path cwd, Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = run(cwd, env, new PrintWriter(out), new PrintWriter(err), args);
    return new Result(code, out.toString(), err.toString());
  }

  static int run(Path cwd, Map<String, String> env, PrintWriter out, PrintWriter err, String... a) {
    return Main.run(a, new Invocation(cwd, env, out, err));
  }

  /** {@code generate --env dev} of the repository's service, in process. */
  static Result generate(HostileRepo repo) {
    return run(repo.service(), Map.of(), "generate", "--env", "dev");
  }

  /** A writer that accepts {@code capacity} characters and then fails, as a full disk does. */
  static Writer failingAfter(int capacity) {
    return new Writer() {
      int written;

      @Override
      public void write(char[] cbuf, int off, int len) throws IOException {
        if (written + len > capacity) {
          throw new IOException("No space left on device");
        }
        written += len;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }

  /**
   * The tool in a child JVM on this test run's class path: {@code shell} is a bash command line in
   * which the function {@code tool} runs it ({@code TOOL_OPTS} adds JVM options) (so a case can set
   * {@code ulimit} or redirect stdout).
   */
  static Result process(Path cwd, Map<String, String> env, String shell) {
    String tool =
        "tool() { \"$TOOL_JAVA\" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData"
            + " ${TOOL_OPTS:-} -cp \"$TOOL_CP\" dev.stonegarden.render.cli.Main \"$@\"; }; ";
    Map<String, String> all = new HashMap<>();
    all.put("PATH", "/usr/bin:/bin");
    all.putAll(env);
    all.put("TOOL_JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    all.put("TOOL_CP", System.getProperty("java.class.path"));
    return ProcessRunner.run(List.of("bash", "-c", tool + shell), cwd, all, 60);
  }

  private static final Pattern POSITIONED =
      Pattern.compile("[^\\s:][^:\\n]*:\\d+:\\d+: error: [^\\n]+");

  /**
   * The contract of a refused input: {@code code}, nothing on stdout, the first stderr line a
   * {@code file:line:column: error:} diagnostic, and none of {@code forbidden} anywhere on stderr.
   */
  static void assertRefused(Result r, int code, String... forbidden) {
    assertEquals(code, r.code(), r::toString);
    assertEquals("", r.out(), r::toString);
    String first = r.err().lines().findFirst().orElse("");
    assertTrue(POSITIONED.matcher(first).matches(), () -> "not a positioned diagnostic: " + r);
    for (String f : forbidden) {
      assertFalse(r.err().contains(f), () -> "stderr shows '" + f + "': " + r);
    }
  }

  /** Exit 4 for a bug or a fault: nothing on stdout, exactly one line on stderr. */
  static void assertOneLineFault(Result r) {
    assertEquals(4, r.code(), r::toString);
    assertEquals(1, r.err().lines().count(), r::toString);
    assertFalse(r.err().contains("\tat "), r::toString);
  }
}
