package dev.stonegarden.render.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the version Maven wrote into the jar's manifest and the build, the first 12
 * hex digits of the jar's SHA-256. The jar is built reproducibly (the pom's {@code
 * project.build.outputTimestamp}) and carries the pom, so the same sources, dependencies and
 * compiler give the same build id: CI and the Argo CD sidecar can be checked to run the same bytes
 * (docs/install.md).
 */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    String build = build();
    return new String[] {
      "platform-render " + (v == null ? "dev" : v) + (build == null ? "" : " (build " + build + ")")
    };
  }

  /** The jar's hash, or null when the classes do not come from a jar (tests, an IDE). */
  static String build() {
    CodeSource source = Version.class.getProtectionDomain().getCodeSource();
    if (source == null) {
      return null;
    }
    try {
      Path jar = Path.of(source.getLocation().toURI());
      if (!Files.isRegularFile(jar)) {
        return null;
      }
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = Files.newInputStream(jar)) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha.update(buffer, 0, n);
        }
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
      return null;
    }
  }
}
