package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.cli.Cli;
import dev.stonegarden.render.cli.Invocation;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** One in-process run of {@code platform-render kustomize DIR} with a given working directory. */
record ConformanceRun(int exitCode, String stdout, String stderr) {

  static ConformanceRun run(Path workingDirectory, String buildDir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Invocation inv =
        new Invocation(
            workingDirectory,
            Map.of("ARGOCD_APP_NAME", "conformance"),
            new PrintWriter(out),
            new PrintWriter(err));
    int code = Cli.run(new String[] {"kustomize", buildDir}, inv);
    return new ConformanceRun(code, out.toString(), err.toString());
  }
}
