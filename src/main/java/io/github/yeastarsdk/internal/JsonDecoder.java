package io.github.yeastarsdk.internal;

import java.io.IOException;

/**
 * Reads one value of type {@code T} from a {@link BufferJsonReader}: a generated model's or enum's
 * {@code read} method.
 */
@FunctionalInterface
public interface JsonDecoder<T> {
  /**
   * Reads the reader's next value.
   *
   * @throws com.squareup.moshi.JsonDataException if the value does not match the spec
   * @throws com.squareup.moshi.JsonEncodingException if the bytes are not JSON
   */
  T read(BufferJsonReader reader) throws IOException;
}
