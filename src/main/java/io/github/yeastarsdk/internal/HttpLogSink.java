package io.github.yeastarsdk.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.function.Consumer;

/**
 * The default destination of the HTTP log: the JDK's {@code System.Logger} named {@value #NAME}, at
 * INFO, one record per exchange. {@code System.Logger} is what SLF4J's and Log4j's bridges
 * (slf4j-jdk-platform-logging, log4j-jpl) route into their loggers, and what java.util.logging
 * receives without either. A named class and method rather than a lambda, because java.util.logging
 * names the record's source after its caller: here {@code HttpLogSink exchange}.
 */
public final class HttpLogSink implements Consumer<String> {
  /** The logger's name: the SDK's package, so one setting covers everything the SDK logs. */
  public static final String NAME = "io.github.yeastarsdk";

  public static final HttpLogSink SYSTEM_LOGGER = new HttpLogSink();

  private static final Logger LOGGER = System.getLogger(NAME);

  private HttpLogSink() {}

  @Override
  public void accept(String record) {
    exchange(record);
  }

  /** One exchange, already redacted. */
  private static void exchange(String record) {
    LOGGER.log(Level.INFO, record);
  }
}
