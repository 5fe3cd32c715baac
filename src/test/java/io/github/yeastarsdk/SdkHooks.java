package io.github.yeastarsdk;

import okhttp3.Interceptor;

/** The tests' way, from any package, to the client's test-only settings. */
public final class SdkHooks {
  private SdkHooks() {}

  /**
   * Adds {@code interceptor} among the SDK's own interceptors: it sees every request, token
   * requests included, which an application's interceptors never see.
   */
  public static YeastarClient.Builder interceptor(
      YeastarClient.Builder builder, Interceptor interceptor) {
    return builder.testInterceptor(interceptor);
  }
}
