package dev.stonegarden.render.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.service.Schemas;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The references docs/service-yaml.md, docs/values-yaml.md and docs/platform-yaml.md say what the
 * shipped schemas say: the part between the markers is {@link SchemaReference}'s rendering of the
 * schema, byte for byte; the prose around it is the team's own.
 *
 * <p>{@code ./mvnw -B -o test -Dtest=DocsSchemaSyncTest -Dupdate} rewrites the generated parts
 * (refused when {@code CI} is set); read the diff before committing it.
 */
class DocsSchemaSyncTest {
  static final boolean UPDATE = System.getProperty("update") != null;
  static final String END = "<!-- END GENERATED -->";

  static Path page(Schemas s) {
    return DocsLinksTest.PROJECT.resolve("docs/" + s.kind() + "-yaml.md");
  }

  static String begin(Schemas s) {
    return "<!-- BEGIN GENERATED from src/main/resources/dev/stonegarden/render/schema/"
        + s.kind()
        + "-v1alpha1.json -->";
  }

  @ParameterizedTest
  @EnumSource(Schemas.class)
  void referenceMatchesTheSchema(Schemas s) throws IOException {
    Path page = page(s);
    String text = Files.readString(page, StandardCharsets.UTF_8);
    int from = text.indexOf(begin(s));
    int to = text.indexOf(END);
    assertTrue(from >= 0 && to > from, page + " needs the markers " + begin(s) + " ... " + END);
    from += begin(s).length();
    String generated = "\n" + SchemaReference.render(s.tree());
    String written = text.substring(from, to);
    if (UPDATE && !generated.equals(written)) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("-Dupdate is refused when CI is set: pages are written by people");
      }
      Files.writeString(
          page, text.substring(0, from) + generated + text.substring(to), StandardCharsets.UTF_8);
      Assumptions.abort("updated " + page + ": read the diff before committing");
    }
    assertEquals(
        generated,
        written,
        DocsLinksTest.PROJECT.relativize(page)
            + " is out of date with the "
            + s.kind()
            + " schema: regenerate it with ./mvnw -B -o test -Dtest=DocsSchemaSyncTest -Dupdate"
            + " and read the diff");
  }
}
