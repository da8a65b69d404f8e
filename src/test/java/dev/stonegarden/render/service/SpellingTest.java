package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SpellingTest {
  @Test
  void suggestsCloseKeys() {
    List<String> keys = List.of("name", "cluster", "namespace", "autoSync", "rollout");
    assertEquals("namespace", Spelling.closest("namspace", keys));
    assertEquals("autoSync", Spelling.closest("autosync", keys));
    assertEquals("autoSync", Spelling.closest("auto-sync", keys));
    assertEquals("rollout", Spelling.closest("rolout", keys));
    assertEquals("cluster", Spelling.closest("clsuter", keys));
    assertEquals(
        "imagePullPolicy", Spelling.closest("imagePullPolcy", List.of("image", "imagePullPolicy")));
  }

  @Test
  void staysQuietWhenNothingIsClose() {
    assertNull(Spelling.closest("color", List.of("name", "cluster", "namespace")));
    assertNull(Spelling.closest("ab", List.of("xy")));
    assertEquals("", Spelling.didYouMean("pager", List.of("team", "slack", "email")));
  }
}
