package io.github.yeastarsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import okhttp3.ConnectionSpec;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

class OwnOkHttpTest {
  @Test
  void anHttpPbxGetsAClientWithoutTls() {
    OkHttpClient client = OwnOkHttp.builder(HttpUrl.get("http://pbx.example.com:8088/")).build();
    assertThat(client.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
    // No TLS was set up: OkHttp says so instead of handing out a socket factory.
    assertThatThrownBy(client::sslSocketFactory).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anHttpsPbxGetsOkHttpsDefaults() {
    OkHttpClient client = OwnOkHttp.builder(HttpUrl.get("https://pbx.example.com/")).build();
    assertThat(client.connectionSpecs())
        .isEqualTo(new OkHttpClient().connectionSpecs())
        .anyMatch(ConnectionSpec::isTls);
    assertThat(client.sslSocketFactory()).isNotNull();
  }
}
