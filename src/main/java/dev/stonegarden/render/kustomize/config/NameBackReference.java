package dev.stonegarden.render.kustomize.config;

import dev.stonegarden.render.resource.Gvk;
import java.util.List;
import java.util.Objects;

/**
 * The fields of other objects that hold the name of an object of kind {@code referral} (one entry
 * of kustomize's {@code nameReference} table).
 */
public record NameBackReference(Gvk referral, List<FieldSpec> referrers) {
  public NameBackReference {
    referrers = List.copyOf(referrers);
  }

  // equals and hashCode written out: a record's own link through invokedynamic, which the
  // JDK 25 AOT cache does not keep (docs/install.md#start-up).
  @Override
  public boolean equals(Object o) {
    return o instanceof NameBackReference x
        && Objects.equals(referral, x.referral)
        && Objects.equals(referrers, x.referrers);
  }

  @Override
  public int hashCode() {
    return Objects.hashCode(referral) * 31 + Objects.hashCode(referrers);
  }
}
