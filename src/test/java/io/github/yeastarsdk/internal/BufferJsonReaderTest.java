package io.github.yeastarsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.YeastarJson;
import java.io.EOFException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The SDK's own JSON reader against Moshi's strict one: the same values from the same bytes, the
 * same refusals, wherever Okio's segment boundaries fall, and failures that name their path.
 */
class BufferJsonReaderTest {
  private static final int SEGMENT = 8192;

  @Test
  void readsWhatMoshiReadsWhereverASegmentEnds() throws IOException {
    Random random = new Random(20261205L);
    for (int document = 0; document < 200; document++) {
      String json = value(random, 0);
      byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
      Object expected = moshi(bytes);
      // A segment boundary before each of the first bytes (past them, the tokens repeat).
      for (int at = 0; at <= Math.min(bytes.length, 120); at++) {
        assertThat(ours(padded(bytes, at))).as("%s split at %d", json, at).isEqualTo(expected);
      }
    }
  }

  @Test
  void refusesWhatMoshiRefuses() throws IOException {
    Random random = new Random(7L);
    int refused = 0;
    for (int document = 0; document < 300; document++) {
      byte[] valid = value(random, 0).getBytes(StandardCharsets.UTF_8);
      byte[] bytes = mutate(valid, random);
      Object moshi = outcome(() -> moshi(bytes));
      for (int at : new int[] {0, bytes.length / 2, bytes.length}) {
        Object ours = outcome(() -> ours(padded(bytes, at)));
        assertThat(ours instanceof IOException || ours instanceof JsonDataException)
            .as("%s: ours %s, Moshi's %s", new String(bytes, StandardCharsets.UTF_8), ours, moshi)
            .isEqualTo(moshi instanceof IOException || moshi instanceof JsonDataException);
        if (!(ours instanceof Exception)) {
          assertThat(ours).isEqualTo(moshi);
        }
      }
      refused += moshi instanceof Exception ? 1 : 0;
    }
    // The mutations must mostly break the documents, or this test would prove little.
    assertThat(refused).isGreaterThan(150);
  }

