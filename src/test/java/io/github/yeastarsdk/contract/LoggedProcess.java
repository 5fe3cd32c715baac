package io.github.yeastarsdk.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A child process that reports its base URL in its log: started, read into a bounded log, and
 * stopped with all it started when closed or when the JVM exits.
 */
final class LoggedProcess implements AutoCloseable {
  private static final int MAX_LOG_LINES = 2_000;

  private final Process process;
  private final Pattern ready;
  private final Duration grace;
  private final List<String> log = new ArrayList<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private final Thread shutdownHook;
  private volatile String baseUrl;

  private LoggedProcess(Process process, Pattern ready, Duration grace, String what) {
    this.process = process;
    this.ready = ready;
    this.grace = grace;
    this.shutdownHook = new Thread(this::kill, what + " shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Thread reader = new Thread(this::readLog, what + " log");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code builder} (its error stream merged into its output) and waits until a log line
   * matches {@code ready}, whose first group is the base URL.
   *
   * @param what how messages name the process, such as "Prism" or "the mock"
   * @param grace how long the process may take to stop its own children after SIGTERM; zero to kill
   *     it and its descendants at once
   * @throws IllegalStateException if the process ends, or does not log {@code ready} within {@code
   *     timeout}; the message holds its log
   * @throws UncheckedIOException if the process cannot be started
   */
  static LoggedProcess start(
      ProcessBuilder builder, Pattern ready, Duration timeout, Duration grace, String what) {
    LoggedProcess process;
    try {
      process = new LoggedProcess(builder.redirectErrorStream(true).start(), ready, grace, what);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + builder.command(), e);
    }
    process.awaitReady(timeout, what);
    return process;
  }

  /** The base URL the process logged. */
  String baseUrl() {
    return baseUrl;
  }

  /** The last 2,000 lines the process has logged so far. */
  synchronized String log() {
    return String.join("\n", log);
  }

  private void awaitReady(Duration timeout, String what) {
    try {
      boolean ended = started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (baseUrl == null) {
        kill();
        String why =
            ended
                ? what + " exited before it was ready"
                : what + " was not ready within " + timeout;
        throw new IllegalStateException(why + ". Its log:\n" + log());
      }
    } catch (InterruptedException e) {
      kill();
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting " + what, e);
    }
  }

  private void readLog() {
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = lines.readLine()) != null; ) {
        synchronized (this) {
          if (log.size() == MAX_LOG_LINES) {
            log.remove(0);
          }
          log.add(line);
        }
        Matcher matcher = ready.matcher(line);
        if (baseUrl == null && matcher.find()) {
          baseUrl = matcher.group(1);
          started.countDown();
        }
      }
    } catch (IOException ignored) {
      // The process ended; whatever it logged is kept.
    } finally {
      started.countDown();
    }
  }

  private void kill() {
    List<ProcessHandle> children = process.descendants().toList();
    try {
      if (!grace.isZero()) {
        process.destroy(); // SIGTERM: the process may stop what it started itself
        process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS);
      }
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      children.forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  /** Kills the process and its descendants; the shutdown hook is no longer needed. */
  @Override
  public void close() {
    kill();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException alreadyShuttingDown) {
      // The hook runs anyway.
    }
  }
}
