package dev.stonegarden.render.promote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Semantic version precedence (semver.org, rule 11), and what is not a semantic version. */
class SemVerTest {
  @Test
  void ordersByPrecedence() {
    // semver.org's own example chain, then numeric (not text) order of each part.
    List<String> ordered =
        List.of(
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
            "v1.0.1",
            "1.2.0",
            "1.10.0",
            "2.0.0+build.5");
    List<String> shuffled = new ArrayList<>(ordered);
    Collections.reverse(shuffled);
    shuffled.sort((a, b) -> SemVer.parse(a).compareTo(SemVer.parse(b)));
    assertEquals(ordered, shuffled);
    assertEquals(0, SemVer.parse("1.0.0+a").compareTo(SemVer.parse("1.0.0+b")));
  }

  @Test
  void tagsThatAreNotSemanticVersionsAreNotOrdered() {
    for (String tag :
        new String[] {"latest", "1.10", "2024-01-01", "1.0.0.1", "01.0.0", "sha-abc", "v1", ""}) {
      assertNull(SemVer.parse(tag), tag);
    }
    assertNull(SemVer.parse(null));
  }
}
