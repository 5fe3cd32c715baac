package io.github.yeastarsdk.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

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
    ListConferencesCommand command = new ListConferencesCommand(env);
    FailureReport report = new FailureReport(err, command::secrets, command::baseUrlSource);
    // A failure on another thread (a page fetched ahead, say) must not print a stack trace either.
    Thread.setDefaultUncaughtExceptionHandler(
        (thread, e) -> Runtime.getRuntime().halt(report.print(e)));
    try {
      CommandLine cli =
          new CommandLine(command)
              .setOut(out)
              .setErr(err)
              .setParameterExceptionHandler((e, arguments) -> report.print(e))
              .setExecutionExceptionHandler((e, commandLine, parsed) -> report.print(e));
      return cli.execute(args);
    } catch (Throwable e) { // whatever escapes picocli: still one line
      return report.print(e);
    } finally {
      out.flush();
    }
  }
}
