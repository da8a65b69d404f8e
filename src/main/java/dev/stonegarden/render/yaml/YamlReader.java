package dev.stonegarden.render.yaml;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RenderBudget;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.files.Utf8Text;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * Reads a YAML (or JSON) stream into typed Jackson trees, one {@link YamlDocument} per document,
 * with the position of every value (kyaml's {@code kio.ByteReader} for resources, {@code
 * sigs.k8s.io/yaml} for kustomization files; docs/kustomize.md#resources-and-loading,
 * docs/kustomize.md#the-kustomization-file).
 *
 * <p>Every document of the stream is returned, in order: a leading {@code ---}, a trailing {@code
 * ...}, empty and comment-only documents are accepted, the last two with a {@code NullNode} root
 * (callers skip them). A file holding nothing but comments has no documents at all. Quoted and
 * block scalars are strings, tagged scalars follow their tag, plain scalars are typed by {@link
 * ScalarResolver} under the options' YAML version. Anchors, aliases and {@code <<} merge keys are
 * expanded (case 144). Bad input is an {@link InputException} at the problem's line and column; the
 * {@link YamlLimits} bound time, memory and stack.
 */
public final class YamlReader {

  /** What to do with mapping keys that are not strings (a plain {@code true:}, {@code 1:}). */
  public enum KeyPolicy {
    /**
     * An error at the key, as kustomize fails on them in resources
     * (docs/kustomize.md#keys-that-are-not-strings, case 148).
     */
    REJECT,
    /**
     * Their string form ({@code 1}, {@code true}, {@code 1.5}), as sigs.k8s.io/yaml's YAMLToJSON.
     */
    STRINGIFY
  }

  /** What to do with a key written twice in one mapping. */
  public enum DuplicateKeys {
    /** An error at the second key: {@code mapping key "a" already defined at line 6} (case 152). */
    ERROR,
    /** The last value wins, as in kustomization files (case 024). */
    LAST_WINS
  }

  /**
   * How to read.
   *
   * @param version the scalar typing rules
   * @param limits the bounds on size, documents, depth and aliases
   * @param keys non-string keys
   * @param duplicateKeys keys written twice
   * @param budget the render's budget that expansion is charged to, or null
   * @param kustomizeRoundTrip give values as kustomize's internal round trip of resource nodes
   *     through go-yaml v3 leaves them: folded block scalars gain a line break before more-indented
   *     lines ({@link FoldedScalars}); for resources and patches, not for files only we read
   * @param kio read as kustomize's kio reader reads a build's resource and patch files: each
   *     document parsed alone (a {@code %YAML} or {@code %TAG} directive at the top is an error),
   *     kyaml's {@code DeAnchor} dropping the first {@code "<<"} key of a mapping even when quoted
   */
  public record Options(
      YamlVersion version,
      YamlLimits limits,
      KeyPolicy keys,
      DuplicateKeys duplicateKeys,
      boolean kustomizeRoundTrip,
      RenderBudget budget,
      boolean kio) {
    public Options(
        YamlVersion version,
        YamlLimits limits,
        KeyPolicy keys,
        DuplicateKeys duplicateKeys,
        boolean kustomizeRoundTrip) {
      this(version, limits, keys, duplicateKeys, kustomizeRoundTrip, null, false);
    }

    public Options {
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(limits, "limits");
      Objects.requireNonNull(keys, "keys");
      Objects.requireNonNull(duplicateKeys, "duplicateKeys");
    }

    /**
     * Resources and patches: YAML 1.2 (go-yaml v3), string keys only, no duplicates, kyaml's round
     * trip.
     */
    public static Options resources() {
      return new Options(
          YamlVersion.YAML_1_2, YamlLimits.DEFAULT, KeyPolicy.REJECT, DuplicateKeys.ERROR, true);
    }

    /**
     * Our own input files (service.yaml and friends): like {@link #resources()}, values as written.
     */
    public static Options kustomizeResources() {
      Options r = resources();
      return new Options(
          r.version, r.limits, r.keys, r.duplicateKeys, r.kustomizeRoundTrip, r.budget, true);
    }

    public static Options files() {
      return resources().withKustomizeRoundTrip(false);
    }

    /** Kustomization files and JSON 6902 operations: YAML 1.1 (go-yaml v2) through YAMLToJSON. */
    public static Options kustomization() {
      return new Options(
          YamlVersion.YAML_1_1,
          YamlLimits.DEFAULT,
          KeyPolicy.STRINGIFY,
          DuplicateKeys.LAST_WINS,
          false);
    }

    public Options withLimits(YamlLimits value) {
      return new Options(version, value, keys, duplicateKeys, kustomizeRoundTrip, budget, kio);
    }

    /** Charges what the documents expand to to the render's budget (null: none). */
    public Options withBudget(RenderBudget value) {
      return new Options(version, limits, keys, duplicateKeys, kustomizeRoundTrip, value, kio);
    }

    public Options withKustomizeRoundTrip(boolean value) {
      return new Options(version, limits, keys, duplicateKeys, value, budget, kio);
    }
  }

  private static final int MIN_BUFFER = 1024;
  private static final int BUFFER_FRACTION = 16;

  /**
   * snakeyaml-engine's settings for a text of {@code length} characters: our own limits replace its
   * 3 MB code point limit, and the read buffer grows with the text.
   *
   * <p>The buffer size is what keeps parsing linear. snakeyaml-engine's scanner looks ahead through
   * a whole token (a plain, quoted or block scalar line) before consuming it, and each refill of
   * its reader copies the window from the token's start: a token of L characters read B at a time
   * costs L²/B. With B at least a sixteenth of the text, a stream is read in at most 17 refills and
   * the copying is bounded by 17 times the text, whatever its tokens.
   */
  static LoadSettings settingsFor(int length) {
    return LoadSettings.builder()
        .setCodePointLimit(Integer.MAX_VALUE)
        .setParseComments(false)
        .setUseMarks(true)
        .setAllowDuplicateKeys(true)
        .setBufferSize(Math.max(MIN_BUFFER, length / BUFFER_FRACTION + 1))
        .build();
  }

