package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.HttpStatusException;
import io.github.yeastarsdk.errors.InvalidCredentialsException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import io.github.yeastarsdk.errors.TokenExpiredException;
import io.github.yeastarsdk.errors.TransportException;
import io.github.yeastarsdk.errors.YeastarException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/** Turns any throwable into the tool's one line on stderr and its exit status. */
final class FailureReport {
  static final int FAILED = 1;
  static final int USAGE = 2;
  static final int INTERNAL = 70; // EX_SOFTWARE

  private static final int MAX_LINE = 1000;

  private final PrintWriter err;
  private final Supplier<Secrets> secrets;
  private final Supplier<String> baseUrlSource;
  private final Supplier<@Nullable String> tokenSource;
  private final AtomicBoolean printed = new AtomicBoolean();

  /**
   * @param secrets the run's secrets, masked in every line
   * @param baseUrlSource where the base URL came from ({@code --base-url} or {@code PBX_BASE_URL}),
   *     the name that messages about it use
   * @param tokenSource where the access token came from ({@code --token} or {@code
   *     PBX_ACCESS_TOKEN}), null when the tool gets its own from the client credentials
   */
  FailureReport(
      PrintWriter err,
      Supplier<Secrets> secrets,
      Supplier<String> baseUrlSource,
      Supplier<@Nullable String> tokenSource) {
    this.err = err;
    this.secrets = secrets;
    this.baseUrlSource = baseUrlSource;
    this.tokenSource = tokenSource;
  }

  /** Prints the one line for {@code e}, unless a line was already printed; returns the status. */
  int print(Throwable e) {
    int status = status(e);
    if (printed.compareAndSet(false, true)) {
      String line = "error: " + oneLine(secretsOrNone().mask(describeOrSummary(e)));
      err.println(line.length() > MAX_LINE ? line.substring(0, MAX_LINE) + "..." : line);
      err.flush();
    }
    return status;
  }

  private String describeOrSummary(Throwable e) {
    try {
      return describe(e);
    } catch (RuntimeException failed) {
      return "internal error: " + summary(e);
    }
  }

  private Secrets secretsOrNone() {
    try {
      return secrets.get();
    } catch (RuntimeException e) {
      return Secrets.of();
    }
  }

  static int status(Throwable e) {
    if (e instanceof UsageException || e instanceof IllegalArgumentException) {
      return USAGE;
    }
    if (e instanceof YeastarException || e instanceof OutputException) {
      return FAILED;
    }
    return INTERNAL;
  }

  String describe(Throwable e) {
    if (e instanceof UsageException) {
      return e.getMessage() + " (see --help)";
    } else if (e instanceof IllegalArgumentException) {
      // The SDK's check of a value the user gave, in the tool's option names.
      return new OptionWords(baseUrlSource.get()).of(String.valueOf(e.getMessage()))
          + " (see --help)";
    } else if (e instanceof InvalidCredentialsException rejected) {
      return "the PBX rejected PBX_CLIENT_ID and PBX_CLIENT_SECRET: errcode "
          + rejected.errcode()
          + (rejected.errmsg() == null ? "" : " " + rejected.errmsg());
    } else if (e instanceof TokenExpiredException && tokenSource.get() != null) {
      // The PBX answers 10004 for a token it never issued too: say where the token came from.
      return "the PBX answered with an error: "
          + e.getMessage()
          + "; the access token from "
          + tokenSource.get()
          + " is expired or not known to this PBX: get a new one, or set PBX_CLIENT_ID and"
          + " PBX_CLIENT_SECRET and the tool gets one itself";
    } else if (e instanceof ApiErrorException) {
      return "the PBX answered with an error: " + e.getMessage();
    } else if (e instanceof HttpStatusException) {
      return "unexpected " + e.getMessage();
    } else if (e instanceof MalformedResponseException) {
      return "malformed response: " + e.getMessage();
    } else if (e instanceof TransportException transport) {
      return TransportWords.of(transport, baseUrlSource.get());
    } else if (e instanceof YeastarException) {
      return e.getMessage();
    } else if (e instanceof OutputException) {
      return e.getMessage() + ": " + summary(e.getCause());
    }
    return "internal error: " + summary(e);
  }

  private static String summary(Throwable e) {
    if (e == null) {
      return "no detail";
    }
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  /** Line breaks and other control characters become spaces: the report is one line. */
  static String oneLine(String text) {
    return text.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
  }
}
