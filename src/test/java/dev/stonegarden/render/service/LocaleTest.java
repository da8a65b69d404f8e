package dev.stonegarden.render.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.networknt.schema.Error;
import dev.stonegarden.render.diag.Diagnostic;
import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * Diagnostics do not depend on the default locale: networknt picks its message bundle by locale and
 * Turkish lower-cases "I" to a dotless "ı".
 */
class LocaleTest {
  private static List<String> diagnosticsOfInvalidFixtures() throws Exception {
    List<String> all = new ArrayList<>();
    for (Path f : SchemaFixturesTest.yamlFiles(SchemaFixturesTest.FIXTURES.resolve("invalid"))) {
      InputException e =
          assertThrows(InputException.class, () -> SchemaFixturesTest.read(f, new Problems()));
      e.diagnostics().stream().map(Diagnostic::toString).forEach(all::add);
    }
    return all;
  }

  private static <T> T under(Locale locale, java.util.concurrent.Callable<T> body)
      throws Exception {
    Locale saved = Locale.getDefault();
    Locale.setDefault(locale);
    try {
      return body.call();
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void sameDiagnosticsUnderTurkishAndGerman() throws Exception {
    List<String> english = under(Locale.US, LocaleTest::diagnosticsOfInvalidFixtures);
    assertEquals(
        english, under(Locale.forLanguageTag("tr-TR"), LocaleTest::diagnosticsOfInvalidFixtures));
    assertEquals(english, under(Locale.GERMANY, LocaleTest::diagnosticsOfInvalidFixtures));
  }

  @Test
  void validatorTextIsEnglish() throws Exception {
    List<Error> errors =
        under(Locale.GERMANY, () -> Schemas.VALUES.validate(TestYaml.tree("replicas: -1\n")));
    assertEquals(1, errors.size());
    assertEquals(
        "must have a minimum value of 0", under(Locale.GERMANY, () -> errors.get(0).getMessage()));
  }

  @Test
  void suggestionsIgnoreTheDefaultLocale() throws Exception {
    // Under tr-TR, "IMAGE".toLowerCase() is "ımage": a locale-sensitive comparison would miss it.
    String hint =
        under(
            Locale.forLanguageTag("tr-TR"),
            () -> Spelling.didYouMean("IMAGE", List.of("image", "replicas")));
    assertEquals("; did you mean \"image\"?", hint);
  }
}
