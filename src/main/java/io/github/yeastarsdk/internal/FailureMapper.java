package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.IncompleteResponseException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.NotFoundException;
import io.github.yeastarsdk.errors.RateLimitedException;
import io.github.yeastarsdk.errors.RequestTimeoutException;
import io.github.yeastarsdk.errors.RequestTimeoutException.Timeout;
import io.github.yeastarsdk.errors.ServerErrorException;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.errors.UnauthorizedException;
import io.github.yeastarsdk.errors.YeastarException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import okhttp3.Headers;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.jspecify.annotations.Nullable;
import retrofit2.Response;

/**
 * The one place that decides what every outcome of a call becomes: a success envelope a value; a
 * failure envelope (strict, or read leniently from a body that does not match the spec) the
 * exception of the spec's errcode table; an HTTP error an {@link HttpStatusException}; an answer
 * cut short an {@link IncompleteResponseException}; a body that is not the spec's JSON a {@link
 * MalformedResponseException}; every other I/O failure a {@link TransportException}, a timeout
 * naming which one. No IOException or parser exception leaves the SDK; every text is redacted.
 */
public final class FailureMapper {
  private static final Pattern PATH = Pattern.compile("at path (\\$\\S*)");

  private final Redactor redactor;
  private final FailureAnswers answers;

  public FailureMapper(Redactor redactor, FailureAnswers answers) {
    this.redactor = redactor;
    this.answers = answers;
  }

  /** The value of an answer that arrived, or the exception it stands for. */
  public <T extends Envelope> RawResponse<T> outcome(Response<T> response, Operation operation) {
    if (!response.isSuccessful()) {
      throw status(
          response.code(), redactor.redact(response.headers()), excerpt(response.errorBody()));
    }
    T body = response.body();
    if (body == null) {
      throw new MalformedResponseException(
          "HTTP " + response.code() + " with no body", null, "", null);
    }
    if (body.failed()) {
      throw answers.exception(operation.id(), body.failure());
    }
    return new RawResponse<>(response.code(), response.headers(), body);
  }

  /**
   * The exception of an HTTP status other than 2xx: the statuses a caller acts on have their own.
   */
  static HttpStatusException status(int status, Headers headers, String excerpt) {
    if (status == 429) {
      return new RateLimitedException(status, headers, excerpt);
    }
    if (status == 401 || status == 403) {
      return new UnauthorizedException(status, headers, excerpt);
    }
    if (status == 404) {
      return new NotFoundException(status, headers, excerpt);
    }
    if (status >= 500 && status <= 599) {
      return new ServerErrorException(status, headers, excerpt);
    }
    return new HttpStatusException(status, headers, excerpt);
  }

  /** What a call that produced no answer, or an unreadable one, failed with. */
  public YeastarException failure(Throwable error, Operation operation) {
    if (error instanceof YeastarException e) {
      return e;
    }
    if (error instanceof UnreadableBody unreadable) {
      ApiErrorException failure = answers.readLeniently(operation.id(), unreadable.body());
      return failure != null ? failure : malformed(unreadable);
    }
    if (error instanceof ResponseCutShort && error.getCause() instanceof IOException io) {
      return new IncompleteResponseException(
          "answer cut short: the connection ended before the whole response arrived ("
              + detail(io)
              + ")",
          redactor.scrub(io));
    }
    if (error instanceof IOException e) {
      Timeout timeout = timeout(e);
      if (timeout != null) {
        return new RequestTimeoutException(
            "timed out ("
                + timeout.name().toLowerCase(Locale.ROOT)
                + " timeout)"
                // OkHttp's own message is often the bare word "timeout": nothing to add then.
                + ("timeout".equals(e.getMessage()) ? "" : ": " + detail(e)),
            redactor.scrub(e),
            timeout);
      }
      return new TransportException(words(e) + ": " + detail(e), redactor.scrub(e));
    }
    return new MalformedResponseException(
        "Unexpected failure: " + redactor.redact(String.valueOf(error.getMessage())),
        null,
        "",
        redactor.scrub(error));
  }

  /**
   * Which timeout an I/O failure is, if it is one. OkHttp reports a whole-call timeout as an
   * InterruptedIOException whose message is "timeout"; a connect timeout as a socket timeout that
   * names the connect; a silent server as any other socket timeout.
   */
  static @Nullable Timeout timeout(IOException e) {
    if (e instanceof SocketTimeoutException) {
      String message = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
      return message.contains("connect") ? Timeout.CONNECT : Timeout.READ;
    }
    if (e instanceof InterruptedIOException && "timeout".equals(e.getMessage())) {
      return Timeout.CALL;
    }
    return null;
  }

  private static String words(IOException e) {
    if (e instanceof ConnectException) {
      // OkHttp's "Failed to connect to ..." wraps the socket's own "Connection refused", or
      // another reason such as "Network is unreachable".
      for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
        if (t.getMessage() != null && t.getMessage().toLowerCase(Locale.ROOT).contains("refused")) {
          return "connection refused";
        }
      }
      return "could not connect";
    }
    if (e instanceof UnknownHostException) {
      return "unknown host";
    }
    if (e instanceof NoRouteToHostException) {
      return "no route to the host";
    }
    if (e instanceof SSLException) {
      return "secure connection failed";
    }
    // The connection was made, or its fate is unknown, and no response came back.
    return "no answer";
  }

  private String detail(IOException e) {
    return redactor.redact(String.valueOf(e.getMessage()));
  }

  private MalformedResponseException malformed(UnreadableBody unreadable) {
    Throwable cause = unreadable.getCause() != null ? unreadable.getCause() : unreadable;
    String message = redactor.redact(String.valueOf(cause.getMessage()));
    Matcher path = PATH.matcher(message);
    Buffer body = unreadable.body();
    String excerpt =
        redactor.excerpt(
            body.snapshot((int) Math.min(body.size(), Redactor.EXCERPT_CHARS * 4L))
                .string(StandardCharsets.UTF_8));
    return new MalformedResponseException(
        "The response body does not match the spec: " + message,
        path.find() ? path.group(1) : null,
        excerpt,
        redactor.scrub(cause));
  }

  /** The start of an error body, on one line, without secrets; empty when unreadable. */
  private String excerpt(@Nullable ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body;
        InputStream in = body.byteStream()) {
      return redactor.excerpt(
          new String(in.readNBytes(Redactor.EXCERPT_CHARS * 4), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return "";
    }
  }
}
