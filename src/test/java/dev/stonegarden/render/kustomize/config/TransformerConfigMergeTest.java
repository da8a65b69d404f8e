package dev.stonegarden.render.kustomize.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stonegarden.render.diag.InputException;
import dev.stonegarden.render.diag.SourcePosition;
import dev.stonegarden.render.resource.Gvk;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Merges of the configurations every build makes alike are kept, and keeping them changes nothing:
 * the same lists in the same order as a merge made from scratch.
 */
class TransformerConfigMergeTest {
  private static final SourcePosition AT = SourcePosition.none();

  @Test
  void aKeptMergeIsTheMergeMadeFromScratch() {
    TransformerConfig builtin = TransformerConfigs.builtin();
    TransformerConfig level = TransformerConfig.empty().merge(builtin, AT);
    // What a build of an overlay on a base does: the base's configuration, then the tables again.
    TransformerConfig overlay = TransformerConfig.empty().merge(level, AT).merge(builtin, AT);
    assertSame(level, TransformerConfig.empty().merge(builtin, AT)); // kept
    assertSame(level, overlay); // merging the tables again gives the same value: one instance

    // Copies are not known: merged from scratch.
    TransformerConfig fresh = copy(TransformerConfig.empty()).merge(copy(builtin), AT);
    assertEquals(fresh, level);
    assertEquals(fresh, copy(fresh).merge(copy(fresh), AT).merge(copy(builtin), AT));
  }

  @Test
  void aConfigurationFileMergesAsBefore() {
    TransformerConfig builtin = TransformerConfigs.builtin();
    FieldSpec mine = new FieldSpec(new Gvk("example.com", "v1", "Widget"), "spec/selector", true);
    TransformerConfig file = commonLabelsOnly(mine);
    TransformerConfig merged = builtin.merge(file, AT);
    assertTrue(merged.commonLabels().contains(mine));
    assertEquals(builtin.commonLabels().size() + 1, merged.commonLabels().size());
    TransformerConfig conflicting =
        commonLabelsOnly(new FieldSpec(mine.selector(), mine.path(), false));
    assertThrows(InputException.class, () -> merged.merge(conflicting, AT));
  }

  /** A configuration file with one {@code commonLabels} field spec and nothing else. */
  private static TransformerConfig commonLabelsOnly(FieldSpec spec) {
    List<FieldSpec> none = List.of();
    return new TransformerConfig(
        none, none, none, List.of(spec), none, none, none, List.of(), none, none, none);
  }

  private static TransformerConfig copy(TransformerConfig c) {
    return new TransformerConfig(
        new ArrayList<>(c.namePrefix()),
        new ArrayList<>(c.nameSuffix()),
        new ArrayList<>(c.namespace()),
        new ArrayList<>(c.commonLabels()),
        new ArrayList<>(c.labels()),
        new ArrayList<>(c.templateLabels()),
        new ArrayList<>(c.commonAnnotations()),
        new ArrayList<>(c.nameReference()),
        new ArrayList<>(c.varReference()),
        new ArrayList<>(c.images()),
        new ArrayList<>(c.replicas()));
  }
}
