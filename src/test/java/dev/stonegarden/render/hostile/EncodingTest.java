package dev.stonegarden.render.hostile;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.argocd.ProcessRunner;
import dev.stonegarden.render.testing.Prerequisites;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Defect 6 of issue 9: bytes that are not UTF-8 in a resource are an error at their position (as
 * kubectl fails), never silently U+FFFD; UTF-16/32 with a byte order mark is refused clearly.
 */
class EncodingTest {
  @TempDir Path tmp;

  private static byte[] withInvalidByte() {
    byte[] bytes =
        HostileRepo.CONFIG_MAP.replace("a: b", "a: bXc").getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 'X') {
        bytes[i] = (byte) 0xFF;
      }
    }
    return bytes;
  }

  private static byte[] withBom(byte[] bom, Charset charset) {
    byte[] body = HostileRepo.CONFIG_MAP.getBytes(charset);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    return all;
  }

  @Test
  void invalidUtf8InAResourceIsAPositionedErrorAsInKubectl() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo").write("svc/environments/dev/cm.yaml", withInvalidByte());
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(
        r.err().startsWith("environments/dev/cm.yaml:6:7: error: found byte 0xFF"), r::toString);
    assertFalse(r.err().contains("\uFFFD"), r::toString);
    ProcessRunner.Result k = Tool.run(repo.service(), Map.of(), "kustomize", "environments/dev");
    Tool.assertRefused(k, 3);
    Prerequisites.Output kubectl = Prerequisites.kustomize(repo.overlay());
    assertFalse(kubectl.ok(), kubectl::stdout);
    assertTrue(kubectl.stderr().contains("invalid leading UTF-8 octet"), kubectl::stderr);
  }

  @Test
  void invalidUtf8InValuesAndServiceYamlIsAPositionedError() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write("svc/environments/dev/values.yaml", new byte[] {'a', ':', ' ', (byte) 0xC3});
    Tool.assertRefused(Tool.generate(repo), 3);
  }

  @Test
  void utf32IsRefusedAsKubectlRefusesIt() {
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write(
                "svc/environments/dev/cm.yaml",
                withBom(new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF}, Charset.forName("UTF-32BE")));
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(r.err().contains("UTF-32"), r::toString);
    assertFalse(Prerequisites.kustomize(repo.overlay()).ok());
  }

  @Test
  void utf16WithAByteOrderMarkIsRefusedClearly() {
    // Decision (docs/robustness.md#text-encoding): kubectl decodes a UTF-16 file but keeps only its
    // first document; we refuse it with a message that says what to do.
    HostileRepo repo =
        HostileRepo.create(tmp, "repo")
            .write(
                "svc/environments/dev/cm.yaml",
                withBom(new byte[] {(byte) 0xFF, (byte) 0xFE}, StandardCharsets.UTF_16LE));
    ProcessRunner.Result r = Tool.generate(repo);
    Tool.assertRefused(r, 3);
    assertTrue(
        r.err()
            .startsWith(
                "environments/dev/cm.yaml:1:1: error: the file is UTF-16LE text (it starts with"
                    + " that byte order mark); expected UTF-8: save it as UTF-8"),
        r::toString);
  }
}
