package dev.stonegarden.render.resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The resources of a build, in accumulation order (kustomize's {@code ResMap}, without the
 * interface). Order matters: it is the output order under {@code sortOptions: fifo}, and the tie
 * order of everything else.
 */
public final class ResourceList implements Iterable<Resource> {
  private final List<Resource> resources = new ArrayList<>();

  public ResourceList() {}

  public ResourceList(List<Resource> initial) {
    resources.addAll(initial);
  }

  public int size() {
    return resources.size();
  }

  public boolean isEmpty() {
    return resources.isEmpty();
  }

  public Resource get(int index) {
    return resources.get(index);
  }

  public int indexOf(Resource r) {
    for (int i = 0; i < resources.size(); i++) {
      if (resources.get(i) == r) {
        return i;
      }
    }
    return -1;
  }

  /**
   * The first resource whose id ({@link ResId#key()}) an earlier one already has, or null: what
   * kustomize's resource map refuses when it is built again ("may not add resource with an already
   * registered id").
   */
  public Resource firstRepeatedId() {
    // Only looked up, never iterated: a HashSet cannot change any order here.
    Set<ResId.Key> seen = new HashSet<>();
    for (Resource r : resources) {
      if (!seen.add(r.id().key())) {
        return r;
      }
    }
    return null;
  }

  /** Appends without any id check; callers that need kustomize's uniqueness rule check first. */
  public void add(Resource r) {
    resources.add(r);
  }

  public void addAll(Iterable<Resource> rs) {
    for (Resource r : rs) {
      resources.add(r);
    }
  }

  /** Puts {@code replacement} where {@code existing} was (conversions keep the position). */
  public void replace(Resource existing, Resource replacement) {
    int i = indexOf(existing);
    if (i < 0) {
      throw new IllegalArgumentException("not in this list: " + existing);
    }
    resources.set(i, replacement);
  }

  public boolean remove(Resource r) {
    int i = indexOf(r);
    if (i < 0) {
      return false;
    }
    resources.remove(i);
    return true;
  }

  public void removeIf(Predicate<Resource> p) {
    resources.removeIf(p);
  }

  public List<Resource> select(Predicate<Resource> p) {
    return resources.stream().filter(p).toList();
  }

  /** An unmodifiable view in the current order. */
  public List<Resource> asList() {
    return Collections.unmodifiableList(resources);
  }

  /** Sorts in place with a stable sort. */
  public void sort(java.util.Comparator<Resource> order) {
    resources.sort(order);
  }

  @Override
  public Iterator<Resource> iterator() {
    return asList().iterator();
  }
}
