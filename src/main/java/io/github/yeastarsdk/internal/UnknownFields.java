package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The JSON fields of a model that the spec does not name, kept as plain JSON values so that a field
 * added by newer PBX firmware survives a decode and an encode. The generated adapters call it only
 * for a name they do not know, so a body without such fields allocates nothing here.
 *
 * <p>Hand-written rather than Moshi's {@code readJsonValue()}: that reads every number as a {@code
 * double}, which changes integers above 2^53 and decimals such as {@code 0.10}; here a number stays
 * exact as a {@link BigDecimal} and is written back with the same digits.
 */
public final class UnknownFields {
  private UnknownFields() {}

  /**
   * Puts the name that {@code reader} has just read, which the model does not know, and its value
   * into {@code fields}, which is created on first use; returns it.
   */
  public static Map<String, @Nullable Object> read(
      @Nullable Map<String, @Nullable Object> fields, BufferJsonReader reader) throws IOException {
    String name = reader.currentName();
    Object value = value(reader);
    Map<String, @Nullable Object> result = fields != null ? fields : new LinkedHashMap<>(4);
    result.put(name, value);
    return result;
  }

  /** Reads the next value whole, as the plain JSON values that this class keeps. */
  static @Nullable Object value(BufferJsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, @Nullable Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), value(reader));
        }
        reader.endObject();
        return Collections.unmodifiableMap(object);
      case BEGIN_ARRAY:
        List<@Nullable Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(value(reader));
        }
        reader.endArray();
        return Collections.unmodifiableList(array);
      case STRING:
        return reader.nextString();
      case NUMBER:
        return reader.nextDecimal();
      case BOOLEAN:
        return reader.nextBoolean();
      case NULL:
        return reader.nextNull();
      default:
        throw new JsonDataException(
            "Expected a value but was " + reader.peek() + " at path " + reader.path());
    }
  }

  /** Writes {@code fields} as names of the object being written; a JSON null stays a null. */
  public static void write(JsonWriter writer, Map<String, @Nullable Object> fields)
      throws IOException {
    if (fields.isEmpty()) {
      return;
    }
    // Moshi leaves out null members unless asked, which would drop a field the PBX sent as null.
    boolean serializeNulls = writer.getSerializeNulls();
    writer.setSerializeNulls(true);
    try {
      for (Map.Entry<String, Object> field : fields.entrySet()) {
        writer.name(field.getKey()).jsonValue(field.getValue());
      }
    } finally {
      writer.setSerializeNulls(serializeNulls);
    }
  }

  /**
   * Returns an immutable deep copy of {@code fields} for a model of type {@code type}.
   *
   * @throws IllegalArgumentException if a name is one of the model's own properties ({@code
   *     known}), or a value is not a JSON value (null, String, Number, Boolean, List, or Map with
   *     String keys)
   */
  public static Map<String, @Nullable Object> copy(
      Map<String, @Nullable Object> fields, String type, String... known) {
    Map<String, @Nullable Object> copy = new LinkedHashMap<>(fields.size() * 2);
    for (Map.Entry<String, Object> field : fields.entrySet()) {
      String name = field.getKey();
      if (name == null) {
        throw new IllegalArgumentException(type + " additionalProperties has a null name");
      }
      for (String property : known) {
        if (property.equals(name)) {
          throw new IllegalArgumentException(
              type + " additionalProperties has '" + name + "', which is a property of its own");
        }
      }
      copy.put(name, jsonValue(field.getValue(), type, name));
    }
    return Collections.unmodifiableMap(copy);
  }

  private static @Nullable Object jsonValue(@Nullable Object value, String type, String name) {
    if (value == null
        || value instanceof String
        || value instanceof Boolean
        || value instanceof Number) {
      return value;
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, @Nullable Object> copy = new LinkedHashMap<>(map.size() * 2);
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String key)) {
          throw new IllegalArgumentException(
              type + " additionalProperties '" + name + "' has a key that is not a String");
        }
        copy.put(key, jsonValue(entry.getValue(), type, name));
      }
      return Collections.unmodifiableMap(copy);
    }
    if (value instanceof List<?> list) {
      List<@Nullable Object> copy = new ArrayList<>(list.size());
      for (Object element : list) {
        copy.add(jsonValue(element, type, name));
      }
      return Collections.unmodifiableList(copy);
    }
    throw new IllegalArgumentException(
        type
            + " additionalProperties '"
            + name
            + "' is a "
            + value.getClass().getName()
            + ", not a JSON value");
  }
}
