package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.YeastarException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import retrofit2.Call;

/**
 * Gets, caches, refreshes and revokes the access token of a client that holds the application's
 * credentials. At most one token request is in flight, however many threads ask, and the client
 * holds one live token at a time: the PBX allows an application only 8.
 */
public final class TokenManager implements TokenSource {
  /** Tokens are renewed this long before they expire, or at half their life if that is shorter. */
  static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(60);

  static final Duration REVOKE_TIMEOUT = Duration.ofSeconds(3);

  /**
   * The tokens in hand, with the instants after which each is no longer used, and the instant the
   * access token expires on the PBX (it may still be live between {@code renewAt} and then).
   */
  private record Tokens(
      String access, Instant renewAt, Instant expiresAt, String refresh, Instant refreshUntil) {}

  private final YeastarApi api;
  private final String userAgent;
  private final CallSettings getToken;
  private final CallSettings refreshToken;
  private final CallSettings deleteToken;

  private final CallExecutor calls;
  private final Redactor redactor;
  private final GetTokenRequest credentials;
  private final Clock clock;
  private final ReentrantLock lock = new ReentrantLock();
  private volatile Tokens current;
  private volatile ApiErrorException rejected;

  /**
   * @param userAgent the User-Agent that every request carries
   * @param maxRetries how often a token request that failed in transit is tried again
   */
  public TokenManager(
      YeastarApi api,
      CallExecutor calls,
      Redactor redactor,
      String clientId,
      String clientSecret,
      Clock clock,
      String userAgent,
      int maxRetries) {
    this.api = api;
    this.userAgent = userAgent;
    // Token requests are retried when they fail in transit, like every call; never when the PBX
    // answered (a refused credential is an answer). A get_token repeated after its answer was
    // lost holds one more of the application's 8 tokens until it expires: better than failing.
    this.getToken = settings("getToken", "POST", "/openapi/v1.0/get_token", null, maxRetries);
    this.refreshToken =
        settings("refreshToken", "POST", "/openapi/v1.0/refresh_token", null, maxRetries);
    // A short limit of its own: closing must not wait for a PBX that stopped answering.
    this.deleteToken = settings("deleteToken", "GET", "/openapi/v1.0/del_token", REVOKE_TIMEOUT, 0);
    this.calls = calls;
    this.redactor = redactor;
    this.credentials = new GetTokenRequest(clientId, redactor.remember(clientSecret));
    this.clock = clock;
  }

  @Override
  public String get() {
    Tokens tokens = current;
    if (tokens != null && clock.instant().isBefore(tokens.renewAt())) {
      return tokens.access();
    }
    return renew(tokens);
  }

  private String renew(Tokens seen) {
    // Single flight: the first thread renews; the others wait here, then use its token.
    lock.lock();
    try {
      if (rejected != null) {
        throw again(rejected);
      }
      Tokens tokens = current;
      if (tokens != seen && tokens != null && clock.instant().isBefore(tokens.renewAt())) {
        return tokens.access();
      }
      current = obtain(tokens);
      return current.access();
    } finally {
      lock.unlock();
    }
  }

  private Tokens obtain(Tokens old) {
    if (old != null && clock.instant().isBefore(old.refreshUntil())) {
      try {
        return refresh(old);
      } catch (ApiErrorException | MalformedResponseException refreshFailed) {
        // The refresh token was refused: log in again below.
      }
    }
    try {
      return issue(api.getToken(userAgent, credentials, getToken), getToken);
    } catch (ApiErrorException e) {
      // Asking again with the same credentials cannot succeed and counts towards the PBX's
      // block list, so every later call fails at once with the same answer.
      // (The spec's x-errcodes of get_token make its -1 an InvalidCredentialsException.)
      rejected = e;
      throw rejected;
    }
  }

  /**
   * A new exception with the rejected answer: one shared instance, thrown on many threads, would
   * carry the first thread's stack and collect every caller's suppressed exceptions.
   */
  private ApiErrorException again(ApiErrorException e) {
    ApiErrorException again =
        Errcodes.exception(
            getToken.operation().id(), e.errcode(), e.errmsg(), e.submsg(), e.invalidParams());
    // The details are the refused get_token's: no request was made for this call.
    e.call().ifPresent(again::initCall);
    return again;
  }

  private Tokens issue(Call<TokenResponse> call, CallSettings settings) {
    TokenResponse response = calls.execute(call, settings).value();
    if (response.accessToken() == null || response.accessTokenExpireTime() == null) {
      throw new MalformedResponseException(
          "a successful token answer has no access_token", "$.access_token", "", null);
    }
    Instant now = clock.instant();
    redactor.remember(response.accessToken());
    redactor.remember(response.refreshToken());
    Duration life = Duration.ofSeconds(response.accessTokenExpireTime());
    Duration refreshLife =
        Duration.ofSeconds(
            response.refreshTokenExpireTime() != null ? response.refreshTokenExpireTime() : 0);
    return new Tokens(
        response.accessToken(),
        now.plus(life).minus(margin(life)),
        now.plus(life),
        response.refreshToken(),
        response.refreshToken() == null ? now : now.plus(refreshLife).minus(margin(refreshLife)));
  }

  private Tokens refresh(Tokens old) {
    return issue(
        api.refreshToken(userAgent, new RefreshTokenRequest(old.refresh()), refreshToken),
        refreshToken);
  }

  private static CallSettings settings(
      String id, String method, String path, @Nullable Duration timeout, int maxRetries) {
    RequestOptions.Builder options = RequestOptions.builder();
    if (timeout != null) {
      options.timeout(timeout);
    }
    // The token endpoints' client has no application interceptors: Retrofit may put the token in.
    return new CallSettings(
        new Operation(id, method, path, List.of(), true), options.build(), maxRetries, true);
  }

  public static Duration margin(Duration life) {
    Duration half = life.dividedBy(2);
    return half.compareTo(RENEW_BEFORE_EXPIRY) < 0 ? half : RENEW_BEFORE_EXPIRY;
  }

  @Override
  public void expired(String token) {
    lock.lock();
    try {
      Tokens tokens = current;
      // Only the token that the PBX refused is dropped; one renewed since then stays.
      if (tokens != null && tokens.access().equals(token)) {
        // Refused by the PBX: neither used again nor revoked on close().
        current =
            new Tokens(
                tokens.access(), Instant.MIN, Instant.MIN, tokens.refresh(), tokens.refreshUntil());
      }
    } finally {
      lock.unlock();
    }
  }

  @Override
  public boolean renewable() {
    return true;
  }

  /**
   * Revokes what may still be live on the PBX, so that it stops counting against the application's
   * 8, however long the client was idle: the access token while it lives (inside the renewal margin
   * it is no longer used, but it is live); once it has expired, the refresh token, by refreshing it
   * and revoking the pair that the refresh returns, since del_token takes an access token and ends
   * its pair.
   */
  @Override
  public void close() {
    Tokens tokens = current;
    current = null;
    if (tokens == null) {
      return;
    }
    try {
      Instant now = clock.instant();
      String access = tokens.access();
      if (!now.isBefore(tokens.expiresAt())) {
        if (tokens.refresh() == null || !now.isBefore(tokens.refreshUntil())) {
          return;
        }
        access = refresh(tokens).access();
      }
      calls.execute(
          api.deleteToken(
              userAgent,
              deleteToken.queryToken(access),
              deleteToken.withToken(YeastarApi.ACCESS_TOKEN_PARAMETER, access)),
          deleteToken);
    } catch (YeastarException bestEffort) {
      // Both expire by themselves (30 minutes, 24 hours); close() must not fail for them.
    }
  }
}
