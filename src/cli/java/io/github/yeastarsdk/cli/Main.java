package io.github.yeastarsdk.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Entry point of the command-line tool. Whatever goes wrong, the user gets exactly one line on
 * stderr and a non-zero exit status, never a stack trace and never a secret.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int status = run(args, System.getenv(), System.out, System.err);
    System.exit(status);
  }

  static int run(String[] args, Map<String, String> env, PrintStream stdout, PrintStream stderr) {
    PrintWriter out = new PrintWriter(stdout, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(stderr, true, StandardCharsets.UTF_8);
    // Until the command line is read, the secrets are the environment's; after, the options' too.
    AtomicReference<Arguments> read = new AtomicReference<>();
    FailureReport report =
        new FailureReport(
            err,
            () ->
                read.get() == null
                    ? Secrets.of(env.get("PBX_ACCESS_TOKEN"), env.get("PBX_CLIENT_SECRET"))
                    : ListConferences.secrets(read.get(), env),
            () ->
                read.get() == null ? "--base-url" : ListConferences.baseUrlSource(read.get(), env),
            () -> read.get() == null ? null : ListConferences.tokenSource(read.get(), env));
    // A failure on another thread (a page fetched ahead, say) must not print a stack trace either.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> Runtime.getRuntime().halt(report.print(e)));
    try {
      Arguments arguments = CommandOptions.parse(args);
      read.set(arguments);
      if (arguments.help()) {
        Help.usage(out);
        return 0;
      }
      if (arguments.version()) {
        Help.version(out);
        return 0;
      }
      return new ListConferences(arguments, env, out, err).run();
    } catch (Throwable e) { // whatever goes wrong: one line
      return report.print(e);
    } finally {
      out.flush();
    }
  }
}
