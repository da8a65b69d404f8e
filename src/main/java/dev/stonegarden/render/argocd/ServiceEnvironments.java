package dev.stonegarden.render.argocd;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import dev.stonegarden.render.diag.SourcePosition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * The environment names of a service, for the parameter announcement only: {@code
 * spec.environments[].name} of {@code service.yaml}, ordered by the platform pipeline ({@code
 * spec.pipeline} of the nearest {@code platform.yaml} inside the repository, product.md §4).
 *
 * <p>Deliberately shallow: the announcement must work with the reduced environment of the dynamic
 * parameters command (argocd-cmp.md §2.3) and say something useful even for a service that {@code
 * validate} would reject; the full reading and checking is the service reader's job.
 */
public final class ServiceEnvironments {
  /** product.md §4's default pipeline. */
  public static final List<String> DEFAULT_PIPELINE = List.of("dev", "staging", "canary", "production");

  private static final long MAX_FILE = 1 << 20;

  private ServiceEnvironments() {}

  /**
   * The environment names in pipeline order (names the pipeline does not know follow, in file order).
   *
   * @throws InputException when service.yaml is missing, unreadable or has no environment list
   */
  public static List<String> read(Path serviceDir, Path repoRoot) {
    Path file = serviceDir.resolve("service.yaml");
    Object doc = load(file);
    List<String> names = new ArrayList<>();
    Object spec = doc instanceof Map<?, ?> m ? m.get("spec") : null;
    Object environments = spec instanceof Map<?, ?> s ? s.get("environments") : null;
    if (!(environments instanceof List<?> list)) {
      throw new InputException(SourcePosition.of(file), "expected a list at spec.environments, found "
          + (environments == null ? "nothing" : environments instanceof Map ? "a map" : "a scalar"));
    }
    Problems problems = new Problems();
    for (Object element : list) {
      Object name = element instanceof Map<?, ?> e ? e.get("name") : null;
      if (name instanceof String n && !n.isEmpty() && !names.contains(n)) {
        names.add(n);
      } else if (!(name instanceof String)) {
        problems.error(SourcePosition.of(file), "expected a name on every entry of spec.environments");
      }
    }
    problems.throwIfErrors();
    List<String> pipeline = pipeline(serviceDir, repoRoot);
    List<String> ordered = new ArrayList<>();
    for (String stage : pipeline) {
      if (names.contains(stage)) {
        ordered.add(stage);
      }
    }
    for (String name : names) {
      if (!ordered.contains(name)) {
        ordered.add(name);
      }
    }
    return List.copyOf(ordered);
  }

  /** The pipeline of the nearest platform.yaml (kind Platform) between the service and the root; else the default. */
  static List<String> pipeline(Path serviceDir, Path repoRoot) {
    for (Path dir = serviceDir; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("platform.yaml");
      if (Files.isRegularFile(candidate)) {
        try {
          Object doc = load(candidate);
          if (doc instanceof Map<?, ?> m && "Platform".equals(m.get("kind"))) {
            Object spec = m.get("spec");
            Object pipeline = spec instanceof Map<?, ?> s ? s.get("pipeline") : null;
            if (pipeline instanceof List<?> stages) {
              return stages.stream().filter(String.class::isInstance).map(String.class::cast).toList();
            }
            return DEFAULT_PIPELINE;
          }
        } catch (InputException e) {
          return DEFAULT_PIPELINE; // only ordering depends on it; `validate` reports the file
        }
      }
      if (repoRoot == null || dir.equals(repoRoot) || !dir.startsWith(repoRoot)) {
        break;
      }
    }
    return DEFAULT_PIPELINE;
  }

  private static Object load(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InputException(SourcePosition.of(file), "expected the file, found nothing (is this the service directory?)");
      }
      if (Files.size(file) > MAX_FILE) {
        throw new InputException(SourcePosition.of(file), "file is larger than 1 MiB");
      }
      String text = Files.readString(file, StandardCharsets.UTF_8);
      LoadSettings settings = LoadSettings.builder()
          .setAllowDuplicateKeys(false)
          .setMaxAliasesForCollections(100)
          .setCodePointLimit((int) MAX_FILE)
          .setLabel(file.getFileName().toString())
          .build();
      return new Load(settings).loadFromString(text);
    } catch (MarkedYamlEngineException e) {
      int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
      int column = e.getProblemMark().map(m -> m.getColumn() + 1).orElse(0);
      throw new InputException(new SourcePosition(file, line, column),
          "not valid YAML: " + String.valueOf(e.getProblem()));
    } catch (YamlEngineException e) {
      throw new InputException(SourcePosition.of(file), "not valid YAML");
    } catch (IOException e) {
      throw new InputException(SourcePosition.of(file), "cannot read the file: " + e.getClass().getSimpleName());
    }
  }
}
