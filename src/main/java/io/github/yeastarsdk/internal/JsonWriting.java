package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.List;

/** What the generated adapters share when they write JSON through Moshi. */
public final class JsonWriting {
  private JsonWriting() {}

  /**
   * Writes {@code values} as a JSON array with {@code adapter}. Inline rather than Moshi's
   * collection adapter, which each model adapter would otherwise have to look up for its lists.
   */
  public static <T> void writeList(JsonAdapter<T> adapter, JsonWriter writer, List<T> values)
      throws IOException {
    writer.beginArray();
    for (T value : values) {
      adapter.toJson(writer, value);
    }
    writer.endArray();
  }
}
