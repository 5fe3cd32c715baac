package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonEncodingException;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import okio.Buffer;

/**
 * The lexical half of {@link BufferJsonReader}: walks the segments of an Okio {@link Buffer} in
 * place through its {@link Buffer.UnsafeCursor} (the buffer is neither copied nor consumed) and
 * reads strings, names, numbers and literals from them. A token is read straight from its segment's
 * array when it lies within one, which is nearly always; one that a segment boundary splits, or a
 * string with escapes, takes the slower path that gathers its bytes first.
 */
abstract class JsonByteScanner {
  private final Buffer.UnsafeCursor cursor;
  private final long size;
  private byte[] data = new byte[0];
  private int pos;
  private int end;

  /** The last plain integer that {@link #scanPlainInteger} read. */
  long integer;

  /** The last name that {@link #scanName} read and did not find among the names it was given. */
  String unmatched = "";

  /** Gathers a token that a segment boundary splits, or a string with escapes. */
  private byte[] scratch = new byte[64];

  JsonByteScanner(Buffer buffer, long start) {
    this.size = buffer.size();
    this.cursor = buffer.readUnsafe();
    if (start < size) {
      cursor.seek(start);
      data = cursor.data;
      pos = cursor.start;
      end = cursor.end;
    }
  }

  /** Where the reader is, for a message: a JSON path such as {@code $.data[3].name}. */
  abstract String path();

  /** Lets the buffer go; the reader must not be used afterwards. */
  final void closeCursor() {
    cursor.close();
  }

  /** Moves to the next segment that has bytes; false at the end of the buffer. */
  private boolean advance() {
    while (cursor.offset + (cursor.end - cursor.start) < size) {
      cursor.next();
      if (cursor.start < cursor.end) {
        data = cursor.data;
        pos = cursor.start;
        end = cursor.end;
        return true;
      }
    }
    return false;
  }

  /** The next byte that is not whitespace, without consuming it; -1 at the end of the buffer. */
  final int peekByte() {
    while (true) {
      if (pos == end && !advance()) {
        return -1;
      }
      int b = data[pos] & 0xff;
      if (b > ' ' || (b != ' ' && b != '\n' && b != '\r' && b != '\t')) {
        return b;
      }
      pos++;
    }
  }

  /** Consumes the byte that {@link #peekByte} just returned. */
  final void skipByte() {
    pos++;
  }

  /** The next byte, consumed, whitespace included; -1 at the end. */
  private int nextRawByte() {
    if (pos == end && !advance()) {
      return -1;
    }
    return data[pos++] & 0xff;
  }

  /** The failure for a body that ends inside a value, worded as Moshi's. */
  final EOFException endOfInput() {
    return new EOFException("End of input at path " + path());
  }

  final JsonEncodingException syntaxError(String what) {
    return new JsonEncodingException("Malformed JSON: " + what + " at path " + path());
  }

  /** Reads a string's characters and its closing quote; the opening quote is consumed. */
  final String readString() throws IOException {
    int start = pos;
    int quote = closingQuoteInSegment();
    if (quote == -1) {
      return readStringSlowly();
    }
    pos = quote + 1;
    // The JDK copies an ASCII run straight into a compact (Latin-1) String.
    return new String(data, start, quote - start, StandardCharsets.UTF_8);
  }

  /**
   * Reads a name and the quote that closes it (the opening one is consumed) and returns its index
   * in {@code names}, or -1 with the name in {@link #unmatched}.
   */
  final int scanName(JsonNames names, int expected) throws IOException {
    int start = pos;
    int quote = closingQuoteInSegment();
    if (quote == -1) {
      String name = readStringSlowly();
      int index = names.indexOf(name);
      if (index == -1) {
        unmatched = name;
      }
      return index;
    }
    pos = quote + 1;
    int index = names.indexOf(data, start, quote - start, expected);
    if (index == -1) {
      unmatched = new String(data, start, quote - start, StandardCharsets.UTF_8);
    }
    return index;
  }

  /**
   * Where the string that starts at {@code pos} ends, when its closing quote is in this segment and
   * no escape comes before it; else -1, for {@link #readStringSlowly}.
   */
  private int closingQuoteInSegment() {
    byte[] d = data;
    for (int p = pos, e = end; p < e; p++) {
      byte b = d[p];
      if (b == '"') {
        return p;
      }
      if (b == '\\') {
        return -1;
      }
    }
    return -1;
  }