  private static final long RETRY_BUDGET = 20_000_000L;

  private YamlReader() {}

  /**
   * Reads {@code file} as UTF-8 (a byte order mark is skipped) and parses it; the file must lie in
   * its own directory (a symbolic link may not lead out of it).
   */
  public static List<YamlDocument> readFile(Path file, Options options) {
    Path abs = file.toAbsolutePath().normalize();
    return readFile(RootedFiles.at(abs.getParent() == null ? abs : abs.getParent()), abs, options);
  }

  /**
   * Reads {@code file} through the one root-bound loader ({@link RootedFiles}: a regular file
   * inside the root, at most the limits' file size) as strict UTF-8, and parses it.
   */
  public static List<YamlDocument> readFile(RootedFiles files, Path file, Options options) {
    Path shown = file.getFileName() == null ? file : file.getFileName();
    RootedFiles.Read read =
        files.withMaxFileBytes(options.limits().maxFileBytes()).tryRead(file, shown.toString());
    if (!read.ok()) {
      throw switch (read.refusal()) {
        case MISSING -> new InputException(SourcePosition.of(file), "file not found");
        case TOO_LARGE -> tooLarge(file, options.limits());
        default -> RootedFiles.refusal(file, read.problem());
      };
    }
    return read(file, Utf8Text.decode(file, read.bytes()), options);
  }

  /** Parses {@code text}, the content of {@code file} (used for positions only). */
  public static List<YamlDocument> read(Path file, String text, Options options) {
    YamlLimits limits = options.limits();
    if (text.length() > limits.maxFileBytes()) {
      throw tooLarge(file, limits);
    }
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    int retries = 0;
    while (true) {
      DocumentComposer composer =
          new DocumentComposer(
              new Parse(settingsFor(text.length())).parseReader(EngineInput.of(text)).iterator(),
              file,
              limits,
              text);
      if (options.kio()) {
        composer.refusingDirectives();
      }
      try {
        return parse(file, text, options, composer);
      } catch (MarkedYamlEngineException e) {
        // snakeyaml-engine's syntax error, with where the composer was (inside a flow collection)
        String fixed = Tabs.asGoYamlReadsThem(text, e, composer.inFlow(), composer.rootFlow());
        if (fixed == null) {
          fixed = LineSeparatorEscapes.asGoYamlReadsThem(text, e);
        }
        // Each retry parses the whole text again: allow as many as keep the total work linear-ish.
        if (fixed == null || (long) (++retries) * text.length() > RETRY_BUDGET) {
          throw syntaxError(file, text, e);
        }
        text = fixed;
      }
    }
  }

  private static List<YamlDocument> parse(
      Path file, String text, Options options, DocumentComposer composer) {
    List<YamlDocument> documents = new ArrayList<>();
    TreeConverter converter = new TreeConverter(options, file, text.length());
    try {
      DocumentComposer.Composed doc;
      while ((doc = composer.next()) != null) {
        JsonNode root;
        SourceMap sourceMap;
        if (doc.root() == null) {
          root = JsonNodeFactory.instance.nullNode();
          sourceMap = new SourceMap(file);
        } else {
          root = converter.convert(doc.root());
          sourceMap = new SourceMap(file, TreeConverter.locator(options, file, doc.root()));
        }
        documents.add(
            new YamlDocument(
                root,
                file,
                documents.size(),
                new SourcePosition(file, doc.line(), doc.column()),
                sourceMap));
      }
    } catch (MarkedYamlEngineException e) {
      throw e; // read's: positions, the tab retry
    } catch (ReaderException e) {
      throw new InputException(
          at(file, text, e.getPosition()),
          String.format(
              Locale.ROOT,
              "found a character that YAML does not allow (U+%04X)",
              e.getCodePoint()));
    } catch (YamlEngineException e) {
      throw new InputException(SourcePosition.of(file), ParseErrors.message(e.getMessage()));
    }
    converter.throwIfProblems();
    return documents;
  }

  private static InputException tooLarge(Path file, YamlLimits limits) {
    return new InputException(
        SourcePosition.of(file),
        "the file is larger than "
            + limits.maxFileBytes()
            + " bytes, the largest file that may be read");
  }

  private static InputException syntaxError(Path file, String text, MarkedYamlEngineException e) {
    Mark problem = e.getProblemMark().orElse(e.getContextMark().orElse(null));
    Mark context = e.getContextMark().orElse(null);
    if (problem != null
        && context != null
        && problem.getIndex() >= text.codePointCount(0, text.length())) {
      // Something left open at the end of the file: point at where it was opened (case 149).
      return new InputException(
          new SourcePosition(file, context.getLine() + 1, context.getColumn() + 1),
          ParseErrors.unclosed(e));
    }
    SourcePosition at =
        problem == null
            ? SourcePosition.of(file)
            : new SourcePosition(file, problem.getLine() + 1, problem.getColumn() + 1);
    return new InputException(at, ParseErrors.message(e, problem));
  }

  /** The position of the code point at {@code index} in {@code text}. */
  private static SourcePosition at(Path file, String text, int index) {
    int line = 1;
    int column = 1;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < index; i = text.offsetByCodePoints(i, 1), cp++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourcePosition(file, line, column);
  }
}
