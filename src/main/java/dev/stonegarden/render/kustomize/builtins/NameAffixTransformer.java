package dev.stonegarden.render.kustomize.builtins;

import dev.stonegarden.render.kustomize.config.FieldSpec;
import dev.stonegarden.render.kustomize.config.FieldWalker;
import dev.stonegarden.render.kustomize.config.FieldWalker.Create;
import dev.stonegarden.render.pipeline.Transformer;
import dev.stonegarden.render.resource.Gvk;
import dev.stonegarden.render.resource.ResId;
import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceList;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.StringNode;

/**
 * {@code namePrefix:} or {@code nameSuffix:} (kustomize's {@code PrefixTransformer} and {@code
 * SuffixTransformer}, docs/kustomize.md#name-prefix-and-suffix): adds the affix to {@code
 * metadata.name} (and any configured field) of every object except CRDs, Namespaces and
 * APIServices, and records the old id and the affix so that references can be fixed and
 * disambiguated later.
 */
public record NameAffixTransformer(String affix, boolean prefix, List<FieldSpec> fieldSpecs)
    implements Transformer {

  private static final List<Gvk> SKIPPED =
      List.of(
          new Gvk("", "", "CustomResourceDefinition"),
          new Gvk("apiregistration.k8s.io", "", "APIService"),
          new Gvk("", "", "Namespace"));

  public NameAffixTransformer {
    fieldSpecs = List.copyOf(fieldSpecs);
  }

  @Override
  public void transform(ResourceList resources) {
    for (Resource r : resources.asList().toArray(new Resource[0])) {
      ResId org = r.originalId();
      if (SKIPPED.stream().anyMatch(s -> Ids.selects(s, org.gvk()))) {
        continue;
      }
      for (FieldSpec fs : fieldSpecs) {
        if (!Ids.selects(fs.selector(), org.gvk())) {
          continue;
        }
        if (fs.path().equals("metadata/name") && !affix.isEmpty()) {
          if (prefix) {
            r.addPrefix(affix);
          } else {
            r.addSuffix(affix);
          }
          r.rememberId();
        }
        FieldWalker.walk(
            r,
            fs,
            Create.SCALAR,
            slot -> {
              JsonNode v = slot.value();
              String old = v == null || v.isNull() ? "" : v.asString();
              slot.set(StringNode.valueOf(prefix ? affix + old : old + affix));
            });
      }
    }
  }
}
