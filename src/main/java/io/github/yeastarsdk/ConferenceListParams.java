package io.github.yeastarsdk;

/**
 * What to ask {@code conference/list} for. Values are checked when built, before any request.
 *
 * <p>{@code page} counts from 1 and defaults to 1; {@code pageSize} defaults to 20; {@code sortBy}
 * and {@code orderBy} are left out unless set, so that the PBX applies its defaults (by number,
 * ascending).
 */
public final class ConferenceListParams {
  private final int page;
  private final int pageSize;
  private final ConferenceSortField sortBy;
  private final SortOrder orderBy;

  private ConferenceListParams(Builder builder) {
    this.page = builder.page;
    this.pageSize = builder.pageSize;
    this.sortBy = builder.sortBy;
    this.orderBy = builder.orderBy;
  }

  public static Builder builder() {
    return new Builder();
  }

  public int page() {
    return page;
  }

  public int pageSize() {
    return pageSize;
  }

  /** The sort field, or null to let the PBX sort by number. */
  public ConferenceSortField sortBy() {
    return sortBy;
  }

  /** The sort order, or null to let the PBX sort ascending. */
  public SortOrder orderBy() {
    return orderBy;
  }

  /** Returns a copy that asks for {@code page}. */
  public ConferenceListParams withPage(int page) {
    return toBuilder().page(page).build();
  }

  public Builder toBuilder() {
    return new Builder().page(page).pageSize(pageSize).sortBy(sortBy).orderBy(orderBy);
  }

  @Override
  public String toString() {
    return "ConferenceListParams(page="
        + page
        + ", pageSize="
        + pageSize
        + ", sortBy="
        + sortBy
        + ", orderBy="
        + orderBy
        + ")";
  }

  public static final class Builder {
    private int page = 1;
    private int pageSize = 20;
    private ConferenceSortField sortBy;
    private SortOrder orderBy;

    private Builder() {}

    /** The page to return, counted from 1. */
    public Builder page(int page) {
      this.page = page;
      return this;
    }

    /** How many conferences a page holds, at least 1. */
    public Builder pageSize(int pageSize) {
      this.pageSize = pageSize;
      return this;
    }

    /** The sort field; null leaves it to the PBX. */
    public Builder sortBy(ConferenceSortField sortBy) {
      this.sortBy = sortBy;
      return this;
    }

    /** The sort order; null leaves it to the PBX. */
    public Builder orderBy(SortOrder orderBy) {
      this.orderBy = orderBy;
      return this;
    }

    /** Throws {@link IllegalArgumentException} naming the first value that the PBX would reject. */
    public ConferenceListParams build() {
      if (page < 1) {
        throw new IllegalArgumentException("page must be at least 1, was " + page);
      }
      if (pageSize < 1) {
        throw new IllegalArgumentException("pageSize must be at least 1, was " + pageSize);
      }
      return new ConferenceListParams(this);
    }
  }
}
