package io.github.yeastarsdk;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Moshi's converter, with every decoding failure turned into a {@link MalformedResponseException}.
 *
 * <p>It throws an unchecked exception on purpose: Retrofit then rethrows the I/O error of the
 * underlying body when there was one, so a connection reset mid-body stays a transport failure and
 * only a body that arrived whole but wrong is called malformed.
 */
final class ConformingConverterFactory extends Converter.Factory {
  private final MoshiConverterFactory moshi;
  private final Redactor redactor;

  ConformingConverterFactory(MoshiConverterFactory moshi, Redactor redactor) {
    this.moshi = moshi;
    this.redactor = redactor;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate = moshi.responseBodyConverter(type, annotations, retrofit);
    return body -> {
      try {
        return delegate.convert(body);
      } catch (IOException | JsonDataException e) {
        throw new MalformedResponseException(
            "The response body does not match the spec: " + redactor.redact(e.getMessage()),
            redactor.scrub(e));
      }
    };
  }

  @Override
  public Converter<?, okhttp3.RequestBody> requestBodyConverter(
      Type type,
      Annotation[] parameterAnnotations,
      Annotation[] methodAnnotations,
      Retrofit retrofit) {
    return moshi.requestBodyConverter(type, parameterAnnotations, methodAnnotations, retrofit);
  }
}
