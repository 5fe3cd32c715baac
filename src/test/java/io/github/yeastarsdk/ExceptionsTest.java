package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.errors.AccessDeniedException;
import io.github.yeastarsdk.errors.ApiError;
import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.IncompleteResponseException;
import io.github.yeastarsdk.errors.InvalidCredentialsException;
import io.github.yeastarsdk.errors.InvalidParameterException;
import io.github.yeastarsdk.errors.IpBlockedException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.RequestTimeoutException;
import io.github.yeastarsdk.errors.TokenExpiredException;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.errors.YeastarException;
import io.github.yeastarsdk.internal.Errcodes;
import java.io.IOException;
import java.net.ConnectException;
import java.util.List;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

/** Callers build the SDK's exceptions in their own tests, so every one has a public constructor. */
class ExceptionsTest {
  private static final List<InvalidParam> PARAMS =
      List.of(new InvalidParam("page_size", "required", null));

  @Test
  void apiErrorsCarryTheWholeAnswer() {
    ApiErrorException e =
        new ApiErrorException(new ApiError(60001, "DATA NOT FOUND", "no such room", PARAMS));
    assertThat(e.errcode()).isEqualTo(60001);
    assertThat(e.errmsg()).isEqualTo("DATA NOT FOUND");
    assertThat(e.submsg()).isEqualTo("no such room");
    assertThat(e.invalidParams()).isEqualTo(PARAMS);
    assertThat(e)
        .hasMessage(
            "errcode 60001 DATA NOT FOUND: no such room; invalid parameter page_size (required)");
    ApiErrorException bare = new ApiErrorException(new ApiError(-1, null, null, null));
    assertThat(bare).hasMessage("errcode -1");
    assertThat(bare.errmsg()).isNull();
    assertThat(bare.submsg()).isNull();
    assertThat(bare.invalidParams()).isEmpty();
  }

  @Test
  void everyApiErrorSubtypeCanBeBuilt() {
    List<ApiErrorException> all =
        List.of(
            new TokenExpiredException(new ApiError(10004, "TOKEN EXPIRED", null, List.of())),
            new AccessDeniedException(new ApiError(10005, "ACCESS DENIED", null, List.of())),
            new InvalidParameterException(
                new ApiError(40002, "PARAMETER ERROR", "page_size", PARAMS)),
            new IpBlockedException(new ApiError(70004, "ACCOUNT IP BLOCKED", null, List.of())),
            new InvalidCredentialsException(new ApiError(-1, "FAILURE", null, List.of())));
    assertThat(all)
        .extracting(ApiErrorException::errcode)
        .containsExactly(10004, 10005, 40002, 70004, -1);
    assertThat(all.get(4)).hasMessageStartingWith("get_token rejected the client credentials");
    assertThat(Errcodes.exception(10004, "TOKEN EXPIRED", null, null))
        .isExactlyInstanceOf(TokenExpiredException.class);
  }

  @Test
  void httpStatusFailureCarriesStatusHeadersAndExcerpt() {
    HttpStatusException e =
        new HttpStatusException(502, Headers.of("Retry-After", "5"), "<html>Bad gateway");
    assertThat(e.status()).isEqualTo(502);
    assertThat(e.headers().get("Retry-After")).isEqualTo("5");
    assertThat(e.bodyExcerpt()).isEqualTo("<html>Bad gateway");
    assertThat(e).hasMessage("HTTP 502: <html>Bad gateway");
    assertThat(new HttpStatusException(404, Headers.of(), "")).hasMessage("HTTP 404");
  }

  @Test
  void malformedResponseCarriesPathAndExcerpt() {
    MalformedResponseException e =
        new MalformedResponseException(
            "bad number", "$.data[0].id", "{\"data\":[{\"id\":\"x\"", null);
    assertThat(e.path()).isEqualTo("$.data[0].id");
    assertThat(e.bodyExcerpt()).startsWith("{\"data\"");
    assertThat(new MalformedResponseException("empty", null, null, null).bodyExcerpt()).isEmpty();
  }

  @Test
  void transportFailuresKeepTheirCause() {
    ConnectException refused = new ConnectException("Failed to connect");
    assertThat(new TransportException("connection refused", refused)).hasCause(refused);
    assertThat(
            new RequestTimeoutException(
                "timed out", new IOException("timeout"), RequestTimeoutException.Timeout.READ))
        .isInstanceOf(TransportException.class);
    IOException reset = new IOException("unexpected end of stream");
    assertThat(new IncompleteResponseException("answer cut short", reset))
        .isInstanceOf(TransportException.class)
        .hasCause(reset);
    assertThat(new YeastarException("x", null)).hasMessage("x");
  }
}
