package dev.stonegarden.render.cli;

import dev.stonegarden.render.service.Schemas;
import java.math.BigDecimal;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Start-up work a render will need, done on a second thread while the first reads and parses the
 * inputs (docs/install.md#start-up): the shipped JSON schemas and their validators, {@code
 * BigDecimal}'s class initialization (on JDK 25 it computes 5^65536, about 8 ms in the interpreter,
 * and every YAML or JSON tree needs it), and the security providers behind SHA-256 (kustomize's
 * name hashes). Each is initialized once whichever thread gets there first; the main thread waits
 * only for what is not done yet. Only the process entry point starts it: in-process runs (tests)
 * have all of it loaded already.
 */
final class WarmUp {
  private WarmUp() {}

  static void start() {
    Thread t = new Thread(WarmUp::run, "warm-up");
    t.setDaemon(true); // never holds the process open
    t.start();
  }

  private static void run() {
    BigDecimal.ONE.signum();
    Schemas.loadAll();
    try {
      MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // not this thread's to report: the render that needs it does
    }
  }
}
