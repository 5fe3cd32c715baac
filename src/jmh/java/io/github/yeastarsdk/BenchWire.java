package io.github.yeastarsdk;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.internal.ConferenceListResponse;
import java.io.IOException;
import java.util.List;
import okio.BufferedSource;

/** The benchmarks' access to the SDK's adapter for the wire-only conference/list answer. */
public final class BenchWire {
  private BenchWire() {}

  /** One decoded conference/list answer: its conferences and its total. */
  public record ConferencePage(List<Conference> data, int totalNumber) {}

  /** The generated adapter of the conference/list answer, whose type is not public. */
  public static JsonAdapter<?> conferenceListAdapter() {
    return YeastarJson.moshi().adapter(ConferenceListResponse.class);
  }

  /** Decodes a conference/list answer with the generated adapter; -1 when it has no total. */
  public static ConferencePage decodeConferenceList(BufferedSource source) throws IOException {
    ConferenceListResponse response =
        YeastarJson.moshi().adapter(ConferenceListResponse.class).fromJson(source);
    if (response == null) {
      throw new IOException("a null conference/list answer");
    }
    Integer total = response.totalNumber();
    return new ConferencePage(response.data(), total == null ? -1 : total);
  }
}
