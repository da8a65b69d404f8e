package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * One file named by {@code spec.monitoring} (a dashboard or an alert file): the path as written,
 * where service.yaml names it, and its bytes once read.
 *
 * @param relative the path as written, relative to the service directory
 * @param namedAt its entry in service.yaml
 */
record MonitoringFile(String relative, SourcePosition namedAt, Path file, byte[] bytes) {

  /** Reads the file, the one place the platform stage touches the file system. */
  static MonitoringFile read(SourceFiles files, String relative, SourcePosition namedAt, String what) {
    try {
      return new MonitoringFile(relative, namedAt, files.resolve(relative), files.read(relative));
    } catch (SourceFiles.OutsideRootException e) {
      throw new InputException(namedAt, what + " " + relative + " is outside the repository: expected a path inside it, relative to the service directory");
    } catch (NoSuchFileException e) {
      throw new InputException(namedAt, what + " " + relative + " does not exist: expected a file relative to the service directory");
    } catch (IOException e) {
      throw new InputException(namedAt, "cannot read " + what + " " + relative + ": " + e.getClass().getSimpleName());
    }
  }

  /** The file's text; anything but UTF-8 is an error (Grafana and Prometheus read UTF-8 only). */
  String text(String what) {
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new InputException(SourcePosition.of(file), what + " " + relative + " is not UTF-8 text: expected UTF-8, found bytes that are not");
    }
  }

  /** The file name without its directory and without a {@code .json}/{@code .yaml}/{@code .yml} extension. */
  String baseName() {
    String name = Path.of(relative).getFileName().toString();
    for (String ext : new String[] {".json", ".yaml", ".yml"}) {
      if (name.endsWith(ext)) {
        return name.substring(0, name.length() - ext.length());
      }
    }
    return name;
  }
}
