package dev.stonegarden.render.kustomize;

import dev.stonegarden.render.resource.Resource;
import dev.stonegarden.render.resource.ResourceOrder;
import java.util.Comparator;
import java.util.List;

/**
 * The root kustomization's {@code sortOptions} (docs/kustomize.md#sort-options): {@code legacy}
 * (the default, optionally with custom first/last kind lists) or {@code fifo} (accumulation order).
 */
public record SortOptions(boolean fifo, List<String> orderFirst, List<String> orderLast) {

  public SortOptions {
    orderFirst = List.copyOf(orderFirst);
    orderLast = List.copyOf(orderLast);
  }

  /** What {@code kubectl kustomize} does without {@code sortOptions}. */
  public static SortOptions legacy() {
    return new SortOptions(
        false, ResourceOrder.DEFAULT_ORDER_FIRST, ResourceOrder.DEFAULT_ORDER_LAST);
  }

  /** The comparator to sort with, or null for fifo (no sorting). */
  public Comparator<Resource> comparator() {
    if (fifo) {
      return null;
    }
    if (orderFirst.equals(ResourceOrder.DEFAULT_ORDER_FIRST)
        && orderLast.equals(ResourceOrder.DEFAULT_ORDER_LAST)) {
      return ResourceOrder.legacy();
    }
    return new ResourceOrder(orderFirst, orderLast);
  }
}
