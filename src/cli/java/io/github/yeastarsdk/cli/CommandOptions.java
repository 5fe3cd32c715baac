package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.SortOrder;
import java.util.List;
import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.DefaultParser;
import org.apache.commons.cli.MissingArgumentException;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.ParseException;
import org.apache.commons.cli.UnrecognizedOptionException;

/**
 * The tool's options, the one table that parsing and {@code --help} both read, and their parsing
 * with Apache Commons CLI. Commons CLI rather than an annotation-driven parser: it reads a table
 * built in code, with no reflection, and its classes are recent enough for the JVM's class-data
 * sharing to store them, which the tool's start needs (docs/benchmarks.md, cold start).
 */
final class CommandOptions {
  static final String NAME = "list-conferences";

  private CommandOptions() {}

  /** The options in the order {@code --help} lists them. */
  static Options table() {
    Options options = new Options();
    options.addOption(flag("h", "help", "Show this help and exit."));
    options.addOption(
        flag("V", "version", "Show the version, and the OkHttp and Java it runs on."));
    options.addOption(
        value(
            "base-url",
            "URL",
            "scheme://host[:port] of the PBX, e.g. https://pbx.example.com:8088 (default: the"
                + " environment variable PBX_BASE_URL)."));
    options.addOption(
        value(
            "token",
            "TOKEN",
            "An access token (default: the environment variable PBX_ACCESS_TOKEN)."));
    options.addOption(value("page", "N", "The page to list (default: 1)."));
    options.addOption(value("page-size", "N", "Conferences per page (default: 20)."));
    options.addOption(value("sort-by", "FIELD", "number or name."));
    options.addOption(value("order-by", "ORDER", "asc or desc."));
    options.addOption(flag(null, "all", "Every page, from --page on."));
    options.addOption(
        flag(null, "json", "JSON Lines: one conference per line, with the API's field names."));
    options.addOption(
        flag(null, "verbose", "Log the HTTP exchange on stderr (the token is masked)."));
    options.addOption(
        flag(null, "allow-insecure-http", "Allow plain http:// to a host other than loopback."));
    return options;
  }

  /** Reads {@code args}; a command line the tool cannot run throws {@link UsageException}. */
  static Arguments parse(String[] args) {
    CommandLine line;
    try {
      // No partial matching: --tok must not quietly mean --token.
      line = DefaultParser.builder().setAllowPartialMatching(false).get().parse(table(), args);
    } catch (UnrecognizedOptionException e) {
      // The option's name only: "--tokn=value" must not print the value, which may be a secret.
      throw new UsageException("unknown option " + e.getOption().split("=", 2)[0]);
    } catch (MissingArgumentException e) {
      Option option = e.getOption();
      throw new UsageException(
          "--" + option.getLongOpt() + " needs a value (" + option.getArgName() + ")");
    } catch (ParseException e) {
      throw new UsageException(String.valueOf(e.getMessage()));
    }
    if (!line.getArgList().isEmpty()) {
      // Named by its place, never echoed: a stray word is often the value of a mistyped option,
      // a secret perhaps.
      int word = List.of(args).lastIndexOf(line.getArgList().get(0)) + 1;
      throw new UsageException(
          "unexpected argument: word "
              + word
              + " of the command line is not an option or its value");
    }
    for (Option option : line.getOptions()) {
      if (option.hasArg() && line.getOptionValues(option.getLongOpt()).length > 1) {
        throw new UsageException("--" + option.getLongOpt() + " is given more than once");
      }
    }
    return new Arguments(
        line.hasOption("help"),
        line.hasOption("version"),
        line.getOptionValue("base-url"),
        line.getOptionValue("token"),
        whole(line, "page", 1),
        whole(line, "page-size", 20),
        WireValues.of(
            line, "sort-by", List.of(ConferenceSortField.values()), ConferenceSortField::value),
        WireValues.of(line, "order-by", List.of(SortOrder.values()), SortOrder::value),
        line.hasOption("all"),
        line.hasOption("json"),
        line.hasOption("verbose"),
        line.hasOption("allow-insecure-http"));
  }

  /** A whole-number option; its range is the SDK's to check, in its own words. */
  private static int whole(CommandLine line, String name, int absent) {
    String value = line.getOptionValue(name);
    if (value == null) {
      return absent;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number, was '" + value + "'");
    }
  }

  private static Option flag(String shortName, String longName, String description) {
    return (shortName == null ? Option.builder() : Option.builder(shortName))
        .longOpt(longName)
        .desc(description)
        .get();
  }

  private static Option value(String longName, String label, String description) {
    return Option.builder().longOpt(longName).hasArg().argName(label).desc(description).get();
  }
}
