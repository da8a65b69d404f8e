package dev.stonegarden.render.platform;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.input.ParsedFiles;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.service.ServiceSpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One file named by {@code spec.monitoring} (a dashboard or an alert file): the path as written,
 * where service.yaml names it, and its bytes once read.
 *
 * @param relative the path as written, relative to the service directory
 * @param namedAt its entry in service.yaml
 * @param parsedFiles where the run keeps parsed files, or null
 */
record MonitoringFile(
    String relative, SourcePosition namedAt, Path file, byte[] bytes, ParsedFiles parsedFiles) {

  /** The file parsed as {@code kind}: once per run when the run shares parsed files. */
  <T> T parse(ParsedFiles.Kind<T> kind, Function<byte[], T> parse) {
    return ParsedFiles.get(parsedFiles, kind, file, bytes, null, parse);
  }

  /**
   * Reads every file a {@code spec.monitoring} list names and converts each; every problem of every
   * file at once (a missing file, invalid content), each at the list entry that names it.
   *
   * @param field {@code dashboards} or {@code alerts}
   * @param what how messages call such a file ({@code dashboard}, {@code alert file})
   */
  static List<Resource> readEach(
      ServiceSpec service,
      SourceFiles files,
      String field,
      List<String> relatives,
      String what,
      Function<MonitoringFile, List<Resource>> convert) {
    Problems problems = new Problems();
    List<Resource> out = new ArrayList<>();
    List<String> paths = relatives == null ? List.of() : relatives;
    for (int i = 0; i < paths.size(); i++) {
      SourcePosition at = Nodes.at(service, Nodes.pointer("spec", "monitoring", field, i));
      String relative = paths.get(i);
      problems.collect(() -> out.addAll(convert.apply(read(files, relative, at, what))));
    }
    problems.throwIfErrors();
    return out;
  }

  /** Reads the file, the one place the platform stage touches the file system. */
  static MonitoringFile read(
      SourceFiles files, String relative, SourcePosition namedAt, String what) {
    try {
      return new MonitoringFile(
          relative, namedAt, files.resolve(relative), files.read(relative), files.parsedFiles());
    } catch (SourceFiles.OutsideRootException e) {
      throw new InputException(
          namedAt,
          what
              + " "
              + relative
              + " is outside the repository: expected a path inside it, relative to the service directory");
    } catch (NoSuchFileException e) {
      throw new InputException(
          namedAt,
          what
              + " "
              + relative
              + " does not exist: expected a file relative to the service directory");
    } catch (SourceFiles.RefusedException e) {
      throw new InputException(namedAt, what + " " + e.getMessage());
    } catch (IOException e) {
      throw new InputException(namedAt, "cannot read " + what + " " + relative);
    }
  }

  /** The file's text; anything but UTF-8 is an error (Grafana and Prometheus read UTF-8 only). */
  String text(String what) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InputException(
          SourcePosition.of(file),
          what + " " + relative + " is not UTF-8 text: expected UTF-8, found bytes that are not");
    }
  }

  /**
   * The file name without its directory and without a {@code .json}/{@code .yaml}/{@code .yml}
   * extension.
   */
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
