package io.github.yeastarsdk.bench;

import com.squareup.moshi.JsonReader;
import java.io.IOException;
import okio.Buffer;

/**
 * What Moshi's tokenizer alone costs an adapter on a conference/list body: every name selected,
 * every string and number read, no model built. Any adapter on Moshi's {@code JsonReader} pays at
 * least this; for {@link DecodeProfile}, not a figure of the report.
 */
final class TokenWalk {
  private static final JsonReader.Options NAMES =
      JsonReader.Options.of(
          "errcode",
          "errmsg",
          "total_number",
          "data",
          "id",
          "name",
          "number",
          "moderator_list",
          "type");

  private TokenWalk() {}

  static long walk(byte[] body) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(body));
    return value(reader);
  }

  /** The document's bytes through {@link JsonReader#nextSource()}, which finds the value's end. */
  static byte[] rawValue(byte[] body) throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(body));
    try (okio.BufferedSource source = reader.nextSource()) {
      return source.readByteArray();
    }
  }

  private static long value(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        long sum = 0;
        reader.beginObject();
        while (reader.hasNext()) {
          sum += reader.selectName(NAMES);
          sum += value(reader);
        }
        reader.endObject();
        return sum;
      case BEGIN_ARRAY:
        long total = 0;
        reader.beginArray();
        while (reader.hasNext()) {
          total += value(reader);
        }
        reader.endArray();
        return total;
      case STRING:
        return reader.nextString().length();
      case NUMBER:
        return reader.nextInt();
      default:
        reader.skipValue();
        return 0;
    }
  }
}
