package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Strict reads for the generated adapters: a value must have the JSON type that the spec gives it.
 * Moshi would otherwise read the number 50 as the string "50", and a drift between the PBX and the
 * spec would pass unnoticed.
 */
public final class JsonReading {
  private JsonReading() {}

  /** Returns {@code reader} once its next token is {@code token}, or fails naming the path. */
  public static JsonReader expect(JsonReader reader, JsonReader.Token token) throws IOException {
    JsonReader.Token actual = reader.peek();
    if (actual != token) {
      throw mismatch(token, actual, reader);
    }
    return reader;
  }

  private static JsonDataException mismatch(
      JsonReader.Token expected, JsonReader.Token actual, JsonReader reader) {
    return new JsonDataException(
        "Expected " + expected + " but was " + actual + " at path " + reader.getPath());
  }

  // Each read asks peek() once: the token decides both the null case and the type check.

  /** Reads a string, or null for a JSON null. */
  public static @Nullable String string(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.STRING) {
      return reader.nextString();
    }
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    throw mismatch(JsonReader.Token.STRING, token, reader);
  }

  /** Reads a 32-bit integer, or null for a JSON null; a fraction or overflow fails. */
  public static @Nullable Integer int32(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NUMBER) {
      return reader.nextInt();
    }
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    throw mismatch(JsonReader.Token.NUMBER, token, reader);
  }

  /** Reads a 64-bit integer, or null for a JSON null; a fraction or overflow fails. */
  public static @Nullable Long int64(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NUMBER) {
      return reader.nextLong();
    }
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    throw mismatch(JsonReader.Token.NUMBER, token, reader);
  }

  /** Reads a boolean, or null for a JSON null. */
  public static @Nullable Boolean bool(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.BOOLEAN) {
      return reader.nextBoolean();
    }
    if (token == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    throw mismatch(JsonReader.Token.BOOLEAN, token, reader);
  }

  /** Reads a value with {@code adapter}, or null for a JSON null. */
  public static <T> @Nullable T read(JsonAdapter<T> adapter, JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    return adapter.fromJson(reader);
  }

  /**
   * The failure for a required value of the kind {@code expected} that came as {@code token}: a
   * null naming {@code name} (consumed, so that the reader stays in step), else a type mismatch.
   */
  private static JsonDataException notA(
      JsonReader.Token expected, JsonReader.Token token, JsonReader reader, String name)
      throws IOException {
    if (token == JsonReader.Token.NULL) {
      reader.nextNull();
      return unexpectedNull(name, reader);
    }
    return mismatch(expected, token, reader);
  }

  /** Reads a 32-bit integer that may not be null; a null fails naming {@code name}. */
  public static int requiredInt32(JsonReader reader, String name) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NUMBER) {
      return reader.nextInt();
    }
    throw notA(JsonReader.Token.NUMBER, token, reader, name);
  }

  /** Reads a 64-bit integer that may not be null; a null fails naming {@code name}. */
  public static long requiredInt64(JsonReader reader, String name) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.NUMBER) {
      return reader.nextLong();
    }
    throw notA(JsonReader.Token.NUMBER, token, reader, name);
  }

  /** Reads a boolean that may not be null; a null fails naming {@code name}. */
  public static boolean requiredBool(JsonReader reader, String name) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.BOOLEAN) {
      return reader.nextBoolean();
    }
    throw notA(JsonReader.Token.BOOLEAN, token, reader, name);
  }

  /**
   * Reads an array of {@code adapter}'s values as an immutable list, or null for a JSON null. An
   * element may not be null. Inline rather than Moshi's collection adapter: one or two elements
   * (the moderators of most conferences) become {@code List.of}'s compact lists, more are handed
   * over without a copy, so that the model's constructor need not copy them again (see {@link
   * ImmutableLists#copyOf}).
   */
  public static <T> @Nullable List<T> list(JsonAdapter<T> adapter, JsonReader reader)
      throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      return reader.nextNull();
    }
    expect(reader, JsonReader.Token.BEGIN_ARRAY).beginArray();
    if (!reader.hasNext()) {
      reader.endArray();
      return List.of();
    }
    T first = element(adapter, reader);
    if (!reader.hasNext()) {
      reader.endArray();
      return List.of(first);
    }
    T second = element(adapter, reader);
    if (!reader.hasNext()) {
      reader.endArray();
      return List.of(first, second);
    }
    Object[] values = new Object[8];
    values[0] = first;
    values[1] = second;
    int size = 2;
    while (reader.hasNext()) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = element(adapter, reader);
    }
    reader.endArray();
    return ImmutableLists.handOver(values, size);
  }

  private static <T> T element(JsonAdapter<T> adapter, JsonReader reader) throws IOException {
    if (reader.peek() == JsonReader.Token.NULL) {
      throw new JsonDataException("Expected a value but was NULL at path " + reader.getPath());
    }
    T value = adapter.fromJson(reader);
    if (value == null) {
      throw new JsonDataException("Expected a value but was NULL at path " + reader.getPath());
    }
    return value;
  }

  /** Writes {@code values} as a JSON array with {@code adapter}. */
  public static <T> void writeList(JsonAdapter<T> adapter, JsonWriter writer, List<T> values)
      throws IOException {
    writer.beginArray();
    for (T value : values) {
      adapter.toJson(writer, value);
    }
    writer.endArray();
  }

  /** Call before {@code endObject()}: the reader's path then ends in the object's last name. */
  public static JsonDataException missing(String name, JsonReader reader) {
    String inside = reader.getPath();
    String object = inside.substring(0, Math.max(1, inside.lastIndexOf('.')));
    return new JsonDataException("Required value '" + name + "' missing at path " + object);
  }

  public static JsonDataException unexpectedNull(String name, JsonReader reader) {
    return new JsonDataException(
        "Non-null value '" + name + "' was null at path " + reader.getPath());
  }
}
