package dev.stonegarden.render.kustomize.config;

import dev.stonegarden.render.resource.Gvk;
import java.util.List;

/**
 * The fields of other objects that hold the name of an object of kind {@code referral} (one entry
 * of kustomize's {@code nameReference} table).
 */
public record NameBackReference(Gvk referral, List<FieldSpec> referrers) {
  public NameBackReference {
    referrers = List.copyOf(referrers);
  }
}
