package io.github.yeastarsdk;

import io.github.yeastarsdk.internal.ConferenceListResponse;
import io.github.yeastarsdk.internal.ConformingConverterFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The benchmarks' access to the SDK's decoding of the wire-only conference/list answer: the very
 * converter that the client's Retrofit uses, so that a figure measures what a call does.
 */
public final class BenchWire {
  private static final MediaType JSON = MediaType.get("application/json");

  private BenchWire() {}

  /** One decoded conference/list answer: its conferences and its total. */
  public record ConferencePage(List<Conference> data, int totalNumber) {}

  /** The SDK's response converter for the conference/list answer, whose type is not public. */
  public static Converter<ResponseBody, ?> conferenceListConverter() {
    Converter<ResponseBody, ?> converter =
        new ConformingConverterFactory(MoshiConverterFactory.create(YeastarJson.moshi()))
            .responseBodyConverter(
                ConferenceListResponse.class,
                new Annotation[0],
                new Retrofit.Builder().baseUrl("http://localhost/").build());
    if (converter == null) {
      throw new IllegalStateException("no converter for the conference/list answer");
    }
    return converter;
  }

  /** Decodes {@code body} as the SDK's converter does with a response's body. */
  public static Object decode(Converter<ResponseBody, ?> converter, byte[] body)
      throws IOException {
    return converter.convert(ResponseBody.create(body, JSON));
  }

  /** Decodes a conference/list answer as the SDK does; -1 when it has no total. */
  public static ConferencePage decodeConferenceList(BufferedSource source) throws IOException {
    ConferenceListResponse response =
        (ConferenceListResponse)
            conferenceListConverter().convert(ResponseBody.create(source, JSON, -1));
    if (response == null) {
      throw new IOException("a null conference/list answer");
    }
    Integer total = response.totalNumber();
    return new ConferencePage(response.data(), total == null ? -1 : total);
  }
}
