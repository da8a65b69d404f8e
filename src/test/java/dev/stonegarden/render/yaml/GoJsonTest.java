package dev.stonegarden.render.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's JSON string escaping, written once: the quoted form and its length agree. */
class GoJsonTest {
  @Test
  void theLengthIsTheLengthOfTheQuotedForm() {
    for (String s :
        new String[] {
          "plain", "a\"b\\c", "<&>", "\n\r\t\b\u0001", "\u2028\u2029", "é😀", "\ud800"
        }) {
      StringBuilder sb = new StringBuilder();
      GoJson.string(s, sb);
      String quoted = sb.toString();
      assertEquals(quoted.codePointCount(0, quoted.length()) - 2, GoJson.quotedLength(s), quoted);
    }
    StringBuilder sb = new StringBuilder();
    GoJson.string("<a\u0001>", sb);
    assertEquals("\"\\u003ca\\u0001\\u003e\"", sb.toString());
  }
}
