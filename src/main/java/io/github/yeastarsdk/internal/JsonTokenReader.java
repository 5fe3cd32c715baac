package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonEncodingException;
import com.squareup.moshi.JsonReader;
import java.io.IOException;
import java.util.Arrays;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * The grammar half of {@link BufferJsonReader}: objects, arrays, names and plain values in JSON's
 * strict grammar, and the JSON path of where it is, for messages worded as Moshi's. A separate
 * class from the bytes it reads ({@link JsonByteScanner}) and the schema's reads ({@link
 * BufferJsonReader}), but one object with them, so that the hot loops reach their fields directly.
 */
abstract class JsonTokenReader extends JsonByteScanner {
  private static final int MAX_DEPTH = 255;

  // What each open scope expects next. NEXT_* follow a comma: a value must come.
  private static final byte DOCUMENT = 0;
  private static final byte DOCUMENT_DONE = 1;
  private static final byte EMPTY_ARRAY = 2;
  private static final byte NONEMPTY_ARRAY = 3;
  private static final byte NEXT_ARRAY = 4;
  private static final byte EMPTY_OBJECT = 5;
  private static final byte NONEMPTY_OBJECT = 6;
  private static final byte NEXT_OBJECT = 7;

  private final String pathPrefix;
  private byte[] scopes = new byte[16];
  private @Nullable String[] names = new String[16];
  private int[] indices = new int[16];
  private int depth;

  JsonTokenReader(Buffer buffer, long start, String pathPrefix) {
    super(buffer, start);
    this.pathPrefix = pathPrefix;
  }

  @Override
  final String path() {
    return path(depth);
  }

  /** The path of the object or array being read, as its parent names it. */
  final String pathOfCurrentScope() {
    return path(depth - 1);
  }

  private String path(int deepest) {
    StringBuilder path = new StringBuilder(pathPrefix);
    for (int i = 1; i <= deepest; i++) {
      if (scopes[i] < EMPTY_OBJECT) {
        path.append('[').append(indices[i]).append(']');
      } else {
        // As Moshi's: an object whose first name has not been read yet ends the path in '.'.
        path.append('.');
        if (names[i] != null) {
          path.append(names[i]);
        }
      }
    }
    return path.toString();
  }

  /** The kind of the next value, as Moshi names it; fails on a byte that starts none. */
  public JsonReader.Token peek() throws JsonEncodingException {
    return token(peekByte());
  }

  final JsonReader.Token token(int b) throws JsonEncodingException {
    switch (b) {
      case '{':
        return JsonReader.Token.BEGIN_OBJECT;
      case '}':
        return JsonReader.Token.END_OBJECT;
      case '[':
        return JsonReader.Token.BEGIN_ARRAY;
      case ']':
        return JsonReader.Token.END_ARRAY;
      case '"':
        return JsonReader.Token.STRING;
      case 't':
      case 'f':
        return JsonReader.Token.BOOLEAN;
      case 'n':
        return JsonReader.Token.NULL;
      case -1:
        return JsonReader.Token.END_DOCUMENT;
      default:
        if (b == '-' || (b >= '0' && b <= '9')) {
          return JsonReader.Token.NUMBER;
        }
        throw syntaxError("unexpected character");
    }
  }

  /** The failure for a value of the wrong kind, whose first byte is {@code b}. */
  final JsonDataException mismatch(JsonReader.Token expected, int b) throws IOException {
    if (b == -1) {
      throw endOfInput();
    }
    if (b == 'n' || b == 't' || b == 'f') {
      // The first letter only guessed the kind: "not json" is no null.
      try {
        readLiteral(b == 'n' ? "null" : b == 't' ? "true" : "false");
      } catch (JsonEncodingException notALiteral) {
        throw syntaxError("unexpected character");
      }
    }
    return new JsonDataException(
        "Expected " + expected + " but was " + token(b) + " at path " + path());
  }

  private void push(byte scope) throws JsonDataException {
    if (depth == MAX_DEPTH) {
      throw new JsonDataException("Nesting too deep at " + path());
    }
    if (++depth == scopes.length) {
      scopes = Arrays.copyOf(scopes, depth * 2);
      names = Arrays.copyOf(names, depth * 2);
      indices = Arrays.copyOf(indices, depth * 2);
    }
    scopes[depth] = scope;
    names[depth] = null;
    indices[depth] = 0;
  }

