package io.github.yeastarsdk;

import com.squareup.moshi.JsonAdapter;

/** The benchmarks' access to the SDK's adapter for the wire-only conference/list answer. */
public final class BenchWire {
  private BenchWire() {}

  /** The generated adapter of the conference/list answer, whose type is not public. */
  public static JsonAdapter<?> conferenceListAdapter() {
    return YeastarJson.moshi().adapter(ConferenceListResponse.class);
  }
}