  @Test
  void failuresNameTheirPath() {
    assertThatThrownBy(() -> conference("{\"id\":\"7\",\"name\":\"A\",\"number\":\"1\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected NUMBER but was STRING at path $.id");
    assertThatThrownBy(() -> conference("{\"name\":\"A\",\"number\":\"1\"}"))
        .hasMessage("Required value 'id' missing at path $");
    assertThatThrownBy(() -> conference("{\"id\":1,\"name\":null,\"number\":\"1\"}"))
        .hasMessage("Non-null value 'name' was null at path $.name");
    assertThatThrownBy(
            () ->
                conference("{\"id\":1,\"name\":\"A\",\"number\":\"1\",\"moderator_list\":[{},7]}"))
        .hasMessageStartingWith("Required value")
        .hasMessageEndingWith("at path $.moderator_list[0]");
    assertThatThrownBy(() -> conference("{\"id\":2147483648,\"name\":\"A\",\"number\":\"1\"}"))
        .hasMessage("Expected an int but was 2147483648 at path $.id");
    assertThatThrownBy(() -> conference("{\"id\":1.5,\"name\":\"A\",\"number\":\"1\"}"))
        .hasMessage("Expected an int but was 1.5 at path $.id");
    assertThatThrownBy(() -> conference("{\"id\":1,\"name\":\"A\""))
        .isInstanceOf(EOFException.class)
        .hasMessage("End of input at path $.name");
    assertThatThrownBy(() -> conference("not json"))
        .isInstanceOf(JsonEncodingException.class)
        .hasMessage("Malformed JSON: unexpected character at path $");
    assertThatThrownBy(() -> conference("{\"id\":true,\"name\":\"A\",\"number\":\"1\"}"))
        .hasMessage("Expected NUMBER but was BOOLEAN at path $.id");
    assertThatThrownBy(() -> conference("{\"id\":1,,\"name\":\"A\"}"))
        .isInstanceOf(JsonEncodingException.class)
        .hasMessageEndingWith("at path $.id");
    assertThatThrownBy(() -> conference("{\"id\":1,\"name\":\"A\",\"number\":\"1\"} {}"))
        .hasMessage("JSON document was not fully consumed at path $");
    // The object's own path, whatever the last name read holds.
    assertThatThrownBy(() -> conference("{\"id\":7,\"number\":\"1\",\"a.b\":1}"))
        .hasMessage("Required value 'name' missing at path $");
    assertThatThrownBy(() -> conference("{\"id\":1,\"x\":" + "[".repeat(300)))
        .hasMessageStartingWith("Nesting too deep at $.x[0][0]");
  }

  @Test
  void keepsUnknownFieldsExactlyAndAcceptsWholeNumbersWrittenAsDecimals() throws IOException {
    Conference conference =
        conference(
            "\ufeff{\"id\":2.0,\"name\":\"caf\\u00e9 \\ud83d\\ude00\",\"number\":\"6500\","
                + "\"extra\":{\"big\":12345678901234567890.10,\"list\":[true,null,\"x\"]}}");
    assertThat(conference.id()).isEqualTo(2);
    assertThat(conference.name()).isEqualTo("café \uD83D\uDE00");
    Map<String, Object> extra = new LinkedHashMap<>();
    extra.put("big", new BigDecimal("12345678901234567890.10"));
    List<Object> list = new ArrayList<>();
    list.add(true);
    list.add(null);
    list.add("x");
    extra.put("list", list);
    assertThat(conference.additionalProperties()).containsExactly(Map.entry("extra", extra));
  }

  @Test
  void readsThroughMoshiWithMoshisPaths() {
    assertThatThrownBy(
            () ->
                YeastarJson.moshi()
                    .adapter(ConferenceListResponse.class)
                    .fromJson(
                        "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":1,\"name\":\"A\","
                            + "\"number\":\"1\"},{\"id\":true}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessage("Expected NUMBER but was BOOLEAN at path $.data[1].id");
  }

  @Test
  void aValueCutShortThroughMoshiSaysWhere() {
    assertThatThrownBy(() -> YeastarJson.moshi().adapter(Conference.class).fromJson("{\"id\":7"))
        .isInstanceOf(EOFException.class)
        .hasMessage("End of input at path $.id");
    assertThatThrownBy(
            () ->
                YeastarJson.moshi()
                    .adapter(ConferenceListResponse.class)
                    .fromJson("{\"errcode\":0,\"data\":[{\"id\":7,\"name\":\"Ro"))
        .isInstanceOf(EOFException.class)
        .hasMessage("End of input at path $.data[0].name");
  }

  private static Conference conference(String json) throws IOException {
    @SuppressWarnings("unchecked")
    JsonDecoder<Conference> decoder =
        (JsonDecoder<Conference>) GeneratedJsonAdapters.decoder(Conference.class);
    return BufferJsonReader.decode(new Buffer().writeUtf8(json), decoder);
  }

  /** {@code bytes} after whitespace that puts a segment boundary before byte {@code at}. */
  private static Buffer padded(byte[] bytes, int at) {
    Buffer buffer = new Buffer();
    buffer.writeUtf8(" ".repeat(SEGMENT - at));
    buffer.write(bytes);
    return buffer;
  }

  private static Object ours(Buffer buffer) throws IOException {
    Object value = BufferJsonReader.decode(buffer, UnknownFields::value);
    return value == null ? "null" : value;
  }

  private static Object moshi(byte[] bytes) throws IOException {
    try (JsonReader reader = JsonReader.of(new Buffer().write(bytes))) {
      Object value = tree(reader);
      if (reader.peek() != JsonReader.Token.END_DOCUMENT) {
        throw new JsonDataException("JSON document was not fully consumed.");
      }
      return value == null ? "null" : value;
    }
  }

  private static @Nullable Object tree(JsonReader reader) throws IOException {
    switch (reader.peek()) {
      case BEGIN_OBJECT:
        Map<String, Object> object = new LinkedHashMap<>();
        reader.beginObject();
        while (reader.hasNext()) {
          object.put(reader.nextName(), tree(reader));
        }
        reader.endObject();
        return object;
      case BEGIN_ARRAY:
        List<Object> array = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
          array.add(tree(reader));
        }
        reader.endArray();
        return array;
      case STRING:
        return reader.nextString();
      case NUMBER:
        return new BigDecimal(reader.nextString());
      case BOOLEAN:
        return reader.nextBoolean();
      default:
        return reader.nextNull();
    }
  }

  interface Read {
    Object run() throws IOException;
  }

  private static Object outcome(Read read) {
    try {
      Object value = read.run();
      return value == null ? "null" : value;
    } catch (IOException | JsonDataException | NumberFormatException e) {
      return e;
    }
  }

  private static final String[] STRINGS = {
    "",
    "a",
    "conference room",
    "caf\u00e9",
    "\u4f1a\u8bae",
    "\uD83D\uDE00",
    "tab\tquote\"",
    "back\\slash",
    "line\nbreak",
    "\u0001",
    "/"
  };
  private static final String[] NUMBERS = {
    "0",
    "-0",
    "7",
    "-42",
    "2147483647",
    "123456789012345678",
    "1234567890123456789012",
    "1.5",
    "-0.25",
    "1e3",
    "2E-2",
    "6.02e+23"
  };

  private static String value(Random random, int depth) {
    int kind = depth > 3 ? 2 + random.nextInt(4) : random.nextInt(6);
    String space = random.nextInt(4) == 0 ? " \n\t\r".substring(random.nextInt(4)) : "";
    switch (kind) {
      case 0:
        StringBuilder object = new StringBuilder("{" + space);
        int fields = random.nextInt(4);
        for (int i = 0; i < fields; i++) {
          object.append(i > 0 ? "," : "").append(string(random)).append(space).append(':');
          object.append(space).append(value(random, depth + 1));
        }
        return object.append(space).append('}').toString();
      case 1:
        StringBuilder array = new StringBuilder("[" + space);
        int elements = random.nextInt(4);
        for (int i = 0; i < elements; i++) {
          array.append(i > 0 ? "," + space : "").append(value(random, depth + 1));
        }
        return array.append(']').toString();
      case 2:
        return string(random);
      case 3:
        return NUMBERS[random.nextInt(NUMBERS.length)];
      case 4:
        return random.nextBoolean() ? "true" : "false";
      default:
        return "null";
    }
  }

  private static String string(Random random) {
    String text = STRINGS[random.nextInt(STRINGS.length)];
    StringBuilder json = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      boolean escape = random.nextInt(3) == 0;
      if (c == '"' || c == '\\') {
        json.append('\\').append(c);
      } else if (c < 0x20 && !escape && "\b\f\n\r\t".indexOf(c) >= 0) {
        json.append('\\').append("bfnrt".charAt("\b\f\n\r\t".indexOf(c)));
      } else if (c < 0x20 || (escape && c > 0x7f)) {
        json.append(String.format("\\u%04x", (int) c));
      } else if (escape && c == '/') {
        json.append("\\/");
      } else {
        json.append(c);
      }
    }
    return json.append('"').toString();
  }

  private static byte[] mutate(byte[] valid, Random random) {
    byte[] bytes = valid.clone();
    switch (random.nextInt(4)) {
      case 0:
        return java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length + 1));
      case 1:
        bytes[random.nextInt(bytes.length)] =
            (byte) "{}[],:\"\\ -1e.tfnx".charAt(random.nextInt(17));
        return bytes;
      case 2:
        int at = random.nextInt(bytes.length);
        byte[] longer = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, longer, 0, at);
        longer[at] = (byte) ",]}\"0".charAt(random.nextInt(5));
        System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
        return longer;
      default:
        return bytes;
    }
  }
}
