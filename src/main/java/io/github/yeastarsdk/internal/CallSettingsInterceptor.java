package io.github.yeastarsdk.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Puts a call's {@link CallSettings} on each of its requests: the generated Retrofit service
 * attaches them as the request's tag; what they add is decided there, not here.
 */
public final class CallSettingsInterceptor implements Interceptor {
  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    CallSettings settings = request.tag(CallSettings.class);
    return chain.proceed(settings == null ? request : settings.applyTo(request));
  }
}
