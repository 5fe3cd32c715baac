package io.github.yeastarsdk.internal;

import java.util.List;
import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** The OkHttp client a {@code YeastarClient} makes for itself when the application gives none. */
public final class OwnOkHttp {
  private OwnOkHttp() {}

  /**
   * A builder for a new client for the PBX at {@code baseUrl}. For an {@code http://} PBX it leaves
   * TLS out: the client calls only its base URL and never follows a redirect, so it can never need
   * TLS, and OkHttp otherwise sets TLS up when the client is built, which loads and parses the
   * JDK's trust store: about a third of a command-line program's time to its first page.
   */
  public static OkHttpClient.Builder builder(HttpUrl baseUrl) {
    OkHttpClient.Builder builder = new OkHttpClient.Builder();
    if (!baseUrl.isHttps()) {
      builder.connectionSpecs(List.of(ConnectionSpec.CLEARTEXT));
    }
    return builder;
  }
}
