package io.github.yeastarsdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.InvalidParam;
import io.github.yeastarsdk.WireTypes;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.errors.InvalidCredentialsException;
import io.github.yeastarsdk.errors.IpBlockedException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** get_token, refresh_token and del_token, against the Prism that serves the spec. */
@ExtendWith(PrismExtension.class)
class AuthenticationContractIT {
  private static final MediaType JSON = MediaType.get("application/json");

  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<String> paths = new CopyOnWriteArrayList<>();
  private final List<OkHttpClient> httpClients = new ArrayList<>();

  @BeforeEach
  void needsOurPrism(ContractTarget target) {
    assumeThat(target.servesExamples()).as("needs our Prism").isTrue();
  }

  @AfterEach
  void noResponseViolatedTheSpec() {
    httpClients.forEach(c -> c.dispatcher().executorService().shutdown());
    assertThat(violations).as("sl-violations headers").isEmpty();
  }

  /** Records paths and violations; asks for {@code tokenExample} on get_token only. */
  private OkHttpClient http(String tokenExample) {
    OkHttpClient client =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  Request request = chain.request();
                  if (tokenExample != null && request.url().encodedPath().endsWith("/get_token")) {
                    request =
                        request.newBuilder().header("Prefer", "example=" + tokenExample).build();
                  }
                  return chain.proceed(request);
                })
            .addNetworkInterceptor(
                chain -> {
                  paths.add(chain.request().url().encodedPath());
                  Response response = chain.proceed(chain.request());
                  if (response.header("sl-violations") != null) {
                    violations.add(response.header("sl-violations"));
                  }
                  return response;
                })
            .build();
    httpClients.add(client);
    return client;
  }

  private YeastarClient credentialsClient(ContractTarget target, String tokenExample) {
    return YeastarClient.builder()
        .baseUrl(target.baseUrl())
        .clientCredentials("8Ex4XwUcyHNhqGHr4jGvWyQn1VgYiRDP", "ZNi5hbbRBqoCNCkhXIQFTUu9SyAOZoEa")
        .okHttpClient(http(tokenExample))
        .build();
  }

  @Test
  void credentialsClientGetsATokenListsAndRevokesItOnClose(ContractTarget target) {
    try (YeastarClient pbx = credentialsClient(target, null)) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(5).build())
                  .items())
          .isEqualTo(SeedExample.conferences());
    }
    assertThat(paths)
        .containsExactly(
            "/openapi/v1.0/get_token", "/openapi/v1.0/conference/list", "/openapi/v1.0/del_token");
  }

  @Test
  void badCredentialsExampleBecomesInvalidCredentialsException(ContractTarget target) {
    try (YeastarClient pbx = credentialsClient(target, "bad_credentials")) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()))
          .isInstanceOfSatisfying(
              InvalidCredentialsException.class,
              e ->
                  assertThat(e.invalidParams())
                      .containsExactly(new InvalidParam("username or password", null, "error")));
    }
  }

  @Test
  void ipBlockedExampleBecomesIpBlockedException(ContractTarget target) {
    try (YeastarClient pbx = credentialsClient(target, "ip_blocked")) {
      assertThatThrownBy(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()))
          .isInstanceOf(IpBlockedException.class);
    }
  }

  /** Calls with {@code example} and decodes the answer as the spec schema {@code schema}. */
  private Map<String, Object> call(Request.Builder request, String schema, String example)
      throws IOException {
    Request built =
        request
            .header("User-Agent", "contract-test")
            .header("Prefer", "example=" + example)
            .build();
    try (Response response = http(null).newCall(built).execute()) {
      assertThat(response.code()).isEqualTo(200);
      return WireTypes.decode(schema, response.body().source());
    }
  }

  private static int number(Map<String, Object> json, String name) {
    return ((Number) json.get(name)).intValue();
  }

  @Test
  void everyTokenExampleDecodes(ContractTarget target) throws IOException {
    Request.Builder getToken =
        new Request.Builder()
            .url(target.baseUrl() + "/openapi/v1.0/get_token")
            .post(RequestBody.create("{\"username\":\"id\",\"password\":\"secret\"}", JSON));
    assertThat(number(call(getToken, "TokenResponse", "success"), "access_token_expire_time"))
        .isEqualTo(1800);
    assertThat(number(call(getToken, "TokenResponse", "bad_credentials"), "errcode")).isEqualTo(-1);
    assertThat(number(call(getToken, "TokenResponse", "ip_blocked"), "errcode")).isEqualTo(70004);

    Request.Builder refresh =
        new Request.Builder()
            .url(target.baseUrl() + "/openapi/v1.0/refresh_token")
            .post(RequestBody.create("{\"refresh_token\":\"r\"}", JSON));
    assertThat(number(call(refresh, "TokenResponse", "success"), "refresh_token_expire_time"))
        .isEqualTo(86400);
    assertThat(number(call(refresh, "TokenResponse", "token_expired"), "errcode")).isEqualTo(10004);

    Request.Builder delete =
        new Request.Builder().url(target.baseUrl() + "/openapi/v1.0/del_token?access_token=t");
    assertThat(number(call(delete, "ApiResult", "success"), "errcode")).isZero();
    assertThat(number(call(delete, "ApiResult", "token_expired"), "errcode")).isEqualTo(10004);
  }

  @Test
  void tokenRequestsWithoutCredentialsAreRejected(ContractTarget target) throws IOException {
    Request request =
        new Request.Builder()
            .url(target.baseUrl() + "/openapi/v1.0/get_token")
            .header("User-Agent", "contract-test")
            .post(RequestBody.create("{\"username\":\"id\"}", JSON))
            .build();
    try (Response response = http(null).newCall(request).execute()) {
      assertThat(response.code()).isEqualTo(422);
      assertThat(response.body().string()).contains("password");
    }
  }
}
