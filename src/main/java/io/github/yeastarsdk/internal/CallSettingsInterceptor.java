package io.github.yeastarsdk.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts a call's {@link CallSettings} on each of its requests: the generated Retrofit service
 * attaches them as the request's tag; what they add (headers, query parameters, the token) is
 * decided there, not here. The client adds it after an application's own interceptors.
 */
public final class CallSettingsInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallSettings settings = request.tag(CallSettings.class);
    if (settings == null) {
      return chain.proceed(request);
    }
    Response response = chain.proceed(settings.applyTo(request));
    if (!settings.addsToken()) {
      // Nothing secret was added here: the response may name the request as it was sent.
      return response;
    }
    // On the way back out, the response names the request as the interceptors before this one
    // made it: an application's logging interceptor prints response.request().url(), which
    // would otherwise carry the token. The network response, which names the request as it went
    // over the wire, is not handed up at all.
    return response.newBuilder().request(request).networkResponse(null).build();
  }
}
