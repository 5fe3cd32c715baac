package io.github.yeastarsdk.internal;

import okhttp3.HttpUrl;

/** Checks a PBX base URL before any request is made. */
public final class BaseUrls {
  private BaseUrls() {}

  public static HttpUrl check(String baseUrl, boolean allowInsecureHttp) {
    HttpUrl url = HttpUrl.parse(baseUrl.trim());
    if (url == null) {
      throw new IllegalArgumentException(
          "baseUrl must be an http or https URL such as https://pbx.example.com:8088, was \""
              + new Redactor().redact(baseUrl)
              + "\"");
    }
    if (url.query() != null || url.fragment() != null) {
      throw new IllegalArgumentException(
          "baseUrl must have no query or fragment: the SDK adds access_token itself");
    }
    if (!url.encodedPath().equals("/")) {
      throw new IllegalArgumentException(
          "baseUrl must be scheme://host[:port] with no path (the SDK adds /openapi/v1.0), had path "
              + url.encodedPath());
    }
    if (url.scheme().equals("http") && !allowInsecureHttp && !isLoopback(url.host())) {
      throw new IllegalArgumentException(
          "baseUrl uses plain http to "
              + url.host()
              + ", which is not loopback: the access token would cross the network in clear."
              + " Use https, or allowInsecureHttp(true) on a trusted network");
    }
    return url;
  }

  public static boolean isLoopback(String host) {
    return host.equals("localhost")
        || host.startsWith("127.")
        || host.equals("::1")
        || host.equals("0:0:0:0:0:0:0:1");
  }
}
