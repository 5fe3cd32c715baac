package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Decodes a model's body with its generated decoder (a body's bytes read in place by {@link
 * BufferJsonReader}), any other type with Moshi's converter; every decoding failure is reported as
 * an {@link UnreadableBody} that carries the body, so that {@link FailureMapper} can read a failure
 * envelope from it leniently or call it malformed, naming the JSON path and quoting it.
 *
 * <p>The body is read whole before it is decoded, so that an I/O error while reading it stays an
 * I/O error (Retrofit rethrows it as such) and only a body that arrived whole but wrong is called
 * malformed, and so that a failure can quote it. Bodies are single pages of a few kilobytes.
 */
public final class ConformingConverterFactory extends Converter.Factory {
  private final MoshiConverterFactory moshi;

  public ConformingConverterFactory(MoshiConverterFactory moshi) {
    this.moshi = moshi;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    JsonDecoder<?> decoder = GeneratedJsonAdapters.decoder(type);
    Converter<ResponseBody, ?> delegate =
        decoder == null ? moshi.responseBodyConverter(type, annotations, retrofit) : null;
    return body -> {
      try (body) {
        Buffer buffer = new Buffer();
        try {
          buffer.writeAll(body.source());
        } catch (InterruptedIOException e) {
          // A read or whole-call timeout (or a cancel): the caller hears of it as such.
          throw e;
        } catch (IOException e) {
          // An IOException, not a RuntimeException: Retrofit then passes this one on as it is.
          throw new ResponseCutShort(e);
        }
        try {
          if (decoder == null) {
            return delegate.convert(
                ResponseBody.create(buffer.peek(), body.contentType(), buffer.size()));
          }
          Object value = BufferJsonReader.decode(buffer, decoder);
          // Its segments go back to Okio's pool for the next body.
          buffer.clear();
          return value;
        } catch (IOException | JsonDataException e) {
          // What the body stands for (a failure read leniently, or a malformed answer) is the
          // failure mapper's decision.
          throw new UnreadableBody(e, buffer);
        }
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
