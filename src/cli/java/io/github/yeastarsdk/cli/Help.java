package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.YeastarClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.help.HelpFormatter;
import org.apache.commons.cli.help.TextHelpAppendable;

/** What {@code --help} and {@code --version} print. */
final class Help {
  private Help() {}

  private static final String DESCRIPTION =
      "Lists the scheduled conferences of a Yeastar P-Series PBX.";

  /** Printed as it is, after the options: the formatter would indent its wrapped lines. */
  private static final String[] FOOTER = {
    "The base URL comes from --base-url or PBX_BASE_URL; the token from --token or",
    "PBX_ACCESS_TOKEN. Or set PBX_CLIENT_ID and PBX_CLIENT_SECRET, and the command",
    "gets a token itself and revokes it at the end.",
    "Exit status: 0 success, 1 the call failed, 2 bad usage, 70 an internal error."
  };

  /** The usage, the options in the table's order, and the footer. */
  static void usage(PrintWriter out) {
    Options options = CommandOptions.table();
    List<Option> order = List.copyOf(options.getOptions());
    StringBuilder text = new StringBuilder();
    TextHelpAppendable appendable = new TextHelpAppendable(text);
    appendable.setLeftPad(0);
    HelpFormatter formatter =
        HelpFormatter.builder()
            .setShowSince(false)
            .setHelpAppendable(appendable)
            .setComparator(Comparator.comparingInt(order::indexOf))
            .get();
    formatter.setSyntaxPrefix("Usage:");
    try {
      formatter.printHelp(CommandOptions.NAME + " [options]", DESCRIPTION, options, null, false);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a StringBuilder does not fail
    }
    // The formatter pads every line of its table to the full width.
    text.toString().strip().lines().map(String::stripTrailing).forEach(out::println);
    out.println();
    for (String line : FOOTER) {
      out.println(line);
    }
    out.flush();
  }

  /** The tool's version (the SDK's, built together), and the OkHttp and Java it runs on. */
  static void version(PrintWriter out) {
    Properties sdk = new Properties();
    try (InputStream in = YeastarClient.class.getResourceAsStream("sdk.properties")) {
      if (in != null) {
        sdk.load(in);
      }
    } catch (IOException e) {
      // The version stays unknown; the rest of the line is still worth printing.
    }
    out.println(CommandOptions.NAME + " " + sdk.getProperty("version", "(unknown version)"));
    out.println("OkHttp " + okHttpVersion() + ", Java " + Runtime.version());
    out.flush();
  }

  /** Read at run time: OkHttp.VERSION is a constant, which the compiler would copy in. */
  private static String okHttpVersion() {
    try {
      return String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "(unknown version)";
    }
  }
}
