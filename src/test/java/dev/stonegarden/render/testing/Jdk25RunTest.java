package dev.stonegarden.render.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The byte-exact suites run twice: on the JDK that runs Maven and again on a JDK 25 (the run-time
 * JDK of the image and the distribution), through the surefire execution {@code
 * byte-exact-on-jdk25} of the pom. This test keeps that second run honest from both sides.
 */
class Jdk25RunTest {

  /**
   * In the JDK 25 execution: the suites really run on 25. In the default one: a JDK 25 was found
   * for the second execution (under CI that is required; elsewhere a missing one skips it).
   */
  @Test
  void theByteExactSuitesRunOnJdk25() {
    String expected = System.getProperty("byte-exact.expected-feature");
    if (expected != null) {
      assertEquals(Integer.parseInt(expected), Runtime.version().feature());
      return;
    }
    if (Runtime.version().feature() >= 25) {
      return; // Maven itself runs on 25: the default execution is the JDK 25 run
    }
    Path home = Prerequisites.jdk25(); // fails under CI, skips with one line elsewhere
    assertTrue(Files.isExecutable(home.resolve("bin/java")), "no bin/java in " + home);
  }
}
