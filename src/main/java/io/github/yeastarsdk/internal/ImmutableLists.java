package io.github.yeastarsdk.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * The lists of the models. A model's constructor makes every list immutable; a list that a
 * generated adapter has just decoded already is, and copying it again would double the allocation
 * of the largest part of a page (its conferences): {@link #copyOf} hands such a list through
 * unchanged.
 */
public final class ImmutableLists {
  private ImmutableLists() {}

  /**
   * Returns an immutable list with the elements of {@code list}: the list itself when it is already
   * immutable (decoded by an adapter, or {@code List.of}'s), otherwise a copy.
   *
   * @param list the elements; null reads as none
   * @return an immutable list of the same elements
   * @throws NullPointerException if an element is null
   */
  public static <T> List<T> copyOf(@Nullable List<T> list) {
    if (list == null) {
      return List.of();
    }
    if (list instanceof Decoded<T>) {
      return list;
    }
    // List.copyOf returns an immutable JDK list as it is, and copies any other.
    return List.copyOf(list);
  }

  /**
   * Wraps {@code elements[0..size)} without a copy. Only for a list that the caller built and hands
   * over: the array must not be changed or shared afterwards, and hold no null.
   */
  static <T> List<T> handOver(@Nullable Object[] elements, int size) {
    return new Decoded<>(elements, size);
  }

  /**
   * Immutable: {@code AbstractList} throws on every change. Its {@code equals} and {@code hashCode}
   * are a list's, so it compares equal to any list of the same elements.
   */
  private static final class Decoded<T> extends AbstractList<T> implements RandomAccess {
    private final @Nullable Object[] elements;
    private final int size;

    Decoded(@Nullable Object[] elements, int size) {
      this.elements = elements;
      this.size = size;
    }

    @Override
    @SuppressWarnings("unchecked")
    public T get(int index) {
      Objects.checkIndex(index, size);
      return (T) elements[index];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
