package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import okio.Buffer;
import okio.BufferedSource;
import okio.ByteString;
import org.jspecify.annotations.Nullable;

/**
 * A strict JSON reader over a response body held in an Okio {@link Buffer}, for the generated
 * decoders: a value must have the JSON type that the spec gives it (Moshi would read the number 50
 * as the string "50"), and every failure names its JSON path as Moshi's do.
 *
 * <p>Hand-written rather than Moshi's {@code JsonReader}, which the SDK otherwise uses: measured in
 * docs/benchmarks.md, Moshi's reader takes as long to walk a 1,000-conference page as Gson takes to
 * decode it, so no adapter on top of it can be much faster than the reflective client the SDK
 * replaces. This one reads the body's segments in place, matches field names against their bytes
 * without making strings of them, and knows from the schema what comes next instead of peeking at
 * every token. Moshi still writes JSON and reads it for {@code YeastarJson.moshi()}'s callers,
 * through {@link #fromMoshi}, so both ways decode a value alike.
 *
 * <p>Strict as Moshi's strict mode is, and where it is lenient, lenient alike: a raw control
 * character inside a string is kept, bytes that are not UTF-8 read as U+FFFD, and of a name given
 * twice the last value counts.
 */
public final class BufferJsonReader extends JsonTokenReader {
  private static final ByteString UTF8_BOM = ByteString.decodeHex("efbbbf");

  private BufferJsonReader(Buffer buffer, long start, String pathPrefix) {
    super(buffer, start, pathPrefix);
  }

  /**
   * Decodes the whole of {@code body} (after a UTF-8 byte order mark, if any) with {@code decoder}.
   * The buffer is left as it was.
   *
   * @throws JsonDataException if the JSON does not match the spec, or more follows the value
   * @throws JsonEncodingException if the bytes are not JSON
   */
  public static <T> T decode(Buffer body, JsonDecoder<T> decoder) throws IOException {
    long start = body.rangeEquals(0, UTF8_BOM) ? UTF8_BOM.size() : 0;
    BufferJsonReader reader = new BufferJsonReader(body, start, "$");
    try {
      T value = decoder.read(reader);
      if (reader.peekByte() != -1) {
        throw new JsonDataException(
            "JSON document was not fully consumed at path " + reader.path());
      }
      return value;
    } finally {
      reader.closeCursor();
    }
  }

  /**
   * Decodes the next value of a Moshi reader with {@code decoder}; paths continue Moshi's. Moshi's
   * reader finds where the value ends; a byte order mark is skipped only in a whole body ({@link
   * #decode}), as Moshi's own converter does.
   */
  public static <T> T fromMoshi(JsonReader reader, JsonDecoder<T> decoder) throws IOException {
    String path = reader.getPath();
    Buffer value = new Buffer();
    EOFException cutShort = null;
    try (BufferedSource source = reader.nextSource()) {
      value.writeAll(source);
    } catch (EOFException e) {
      // Moshi's says nothing more; reading what came says where the value was cut short.
      cutShort = e;
    }
    BufferJsonReader inner = new BufferJsonReader(value, 0, path);
    try {
      T result = decoder.read(inner);
      if (cutShort != null) {
        throw inner.endOfInput();
      }
      return result;
    } finally {
      inner.closeCursor();
    }
  }

  /** Reads a number's text exactly, for a value that the spec does not type. */
  public BigDecimal nextDecimal() throws IOException {
    int b = peekByte();
    if (token(b) != JsonReader.Token.NUMBER) {
      throw mismatch(JsonReader.Token.NUMBER, b);
    }
    BigDecimal value = new BigDecimal(readNumberText());
    expectValueEnd();
    valueDone();
    return value;
  }

  /** Reads a whole number in [{@code min}, {@code max}]; {@code kind} names it in a failure. */
  private long integer(String kind, long min, long max) throws IOException {
    int b = peekByte();
    if (b != '-' && (b < '0' || b > '9')) {
      throw mismatch(JsonReader.Token.NUMBER, b);
    }
    long value;
    if (scanPlainInteger()) {
      value = integer;
      if (value < min || value > max) {
        throw notA(kind, Long.toString(value));
      }
    } else {
      String text = readNumberText();
      Long whole = whole(text);
      if (whole == null || whole < min || whole > max) {
        throw notA(kind, text);
      }
      value = whole;
    }
    expectValueEnd();
    valueDone();
    return value;
  }

  private JsonDataException notA(String kind, String number) {
    return new JsonDataException("Expected " + kind + " but was " + number + " at path " + path());
  }

  /**
   * The whole number that {@code text} (JSON number grammar) stands for, or null when it has none:
   * a fraction, or beyond a long. Like Moshi, {@code 2.0} and {@code 2e3} are whole; a number with
   * a fraction or exponent goes through a double, as Moshi's does.
   */
  private static @Nullable Long whole(String text) {
    if (text.indexOf('.') == -1 && text.indexOf('e') == -1 && text.indexOf('E') == -1) {
      try {
        return Long.parseLong(text);
      } catch (NumberFormatException beyondLong) {
        return null;
      }
    }
    double value = Double.parseDouble(text);
    long whole = (long) value;
    // (long) clamps: a double at or past 2^63 comes back as Long.MAX_VALUE.
    return whole == value && whole != Long.MAX_VALUE ? whole : null;
  }

