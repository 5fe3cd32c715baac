package io.github.yeastarsdk;

import io.github.yeastarsdk.internal.ConferenceListResponse;
import io.github.yeastarsdk.internal.ConformingConverterFactory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import okhttp3.MediaType;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * The benchmarks' access to the SDK's response converter for the wire-only conference/list answer:
 * the very converter that the client's Retrofit uses, so that a figure measures what a call does.
 */
public final class BenchConverter {
  private BenchConverter() {}

  /** The SDK's response converter for the conference/list answer, whose type is not public. */
  public static Converter<ResponseBody, ?> conferenceList() {
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
    return converter.convert(ResponseBody.create(body, MediaType.get("application/json")));
  }
}
