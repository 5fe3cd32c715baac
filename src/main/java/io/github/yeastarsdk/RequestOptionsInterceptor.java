package io.github.yeastarsdk;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts a call's {@link RequestOptions} on its request: the generated Retrofit service attaches them
 * as the request's tag, and this applies the extra headers and query parameters once, before the
 * retries, so that every attempt carries them. The retry count is read from the same tag by {@link
 * RetryInterceptor}; the timeout is set on the call before it starts, as OkHttp requires.
 */
final class RequestOptionsInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    RequestOptions options = request.tag(RequestOptions.class);
    return chain.proceed(options == null ? request : options.applyTo(request));
  }
}