  /** Reads a 32-bit whole number; a fraction or overflow fails. */
  public int nextInt() throws IOException {
    return (int) integer("an int", Integer.MIN_VALUE, Integer.MAX_VALUE);
  }

  /** Reads a 64-bit whole number; a fraction or overflow fails. */
  public long nextLong() throws IOException {
    return integer("a long", Long.MIN_VALUE, Long.MAX_VALUE);
  }

  /** Reads a string, or null for a JSON null. */
  public @Nullable String string() throws IOException {
    return peekByte() == 'n' ? nextNull() : nextString();
  }

  /** Reads a 32-bit whole number, or null for a JSON null. */
  public @Nullable Integer int32() throws IOException {
    return peekByte() == 'n' ? nextNull() : Integer.valueOf(nextInt());
  }

  /** Reads a 64-bit whole number, or null for a JSON null. */
  public @Nullable Long int64() throws IOException {
    return peekByte() == 'n' ? nextNull() : Long.valueOf(nextLong());
  }

  /** Reads a boolean, or null for a JSON null. */
  public @Nullable Boolean bool() throws IOException {
    return peekByte() == 'n' ? nextNull() : Boolean.valueOf(nextBoolean());
  }

  /** Reads a 32-bit whole number that may not be null; a null fails naming {@code name}. */
  public int requiredInt32(String name) throws IOException {
    if (peekByte() == 'n') {
      throw nullFor(name);
    }
    return nextInt();
  }

  /** Reads a 64-bit whole number that may not be null; a null fails naming {@code name}. */
  public long requiredInt64(String name) throws IOException {
    if (peekByte() == 'n') {
      throw nullFor(name);
    }
    return nextLong();
  }

  /** Reads a boolean that may not be null; a null fails naming {@code name}. */
  public boolean requiredBool(String name) throws IOException {
    if (peekByte() == 'n') {
      throw nullFor(name);
    }
    return nextBoolean();
  }

  private JsonDataException nullFor(String name) throws IOException {
    nextNull();
    return unexpectedNull(name);
  }

  /** Reads a value with {@code decoder}, or null for a JSON null. */
  public <T> @Nullable T readOrNull(JsonDecoder<T> decoder) throws IOException {
    if (peekByte() == 'n') {
      return nextNull();
    }
    return decoder.read(this);
  }

  /**
   * Reads an enum's string: the constant at its index in {@code values}, else {@code unknown}'s
   * value for it, or, when {@code unknown} is null, a failure naming the values allowed.
   */
  public <E> E enumValue(JsonNames values, E[] constants, @Nullable Function<String, E> unknown)
      throws IOException {
    int b = peekByte();
    if (b != '"') {
      throw mismatch(JsonReader.Token.STRING, b);
    }
    skipByte();
    int index = scanName(values, 0);
    if (index == -1 && unknown == null) {
      throw new JsonDataException(
          "Expected one of " + values.strings() + " but was " + unmatched + " at path " + path());
    }
    valueDone();
    // Only a value this SDK version does not know allocates.
    return index == -1 ? unknown.apply(unmatched) : constants[index];
  }

  /**
   * Reads an array of {@code decoder}'s values as an immutable list, or null for a JSON null. An
   * element may not be null. One or two elements (the moderators of most conferences) become {@code
   * List.of}'s compact lists; more are handed over without a copy, so that the model's constructor
   * need not copy them again (see {@link ImmutableLists#copyOf}).
   */
  public <T> @Nullable List<T> list(JsonDecoder<T> decoder) throws IOException {
    if (peekByte() == 'n') {
      return nextNull();
    }
    beginArray();
    if (!hasNext()) {
      endArray();
      return List.of();
    }
    T first = element(decoder);
    if (!hasNext()) {
      endArray();
      return List.of(first);
    }
    T second = element(decoder);
    if (!hasNext()) {
      endArray();
      return List.of(first, second);
    }
    Object[] values = new Object[8];
    values[0] = first;
    values[1] = second;
    int size = 2;
    while (hasNext()) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = element(decoder);
    }
    endArray();
    return ImmutableLists.handOver(values, size);
  }

  private <T> T element(JsonDecoder<T> decoder) throws IOException {
    if (peekByte() == 'n') {
      throw new JsonDataException("Expected a value but was NULL at path " + path());
    }
    return decoder.read(this);
  }

  /** Call before {@link #endObject}: the failure for a required value that did not come. */
  public JsonDataException missing(String name) {
    return new JsonDataException(
        "Required value '" + name + "' missing at path " + pathOfCurrentScope());
  }

  /** The failure for a required value that came as null. */
  public JsonDataException unexpectedNull(String name) {
    return new JsonDataException("Non-null value '" + name + "' was null at path " + path());
  }
}
