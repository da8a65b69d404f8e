package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** JSON pointer tokens and their display: one home, {@link SourceMap} (RFC 6901). */
class JsonPointerTokensTest {
  @Test
  void tokensDecodeLeftToRight() {
    assertEquals("~1", SourceMap.unescape("~01"));
    assertEquals("/", SourceMap.unescape("~1"));
    assertEquals("~", SourceMap.unescape("~0"));
    assertEquals("a~b", SourceMap.unescape("a~b"));
    for (String s : new String[] {"a/b~c", "~1", "~01", "", "x~"}) {
      assertEquals(s, SourceMap.unescape(SourceMap.escape(s)));
    }
  }

  @Test
  void pointersReadAsFieldPaths() {
    assertEquals(
        "spec.containers[0].a/b", SourceMap.fieldPath("/spec/containers/0/a~1b", "the top"));
    assertEquals("the top", SourceMap.fieldPath("", "the top"));
  }
}
