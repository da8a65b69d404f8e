package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.files.RenderBudget;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.yaml.YamlLimits;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 4 of issue 9: limits sized to the heap (a 16 MiB file limit, a render budget), and an
 * exhausted heap or stack is one line and exit 4, also on Argo CD's fast path. Memory cases run in
 * a child JVM with a small heap or stack; nothing large is committed.
 */
class LimitsAndMemoryTest {
  @TempDir Path tmp;

  @Test
  void theFileLimitIs16MiB() {
    assertEquals(16L * 1024 * 1024, RootedFiles.DEFAULT_MAX_FILE_BYTES);
    assertEquals(RootedFiles.DEFAULT_MAX_FILE_BYTES, YamlLimits.DEFAULT.maxFileBytes());
  }

  @Test
  void aFileOverTheLimitIsRefusedWithoutBeingRead() throws IOException {
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    // A sparse file one byte over the limit: the loader refuses it by its size.
    try (RandomAccessFile f =
        new RandomAccessFile(repo.overlay().resolve("cm.yaml").toFile(), "rw")) {
      f.setLength(RootedFiles.DEFAULT_MAX_FILE_BYTES + 1);
    }
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(r.err().contains("is larger than 16777216 bytes"), r::toString);
  }

  @Test
  void theRenderBudgetCountsEveryByteRead() throws IOException {
    // Three generators read the same 15 MiB file: each read is within the file limit, the third
    // takes the render past its budget of 40 Mi units.
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    Files.write(repo.overlay().resolve("blob.bin"), new byte[15 * 1024 * 1024]);
    StringBuilder k = new StringBuilder("resources:\n- cm.yaml\nconfigMapGenerator:\n");
    for (int i = 0; i < 3; i++) {
      k.append("- name: blob").append(i).append("\n  files:\n  - blob.bin\n");
    }
    repo.write("svc/environments/dev/kustomization.yaml", k.toString());
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(r.err().contains("the render holds more than 41943040 units"), r::toString);
  }

  @Test
  void whatYamlExpandsToIsChargedToTheBudget() {
    String bomb = "a: &a [x, x, x, x, x, x, x, x]\nb: [*a, *a, *a, *a]\n";
    YamlReader.Options options =
        YamlReader.Options.resources().withBudget(new RenderBudget(RenderBudget.DEFAULT_UNITS));
    assertEquals(1, YamlReader.read(Path.of("f.yaml"), bomb, options).size());
    InputException e =
        assertThrows(
            InputException.class,
            () ->
                YamlReader.read(
                    Path.of("f.yaml"),
                    bomb,
                    YamlReader.Options.resources().withBudget(new RenderBudget(40))));
    assertTrue(
        e.diagnostics().get(0).message().startsWith("the render holds more than 40 units"),
        e::getMessage);
  }

  @Test
  void anExhaustedHeapIsOneLineAndExit4() throws IOException {
    // 2.2 MB of ConfigMaps, well within the limits, in a 20 MiB heap.
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 3_000; i++) {
      sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i);
      sb.append("\ndata:\n");
      for (int j = 0; j < 10; j++) {
        sb.append("  k").append(j).append(": ").append("v".repeat(60)).append('\n');
      }
      sb.append("---\n");
    }
    repo.write("svc/environments/dev/cm.yaml", sb.toString());
    ProcessRunner.Result r =
        Tool.process(repo.service(), Map.of(), "TOOL_OPTS=-Xmx20m tool generate --env dev");
    // The JVM announces JAVA_TOOL_OPTIONS on stderr ("Picked up ..."); the tool prints one line.
    String ours =
        r.err().lines().filter(l -> !l.startsWith("Picked up")).reduce("", String::concat);
    assertEquals(4, r.code(), r::toString);
    assertEquals("", r.out());
    assertTrue(ours.startsWith("internal error: out of memory"), r::toString);
    assertEquals(1, ours.lines().count(), r::toString);
    assertTrue(!ours.contains("\tat ") && !ours.contains("Exception in thread"), r::toString);
  }

  @Test
  void aStackOverflowOnArgoCdsFastPathIsOneLineAndExit4() {
    // Nesting within the reader's limit, in a JVM with a 256 KiB thread stack.
    HostileRepo repo = HostileRepo.create(tmp, "repo");
    repo.write(
        "svc/environments/dev/cm.yaml",
        HostileRepo.CONFIG_MAP + "spec: " + "[".repeat(900) + "]".repeat(900) + "\n");
    ProcessRunner.Result r =
        Tool.process(
            repo.service(),
            Map.of(
                "ARGOCD_APP_NAME", "demo",
                "ARGOCD_APP_SOURCE_PATH", "svc",
                "ARGOCD_ENV_ENVIRONMENT", "dev"),
            "TOOL_OPTS=-Xss256k tool generate");
    String ours =
        r.err().lines().filter(l -> !l.startsWith("Picked up")).reduce("", String::concat);
    assertEquals(4, r.code(), r::toString);
    assertEquals("", r.out());
    assertEquals(
        "internal error: stack overflow: the input nests too deeply for this JVM's thread stack",
        ours,
        r::toString);
  }
}
