package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.errors.IncompleteResponseException;
import io.github.yeastarsdk.errors.RequestTimeoutException;
import io.github.yeastarsdk.errors.TransportException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Locale;
import javax.net.ssl.SSLException;

/**
 * What a transport failure means to the user: only a failure to connect says that the PBX could not
 * be reached. Once the PBX answered (an answer cut short, a timeout while reading), the report says
 * what happened instead; https to a server that answers in plain http says that.
 */
final class TransportWords {
  private TransportWords() {}

  static String of(TransportException e, String baseUrlSource) {
    if (e instanceof IncompleteResponseException) {
      return "the PBX answered, but its answer was cut short: " + e.getMessage();
    }
    if (e instanceof RequestTimeoutException) {
      return "the PBX did not answer in time: " + e.getMessage();
    }
    if (has(e, SSLException.class) && plainHttpAnswer(e)) {
      return baseUrlSource
          + " says https, but the server answered in plain http, not TLS: use http:// for a"
          + " server without TLS, or the port where the PBX serves https";
    }
    if (has(e, SSLException.class)) {
      return e.getMessage(); // the SDK's "secure connection failed: ...", already exact
    }
    if (has(e, ConnectException.class)
        || has(e, UnknownHostException.class)
        || has(e, NoRouteToHostException.class)) {
      return "cannot reach the PBX: " + e.getMessage();
    }
    // Connected, but the exchange failed before an answer came (reset, closed, refused stream).
    return "the connection to the PBX failed before it answered: " + e.getMessage();
  }

  private static boolean has(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /** The JDK's words for a TLS handshake that got a plain-text answer back. */
  private static boolean plainHttpAnswer(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(Locale.ROOT);
      if (message.contains("unrecognized ssl message")
          || message.contains("plaintext connection")) {
        return true;
      }
    }
    return false;
  }
}
