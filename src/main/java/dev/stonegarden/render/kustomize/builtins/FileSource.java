package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.diag.SourcePosition;
import java.nio.file.Path;

/** Reads files of the current kustomization under its load restrictions (generator sources). */
public interface FileSource {
  /** The bytes of {@code relative}; problems are reported at {@code at}. */
  byte[] read(String relative, SourcePosition at);

  /** The resolved path of {@code relative}, for positions in messages. */
  Path resolve(String relative);
}
