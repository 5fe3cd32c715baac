package io.github.yeastarsdk;

import io.github.yeastarsdk.internal.BufferJsonReader;
import io.github.yeastarsdk.internal.ConferenceListResponse;
import io.github.yeastarsdk.internal.GeneratedJsonAdapters;
import io.github.yeastarsdk.internal.JsonDecoder;
import java.io.IOException;
import java.util.List;
import okio.Buffer;
import okio.BufferedSource;

/**
 * The decoding of the wire-only conference/list answer for the JDK cold-start program, which has no
 * OkHttp or Retrofit: the body read whole, then the SDK's generated decoder, as the SDK's converter
 * does after Retrofit hands it the body ({@link BenchConverter} is that converter).
 */
public final class BenchWire {
  private BenchWire() {}

  /** One decoded conference/list answer: its conferences and its total. */
  public record ConferencePage(List<Conference> data, int totalNumber) {}

  /** Decodes a conference/list answer as the SDK does; -1 when it has no total. */
  @SuppressWarnings("unchecked")
  public static ConferencePage decodeConferenceList(BufferedSource source) throws IOException {
    Buffer body = new Buffer();
    body.writeAll(source);
    ConferenceListResponse response =
        BufferJsonReader.decode(
            body,
            (JsonDecoder<ConferenceListResponse>)
                GeneratedJsonAdapters.decoder(ConferenceListResponse.class));
    Integer total = response.totalNumber();
    return new ConferencePage(response.data(), total == null ? -1 : total);
  }
}
