package io.github.yeastarsdk;

import com.squareup.moshi.JsonDataException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.ResponseBody;
import okio.Buffer;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Moshi's converter, with every decoding failure turned into a {@link MalformedResponseException}
 * that names the JSON path and quotes the start of the body, unless the body is a failure answer
 * that {@link FailureAnswers} can read leniently.
 *
 * <p>The body is read whole before it is decoded, so that an I/O error while reading it stays an
 * I/O error (Retrofit rethrows it as such) and only a body that arrived whole but wrong is called
 * malformed, and so that a failure can quote it. Bodies are single pages of a few kilobytes.
 */
final class ConformingConverterFactory extends Converter.Factory {
  /** Moshi's and the generated adapters' messages end in {@code at path $...}. */
  private static final Pattern PATH = Pattern.compile("at path (\\$\\S*)");

  private final MoshiConverterFactory moshi;
  private final Redactor redactor;
  private final FailureAnswers failures;

  ConformingConverterFactory(
      MoshiConverterFactory moshi, Redactor redactor, FailureAnswers failures) {
    this.moshi = moshi;
    this.redactor = redactor;
    this.failures = failures;
  }

  @Override
  public Converter<ResponseBody, ?> responseBodyConverter(
      Type type, Annotation[] annotations, Retrofit retrofit) {
    Converter<ResponseBody, ?> delegate = moshi.responseBodyConverter(type, annotations, retrofit);
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
          return delegate.convert(
              ResponseBody.create(buffer.peek(), body.contentType(), buffer.size()));
        } catch (IOException | JsonDataException e) {
          ApiErrorException failure = failures.readLeniently(buffer);
          throw failure != null ? failure : malformed(e, buffer);
        }
      }
    };
  }

  private MalformedResponseException malformed(Exception e, Buffer body) {
    String message = redactor.redact(String.valueOf(e.getMessage()));
    Matcher path = PATH.matcher(message);
    String excerpt =
        redactor.excerpt(
            body.snapshot((int) Math.min(body.size(), Redactor.EXCERPT_CHARS * 4L))
                .string(StandardCharsets.UTF_8));
    return new MalformedResponseException(
        "The response body does not match the spec: " + message,
        path.find() ? path.group(1) : null,
        excerpt,
        redactor.scrub(e));
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
