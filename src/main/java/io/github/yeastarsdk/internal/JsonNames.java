package io.github.yeastarsdk.internal;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The names of a model's fields, or the values of an enum, as UTF-8 bytes, so that {@link
 * BufferJsonReader} can match a name in the body's bytes without making a {@code String} of it.
 */
public final class JsonNames {
  private final String[] strings;
  private final byte[][] bytes;

  private JsonNames(String[] strings) {
    this.strings = strings;
    this.bytes = new byte[strings.length][];
    for (int i = 0; i < strings.length; i++) {
      bytes[i] = strings[i].getBytes(StandardCharsets.UTF_8);
    }
  }

  /** The names, in the order that {@link BufferJsonReader#selectName} counts them from 0. */
  public static JsonNames of(String... names) {
    return new JsonNames(names.clone());
  }

  /** The name at {@code index}. */
  String string(int index) {
    return strings[index];
  }

  /** The names, for a message. */
  public List<String> strings() {
    return List.of(strings);
  }

  /**
   * The index of the name whose bytes are {@code data[start..start+length)}, or -1. The name at
   * {@code expected} is tried first: a PBX writes an object's fields in one order, so the next name
   * is nearly always the one after the last.
   */
  int indexOf(byte[] data, int start, int length, int expected) {
    int end = start + length;
    if (expected < bytes.length) {
      byte[] candidate = bytes[expected];
      if (candidate.length == length && Arrays.equals(candidate, 0, length, data, start, end)) {
        return expected;
      }
    }
    for (int i = 0; i < bytes.length; i++) {
      byte[] candidate = bytes[i];
      if (i != expected
          && candidate.length == length
          && Arrays.equals(candidate, 0, length, data, start, end)) {
        return i;
      }
    }
    return -1;
  }

  /** The index of {@code name}, or -1: for a name that had to be decoded (escapes, or split). */
  int indexOf(String name) {
    for (int i = 0; i < strings.length; i++) {
      if (strings[i].equals(name)) {
        return i;
      }
    }
    return -1;
  }
}
