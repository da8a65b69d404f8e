package dev.stonegarden.render.yaml;

import tools.jackson.databind.node.NullNode;

/**
 * The null of an empty plain scalar ({@code key:} with no value), as opposed to a written {@code
 * null} or {@code ~}. It is a NullNode in every respect (equal to {@link NullNode#instance},
 * printed as {@code null}); only kyaml's strategic merge tells them apart: a written null in a
 * resource survives a merge that does not mention the field, an empty one is dropped ({@code
 * MakePersistentNullNode} keeps only nulls with text; docs/kustomize.md#strategic-merge).
 */
public final class EmptyNullNode extends NullNode {
  private static final long serialVersionUID = 1L;

  public static final EmptyNullNode INSTANCE = new EmptyNullNode();

  private EmptyNullNode() {}

  @Override
  public EmptyNullNode deepCopy() {
    return this;
  }

  @Override
  protected Object readResolve() {
    return INSTANCE;
  }
}
