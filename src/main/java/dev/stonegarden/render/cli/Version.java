package dev.stonegarden.render.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the version Maven wrote into the jar's manifest. */
public final class Version implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = Version.class.getPackage().getImplementationVersion();
    return new String[] {"platform-render " + (v == null ? "dev" : v)};
  }
}
