package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ArgumentCheckTest {
  private static YeastarClient.Builder builder(String baseUrl) {
    return YeastarClient.builder().baseUrl(baseUrl).accessToken("secret-token");
  }

  @Test
  void pageBelowOneIsRejectedNamingPage() {
    assertThatThrownBy(() -> ConferenceListParams.builder().page(0).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("page must be at least 1, was 0");
  }

  @Test
  void pageSizeBelowOneIsRejectedNamingPageSize() {
    assertThatThrownBy(() -> ConferenceListParams.builder().pageSize(-3).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("pageSize must be at least 1, was -3");
  }

  @Test
  void requestEnumsOfferOnlyTheValuesThePbxAccepts() {
    assertThat(ConferenceSortField.values())
        .containsExactly(ConferenceSortField.NUMBER, ConferenceSortField.NAME);
    assertThat(SortOrder.values()).containsExactly(SortOrder.ASC, SortOrder.DESC);
    assertThat(ConferenceSortField.fromValue("name")).isEqualTo(ConferenceSortField.NAME);
    assertThatThrownBy(() -> SortOrder.fromValue("sideways"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("SortOrder has no value sideways; expected one of [asc, desc]");
  }

  @Test
  void malformedBaseUrlIsRejected() {
    assertThatThrownBy(() -> builder("pbx.example.com").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("baseUrl must be an http or https URL");
  }

  @Test
  void baseUrlWithTheApiPathIsRejectedWithAHint() {
    assertThatThrownBy(() -> builder("https://pbx.example.com/openapi/v1.0").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no path")
        .hasMessageContaining("/openapi/v1.0");
  }

  @Test
  void baseUrlWithAQueryIsRejectedWithoutEchoingIt() {
    assertThatThrownBy(() -> builder("https://pbx.example.com/?access_token=leaked").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no query")
        .hasMessageNotContaining("leaked");
  }

  @Test
  void plainHttpToANonLoopbackHostIsRefusedUnlessAllowed() {
    assertThatThrownBy(() -> builder("http://192.168.1.150:80").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("plain http")
        .hasMessageContaining("allowInsecureHttp");
    builder("http://192.168.1.150:80").allowInsecureHttp(true).build().close();
    builder("http://127.0.0.1:4010").build().close();
    builder("http://localhost:4010").build().close();
  }

  @Test
  void missingSettingsAreNamed() {
    assertThatThrownBy(() -> YeastarClient.builder().accessToken("t").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("baseUrl(")
        .hasMessageContaining("PBX_BASE_URL");
    assertThatThrownBy(() -> YeastarClient.builder().baseUrl("https://pbx.example.com").build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("accessToken(")
        .hasMessageContaining("clientCredentials(")
        .hasMessageContaining("PBX_ACCESS_TOKEN");
    // The quick start's accessToken(System.getenv(...)) with the variable unset:
    assertThatThrownBy(() -> YeastarClient.builder().accessToken(System.getenv("NO_SUCH_VAR_X")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("PBX_ACCESS_TOKEN");
  }

  @Test
  void badTuningValuesAreNamed() {
    assertThatThrownBy(() -> YeastarClient.builder().maxRetries(-1))
        .hasMessageContaining("maxRetries");
    assertThatThrownBy(() -> YeastarClient.builder().readTimeout(Duration.ofSeconds(-1)))
        .hasMessageContaining("readTimeout");
    assertThatThrownBy(() -> YeastarClient.builder().userAgent("bad\r\nheader"))
        .hasMessageContaining("userAgent");
    assertThatThrownBy(() -> YeastarClient.builder().accessToken(" "))
        .hasMessageContaining("accessToken");
  }

  @Test
  void zeroRetriesIsAllowed() {
    assertThat(builder("https://pbx.example.com").maxRetries(0).build().baseUrl())
        .isEqualTo("https://pbx.example.com/");
  }
}
