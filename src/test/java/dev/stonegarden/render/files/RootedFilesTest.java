package dev.stonegarden.render.files;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one root-bound loader and strict UTF-8 decoding (issue 9, defects 3 and 6). */
class RootedFilesTest {
  @TempDir Path tmp;

  @Test
  void readsARegularFileInsideTheRoot() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.writeString(root.resolve("a.yaml"), "a: 1\n");
    assertArrayEquals(
        "a: 1\n".getBytes(StandardCharsets.UTF_8),
        RootedFiles.at(root).read(root.resolve("a.yaml"), "a.yaml"));
  }

  @Test
  void sizeIsCountedWhileReadingNotTakenFromTheFileSystem() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.write(root.resolve("big"), new byte[101]);
    RootedFiles files = RootedFiles.at(root).withMaxFileBytes(100);
    RootedFiles.Read read = files.tryRead(root.resolve("big"), "big");
    assertEquals(RootedFiles.Refusal.TOO_LARGE, read.refusal());
    Files.write(root.resolve("fits"), new byte[100]);
    assertTrue(files.tryRead(root.resolve("fits"), "fits").ok());
    // /proc files claim a size of 0; inside a root that holds them, the limit still applies.
    RootedFiles proc = RootedFiles.at(Path.of("/proc/self")).withMaxFileBytes(10);
    assertEquals(
        RootedFiles.Refusal.TOO_LARGE, proc.tryRead(Path.of("/proc/self/maps"), "maps").refusal());
  }

  @Test
  void devicesDirectoriesAndLinksOutAreRefused() throws Exception {
    Path root = Files.createDirectories(tmp.resolve("root"));
    Files.createSymbolicLink(root.resolve("zero"), Path.of("/dev/zero"));
    Files.createDirectories(root.resolve("dir"));
    RootedFiles files = RootedFiles.at(root);
    assertEquals(
        RootedFiles.Refusal.OUTSIDE_ROOT, files.tryRead(root.resolve("zero"), "zero").refusal());
    assertEquals(
        RootedFiles.Refusal.NOT_A_REGULAR_FILE,
        RootedFiles.at(Path.of("/dev")).tryRead(Path.of("/dev/zero"), "zero").refusal());
    assertEquals(
        RootedFiles.Refusal.NOT_A_REGULAR_FILE,
        files.tryRead(root.resolve("dir"), "dir").refusal());
    InputException e =
        assertThrows(InputException.class, () -> files.read(root.resolve("zero"), "zero"));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals(1, d.at().line());
    assertFalse(d.excerpt(), "a refused file's content is never shown");
  }

  @Test
  void invalidUtf8IsAnErrorAtItsPosition() {
    byte[] bytes = "a: 1\nb: \"xé\u00ff".getBytes(StandardCharsets.UTF_8);
    bytes[bytes.length - 2] = (byte) 0xFF; // the first byte of ÿ becomes an invalid lead byte
    InputException e =
        assertThrows(InputException.class, () -> Utf8Text.decode(Path.of("f.yaml"), bytes));
    Diagnostic d = e.diagnostics().get(0);
    assertEquals("f.yaml:2:7", d.at().toString());
    assertTrue(d.message().startsWith("found byte 0xFF, which is not valid UTF-8"), d::message);
  }

  @Test
  void utf16AndUtf32AreRefusedClearly() {
    byte[] utf16 = "a: 1\n".getBytes(StandardCharsets.UTF_16); // big-endian with a BOM
    InputException e =
        assertThrows(InputException.class, () -> Utf8Text.decode(Path.of("f.yaml"), utf16));
    assertTrue(e.diagnostics().get(0).message().contains("UTF-16BE"), e::getMessage);
    byte[] utf32le = {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0};
    e = assertThrows(InputException.class, () -> Utf8Text.decode(Path.of("f.yaml"), utf32le));
    assertTrue(e.diagnostics().get(0).message().contains("UTF-32LE"), e::getMessage);
  }

  @Test
  void aUtf8ByteOrderMarkIsKept() {
    assertEquals(
        "\uFEFFa: 1\n",
        Utf8Text.decode(Path.of("f"), "\uFEFFa: 1\n".getBytes(StandardCharsets.UTF_8)));
  }
}
