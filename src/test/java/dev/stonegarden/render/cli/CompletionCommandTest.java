package dev.stonegarden.render.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code completion bash|zsh}: the script completes commands, options and fixed values when bash
 * sources it (bash is on every machine of this project); zsh gets the same script, which switches
 * on zsh's bashcompinit itself.
 */
class CompletionCommandTest {
  @TempDir Path tmp;

  private String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Cli.run(args, new Invocation(tmp, Map.of(), new PrintWriter(out), new PrintWriter(err)));
    return new String[] {String.valueOf(exit), out.toString(), err.toString()};
  }

  /** COMPREPLY after sourcing the script and completing {@code words} (the last is partial). */
  private List<String> complete(String script, String... words) throws Exception {
    Path file = tmp.resolve("completion.bash");
    Files.writeString(file, script, StandardCharsets.UTF_8);
    String line = String.join(" ", words);
    String program =
        "source '"
            + file
            + "'\n"
            + "COMP_WORDS=("
            + line
            + (line.endsWith(" ") ? "''" : "")
            + ")\n"
            + "COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))\n"
            + "COMP_LINE='"
            + line
            + "'\nCOMP_POINT=${#COMP_LINE}\n"
            + "_complete_platform-render\n"
            + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
    Process p =
        new ProcessBuilder("bash", "--norc", "-c", program)
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    return out.lines().filter(l -> !l.isEmpty()).sorted().toList();
  }

  @Test
  void bashCompletesCommandsOptionsAndValues() throws Exception {
    String[] r = run("completion", "bash");
    assertEquals("0", r[0], r[2]);
    assertEquals("", r[2]);
    String script = r[1];
    assertEquals(List.of("generate"), complete(script, "platform-render", "gen"));
    assertEquals(
        List.of("cmp", "completion"), complete(script, "platform-render", "c").subList(0, 2));
    assertEquals(
        List.of("platform", "service", "values"),
        complete(script, "platform-render", "schema", ""));
    assertTrue(
        complete(script, "platform-render", "generate", "--").contains("--env"), "generate --env");
    assertEquals(List.of("bash", "zsh"), complete(script, "platform-render", "completion", ""));
  }

  @Test
  void zshGetsTheSameScriptWhichLoadsBashcompinit() {
    String[] bash = run("completion", "bash");
    String[] zsh = run("completion", "zsh");
    assertEquals("0", zsh[0], zsh[2]);
    assertEquals(bash[1], zsh[1]);
    assertTrue(zsh[1].contains("autoload -U +X bashcompinit && bashcompinit"), "zsh branch");
  }

  @Test
  void anotherShellIsAUsageError() throws IOException {
    String[] r = run("completion", "fish");
    assertEquals("2", r[0]);
    assertEquals("", r[1]);
    assertEquals(
        "unknown shell \"fish\": expected bash or zsh", r[2].lines().findFirst().orElseThrow());
  }
}