  /** Marks the value in the current scope as read. */
  final void valueDone() {
    byte scope = scopes[depth];
    if (scope >= EMPTY_OBJECT) {
      scopes[depth] = NONEMPTY_OBJECT;
    } else if (scope >= EMPTY_ARRAY) {
      scopes[depth] = NONEMPTY_ARRAY;
      indices[depth]++;
    } else {
      scopes[depth] = DOCUMENT_DONE;
    }
  }

  public void beginObject() throws IOException {
    begin('{', JsonReader.Token.BEGIN_OBJECT, EMPTY_OBJECT);
  }

  public void endObject() throws IOException {
    end('}', JsonReader.Token.END_OBJECT, NEXT_OBJECT);
  }

  public void beginArray() throws IOException {
    begin('[', JsonReader.Token.BEGIN_ARRAY, EMPTY_ARRAY);
  }

  public void endArray() throws IOException {
    end(']', JsonReader.Token.END_ARRAY, NEXT_ARRAY);
  }

  private void begin(char opener, JsonReader.Token token, byte scope) throws IOException {
    int b = peekByte();
    if (b != opener) {
      throw mismatch(token, b);
    }
    skipByte();
    push(scope);
  }

  private void end(char closer, JsonReader.Token token, byte afterComma) throws IOException {
    int b = peekByte();
    if (scopes[depth] == afterComma) {
      throw syntaxError("a value must follow a comma");
    }
    if (b != closer) {
      throw mismatch(token, b);
    }
    skipByte();
    depth--;
    valueDone();
  }

  /** Whether the current array or object has another element, consuming the comma before it. */
  public boolean hasNext() throws IOException {
    int b = peekByte();
    switch (scopes[depth]) {
      case EMPTY_ARRAY:
        return b != ']';
      case EMPTY_OBJECT:
        return b != '}';
      case NONEMPTY_ARRAY:
        return afterValue(b, ']', NEXT_ARRAY);
      case NONEMPTY_OBJECT:
        return afterValue(b, '}', NEXT_OBJECT);
      case NEXT_ARRAY:
      case NEXT_OBJECT:
        return true;
      default:
        throw new IllegalStateException("hasNext() outside an array or object");
    }
  }

  private boolean afterValue(int b, char closer, byte afterComma) throws IOException {
    if (b == closer) {
      return false;
    }
    if (b != ',') {
      throw b == -1 ? endOfInput() : syntaxError("expected ',' or '" + closer + "'");
    }
    skipByte();
    scopes[depth] = afterComma;
    return true;
  }

  /**
   * Reads the next name and its colon and returns its index in {@code names}, or -1 for a name that
   * it does not hold, which {@link #currentName} then gives. {@code expected} is the index tried
   * first.
   */
  public int selectName(JsonNames names, int expected) throws IOException {
    int b = peekByte();
    if (b != '"') {
      throw b == -1 ? endOfInput() : syntaxError("expected a name");
    }
    skipByte();
    int index = scanName(names, expected);
    this.names[depth] = index >= 0 ? names.string(index) : unmatched;
    b = peekByte();
    if (b != ':') {
      throw b == -1 ? endOfInput() : syntaxError("expected ':'");
    }
    skipByte();
    return index;
  }

  /** Reads the next name and its colon. */
  public String nextName() throws IOException {
    selectName(NO_NAMES, 0);
    return unmatched;
  }

  private static final JsonNames NO_NAMES = JsonNames.of();

  /** The name last read in the current object. */
  public String currentName() {
    String name = names[depth];
    return name == null ? "" : name;
  }

  /** Reads a string. */
  public String nextString() throws IOException {
    int b = peekByte();
    if (b != '"') {
      throw mismatch(JsonReader.Token.STRING, b);
    }
    skipByte();
    String value = readString();
    valueDone();
    return value;
  }

  /** Reads a JSON null; returns null, typed as the caller needs. */
  public <T> @Nullable T nextNull() throws IOException {
    int b = peekByte();
    if (b != 'n') {
      throw mismatch(JsonReader.Token.NULL, b);
    }
    readLiteral("null");
    expectValueEnd();
    valueDone();
    return null;
  }

  /** Reads a boolean. */
  public boolean nextBoolean() throws IOException {
    int b = peekByte();
    if (b != 't' && b != 'f') {
      throw mismatch(JsonReader.Token.BOOLEAN, b);
    }
    readLiteral(b == 't' ? "true" : "false");
    expectValueEnd();
    valueDone();
    return b == 't';
  }
}
