package io.github.yeastarsdk;

import java.util.function.Consumer;

/** The default destination of HTTP log lines: the JDK's System.Logger, at INFO. */
final class HttpLogSink {
  static final Consumer<String> SYSTEM_LOGGER =
      line -> System.getLogger("io.github.yeastarsdk.http").log(System.Logger.Level.INFO, line);

  private HttpLogSink() {}
}