  /**
   * Gathers the string's bytes across segments, resolving escapes. Bytes are decoded only where an
   * escape or the closing quote ends a run, never where a segment does, so a character that a
   * boundary splits decodes whole.
   */
  private String readStringSlowly() throws IOException {
    StringBuilder text = null;
    int length = 0;
    while (true) {
      int b = nextRawByte();
      if (b == -1) {
        throw endOfInput();
      }
      if (b == '"' || b == '\\') {
        String run = new String(scratch, 0, length, StandardCharsets.UTF_8);
        length = 0;
        if (b == '"') {
          return text == null ? run : text.append(run).toString();
        }
        text = text == null ? new StringBuilder(run) : text.append(run);
        text.append(escaped());
        continue;
      }
      if (length == scratch.length) {
        scratch = Arrays.copyOf(scratch, length * 2);
      }
      scratch[length++] = (byte) b;
    }
  }

  /** The character of the escape whose backslash was just consumed. */
  private char escaped() throws IOException {
    int b = nextRawByte();
    switch (b) {
      case '"':
      case '\\':
      case '/':
        return (char) b;
      case 'b':
        return '\b';
      case 'f':
        return '\f';
      case 'n':
        return '\n';
      case 'r':
        return '\r';
      case 't':
        return '\t';
      case 'u':
        int value = 0;
        for (int i = 0; i < 4; i++) {
          int digit = Character.digit(nextRawByte(), 16);
          if (digit == -1) {
            throw syntaxError("a \\u escape needs four hex digits");
          }
          value = value * 16 + digit;
        }
        // A surrogate stays a char of its own, as Java strings hold them.
        return (char) value;
      default:
        if (b == -1) {
          throw endOfInput();
        }
        throw syntaxError("invalid escape");
    }
  }

  /**
   * Reads an integer of at most 18 digits that lies within the current segment into {@link
   * #integer}, and returns true; returns false, consuming nothing, for anything else (a fraction,
   * an exponent, more digits, a segment boundary), which {@link #readNumberText} then reads.
   */
  final boolean scanPlainInteger() {
    byte[] d = data;
    int p = pos;
    int e = end;
    boolean negative = d[p] == '-';
    if (negative) {
      p++;
    }
    int digits = p;
    long value = 0;
    while (p < e) {
      int c = d[p] - '0';
      if (c < 0 || c > 9) {
        break;
      }
      value = value * 10 + c;
      p++;
    }
    int count = p - digits;
    if (p == e || count == 0 || count > 18 || (count > 1 && d[digits] == '0')) {
      return false;
    }
    byte after = d[p];
    if (after == '.' || after == 'e' || after == 'E') {
      return false;
    }
    pos = p;
    integer = negative ? -value : value;
    return true;
  }

  /** Reads a number's text, checked against JSON's grammar. */
  final String readNumberText() throws JsonEncodingException {
    StringBuilder text = new StringBuilder(24);
    if (peekRawByte() == '-') {
      text.append((char) nextRawByte());
    }
    int first = peekRawByte();
    if (first == '0') {
      text.append((char) nextRawByte());
    } else if (!digitsInto(text)) {
      throw syntaxError("a number needs a digit");
    }
    if (peekRawByte() == '.') {
      text.append((char) nextRawByte());
      if (!digitsInto(text)) {
        throw syntaxError("a fraction needs a digit");
      }
    }
    int exponent = peekRawByte();
    if (exponent == 'e' || exponent == 'E') {
      text.append((char) nextRawByte());
      int sign = peekRawByte();
      if (sign == '+' || sign == '-') {
        text.append((char) nextRawByte());
      }
      if (!digitsInto(text)) {
        throw syntaxError("an exponent needs a digit");
      }
    }
    return text.toString();
  }

  private boolean digitsInto(StringBuilder text) {
    int start = text.length();
    for (int c = peekRawByte(); c >= '0' && c <= '9'; c = peekRawByte()) {
      text.append((char) nextRawByte());
    }
    return text.length() > start;
  }

  private int peekRawByte() {
    if (pos == end && !advance()) {
      return -1;
    }
    return data[pos] & 0xff;
  }

  /** Reads {@code literal} ({@code true}, {@code false} or {@code null}) whole. */
  final void readLiteral(String literal) throws JsonEncodingException {
    for (int i = 0; i < literal.length(); i++) {
      if (nextRawByte() != literal.charAt(i)) {
        throw syntaxError("expected " + literal);
      }
    }
  }

  /** Fails unless a value just read is followed by whitespace, a separator or the end. */
  final void expectValueEnd() throws JsonEncodingException {
    int b = peekRawByte();
    if (b != -1 && b != ',' && b != ']' && b != '}' && b != ' ' && b != '\n' && b != '\r'
        && b != '\t') {
      throw syntaxError("unexpected character after a value");
    }
  }
}
