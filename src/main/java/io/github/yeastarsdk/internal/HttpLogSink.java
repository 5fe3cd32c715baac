package io.github.yeastarsdk.internal;

import java.util.function.Consumer;

/** The default destination of HTTP log lines: the JDK's System.Logger, at INFO. */
public final class HttpLogSink {
  public static final Consumer<String> SYSTEM_LOGGER =
      line -> System.getLogger("io.github.yeastarsdk.http").log(System.Logger.Level.INFO, line);

  private HttpLogSink() {}
}
