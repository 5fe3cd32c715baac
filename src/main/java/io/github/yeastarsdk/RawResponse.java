package io.github.yeastarsdk;

import java.util.Objects;
import java.util.function.Function;
import okhttp3.Headers;

/**
 * A successful call as it came over the wire: the HTTP status and headers of the answer, and the
 * value the SDK read from it. Get one from an operation of a resource's {@code withRawResponse()}
 * view, for example {@code conferences().withRawResponse().list(params)}. When a call was retried
 * or repeated with a renewed token, this is the answer that succeeded.
 *
 * @param <T> the type of the value, as the plain operation returns it
 */
public final class RawResponse<T> {
  private final int statusCode;
  private final Headers headers;
  private final T value;

  /**
   * For callers' own tests; the SDK builds it from the answer.
   *
   * @param statusCode the HTTP status code
   * @param headers the response headers
   * @param value the value read from the answer
   * @throws NullPointerException if {@code headers} or {@code value} is null
   */
  public RawResponse(int statusCode, Headers headers, T value) {
    this.statusCode = statusCode;
    this.headers = Objects.requireNonNull(headers, "headers == null");
    this.value = Objects.requireNonNull(value, "value == null");
  }

  /**
   * The HTTP status code of the answer.
   *
   * @return the status, such as 200
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The response headers as the server sent them.
   *
   * @return the headers
   */
  public Headers headers() {
    return headers;
  }

  /**
   * The value that the SDK read from the answer.
   *
   * @return what the plain operation returns
   */
  public T value() {
    return value;
  }

  /**
   * The same answer with {@code convert} applied to its value.
   *
   * @param convert what to make of the value
   * @param <R> the new value's type
   * @return an answer with the same status and headers
   */
  public <R> RawResponse<R> map(Function<? super T, ? extends R> convert) {
    return new RawResponse<>(statusCode, headers, convert.apply(value));
  }

  /** The status and the header names only: a header may carry a cookie or a credential. */
  @Override
  public String toString() {
    return "RawResponse(statusCode="
        + statusCode
        + ", headers="
        + headers.names()
        + ", value="
        + value
        + ")";
  }
}
