package io.github.yeastarsdk;

import com.squareup.moshi.Moshi;
import io.github.yeastarsdk.internal.GeneratedJsonAdapters;

/**
 * JSON for this SDK's models, with the API's own field names, read and written without reflection.
 */
public final class YeastarJson {
  private static final Moshi MOSHI =
      new Moshi.Builder().add(GeneratedJsonAdapters.INSTANCE).build();

  private YeastarJson() {}

  /**
   * A Moshi that knows every model of the spec; add to it with {@code newBuilder()}.
   *
   * @return the shared instance
   */
  public static Moshi moshi() {
    return MOSHI;
  }
}
