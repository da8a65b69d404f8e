package dev.stonegarden.render.appset;

import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.files.RootedFiles;
import dev.stonegarden.render.yaml.Trees;
import dev.stonegarden.render.yaml.YamlDocument;
import dev.stonegarden.render.yaml.YamlReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What {@code validate} checks about the Argo CD objects of a repository (docs/appset.md#validate):
 *
 * <ul>
 *   <li>a committed {@code <service dir>/applicationset.yaml} must be what {@code appset --write}
 *       writes: a hand edit or a stale file would deploy something other than what the repository
 *       describes;
 *   <li>an Application or ApplicationSet whose source path points into {@code environments/}
 *       renders a bare kustomize overlay (or, with the plugin, finds no service.yaml): the fix is
 *       the service directory as the path and the environment as the plugin parameter.
 * </ul>
 */
public final class AppSetChecks {
  private static final Pattern ARGO_KIND =
      Pattern.compile("(?m)^kind:\\s*[\"']?(Application|ApplicationSet)[\"']?\\s*$");

  private AppSetChecks() {}

  /**
   * The problems of the committed applicationset.yaml of {@code service}, if it has one.
   *
   * @param generated the ApplicationSet {@code appset} generates for it (with the committed file's
   *     repository URL when platform.yaml names none)
   */
  public static List<Diagnostic> committedApplicationSet(Path file, String generatedText) {
    RootedFiles.Read read =
        RootedFiles.at(file.getParent()).tryRead(file, file.getFileName().toString());
    if (!read.ok()) {
      return List.of(Diagnostic.error(SourcePosition.of(file), read.problem()));
    }
    String committed = new String(read.bytes(), StandardCharsets.UTF_8);
    if (committed.equals(generatedText)) {
      return List.of();
    }
    return List.of(
        Diagnostic.error(
            new SourcePosition(file, firstDifferentLine(committed, generatedText), 1),
            AppSetFiles.APPLICATIONSET_FILE
                + " differs from what `platform-render appset` generates for this service (first"
                + " difference on this line): run `platform-render appset --write` in the service"
                + " directory and commit the result, or delete the file when a bootstrap"
                + " Application (render: applicationsets) generates the ApplicationSets"));
  }

  /** The repository URL a committed ApplicationSet names, or null. */
  public static String committedRepoUrl(Path file) {
    try {
      for (YamlDocument d : YamlReader.readFile(file, YamlReader.Options.resources())) {
        JsonNode url = d.root().at("/spec/template/spec/source/repoURL");
        if (url.isString() && !url.stringValue().isEmpty() && !url.stringValue().contains("{{")) {
          return url.stringValue();
        }
      }
    } catch (InputException | UncheckedIOException e) {
      return null; // the comparison reports it as different
    }
    return null;
  }

  private static int firstDifferentLine(String a, String b) {
    String[] x = a.split("\n", -1);
    String[] y = b.split("\n", -1);
    int n = Math.min(x.length, y.length);
    for (int i = 0; i < n; i++) {
      if (!x[i].equals(y[i])) {
        return i + 1;
      }
    }
    return n;
  }

  /**
   * Applications and ApplicationSets below {@code dir} whose source path points into an {@code
   * environments/} directory.
   */
  public static List<Diagnostic> pluginPaths(Path dir, String plugin) {
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
              return d.getFileName() != null && d.getFileName().toString().equals(".git")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
              String name = f.getFileName().toString();
              if (attrs.isRegularFile() && (name.endsWith(".yaml") || name.endsWith(".yml"))) {
                files.add(f);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path f, IOException e) {
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    files.sort(null);
    List<Diagnostic> out = new ArrayList<>();
    for (Path f : files) {
      // Through the one loader: a link out of the repository, a device or a huge file is skipped.
      RootedFiles.Read read = RootedFiles.at(dir).tryRead(f, f.getFileName().toString());
      if (!read.ok()) {
        continue;
      }
      String text = new String(read.bytes(), StandardCharsets.UTF_8);
      if (!ARGO_KIND.matcher(text).find()) {
        continue;
      }
      List<YamlDocument> docs;
      try {
        docs = YamlReader.read(f, text, YamlReader.Options.resources());
      } catch (InputException e) {
        continue; // not ours to report: it is not an input of any render
      }
      for (YamlDocument d : docs) {
        JsonNode root = d.root();
        if (!Trees.text(root.path("apiVersion")).startsWith("argoproj.io/")) {
          continue;
        }
        String kind = Trees.text(root.path("kind"));
        String prefix =
            kind.equals("Application")
                ? "/spec"
                : kind.equals("ApplicationSet") ? "/spec/template/spec" : null;
        if (prefix == null) {
          continue;
        }
        List<String> pointers = new ArrayList<>();
        pointers.add(prefix + "/source/path");
        JsonNode sources = root.at(prefix + "/sources");
        for (int i = 0; i < sources.size(); i++) {
          pointers.add(prefix + "/sources/" + i + "/path");
        }
        for (String pointer : pointers) {
          JsonNode path = root.at(pointer);
          if (!path.isString()) {
            continue;
          }
          String p = path.stringValue();
          int at = p.startsWith("environments/") ? 0 : p.indexOf("/environments/");
          if (at < 0) {
            continue;
          }
          String serviceDir = at == 0 ? "." : p.substring(0, at);
          out.add(
              Diagnostic.error(
                  d.positionOf(pointer),
                  "this "
                      + kind
                      + "'s path points into environments/, so Argo CD renders a bare overlay"
                      + " (no service.yaml, no platform stage): set path: "
                      + serviceDir
                      + " (the service directory) and name the plugin with the environment as a"
                      + " parameter: plugin: {name: "
                      + plugin
                      + ", parameters: [{name: environment, string: <env>}]};"
                      + " `platform-render appset` generates such ApplicationSets"));
        }
      }
    }
    return out;
  }
}
