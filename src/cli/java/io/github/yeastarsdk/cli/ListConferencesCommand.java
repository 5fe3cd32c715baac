package io.github.yeastarsdk.cli;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.HttpLogLevel;
import io.github.yeastarsdk.Moderator;
import io.github.yeastarsdk.SortOrder;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.YeastarJson;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code list-conferences}: the scheduled conferences of a PBX, one per line or as JSON Lines.
 * Parsing and help are picocli's; {@link Main} turns every failure into one line.
 */
@Command(
    name = "list-conferences",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Lists the scheduled conferences of a Yeastar P-Series PBX.",
    footer = {
      "",
      "The token comes from --token or PBX_ACCESS_TOKEN; or set PBX_CLIENT_ID and",
      "PBX_CLIENT_SECRET, and the command gets a token itself and revokes it at the end.",
      "Exit status: 0 success, 1 the call failed, 2 bad usage, 70 an internal error."
    })
final class ListConferencesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-h", "--help"},
      usageHelp = true,
      description = "Show this help and exit.")
  boolean help;

  @Option(
      names = "--base-url",
      required = true,
      paramLabel = "URL",
      description = "scheme://host[:port] of the PBX, e.g. https://pbx.example.com:8088")
  String baseUrl;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "An access token (default: the environment variable PBX_ACCESS_TOKEN).")
  String token;

  @Option(
      names = "--page",
      paramLabel = "N",
      defaultValue = "1",
      description = "The page to list (default: ${DEFAULT-VALUE}).")
  int page;

  @Option(
      names = "--page-size",
      paramLabel = "N",
      defaultValue = "20",
      description = "Conferences per page (default: ${DEFAULT-VALUE}).")
  int pageSize;

  @Option(
      names = "--sort-by",
      paramLabel = "FIELD",
      converter = WireValues.SortField.class,
      description = "number or name.")
  ConferenceSortField sortBy;

  @Option(
      names = "--order-by",
      paramLabel = "ORDER",
      converter = WireValues.Order.class,
      description = "asc or desc.")
  SortOrder orderBy;

  @Option(names = "--all", description = "Every page, from --page on.")
  boolean all;

  @Option(
      names = "--json",
      description = "JSON Lines: one conference per line, with the API's field names.")
  boolean json;

  @Option(
      names = "--verbose",
      description = "Log the HTTP exchange on stderr (the token is masked).")
  boolean verbose;

  @Option(
      names = "--allow-insecure-http",
      description = "Allow plain http:// to a host other than loopback.")
  boolean allowInsecureHttp;

  private final Map<String, String> env;

  ListConferencesCommand(Map<String, String> env) {
    this.env = env;
  }

  /** The secrets this run was given, so that {@link Main} can keep them out of what it prints. */
  Secrets secrets() {
    return Secrets.of(token, env.get("PBX_ACCESS_TOKEN"), env.get("PBX_CLIENT_SECRET"));
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    JsonAdapter<Conference> adapter = YeastarJson.moshi().adapter(Conference.class);
    try (YeastarClient pbx = client(err).build()) {
      ConferenceListParams params =
          ConferenceListParams.builder()
              .page(page)
              .pageSize(pageSize)
              .sortBy(sortBy)
              .orderBy(orderBy)
              .build();
      Iterable<Conference> conferences =
          all ? pbx.conferences().listAll(params) : pbx.conferences().list(params).items();
      for (Conference conference : conferences) {
        out.println(json ? toJson(adapter, conference) : line(conference));
        out.flush();
      }
    }
    return 0;
  }

  private YeastarClient.Builder client(PrintWriter err) {
    String accessToken = token != null ? token : env.get("PBX_ACCESS_TOKEN");
    String clientId = env.get("PBX_CLIENT_ID");
    String clientSecret = env.get("PBX_CLIENT_SECRET");
    YeastarClient.Builder builder;
    if (accessToken != null && !accessToken.isBlank()) {
      builder = YeastarClient.builder().accessToken(accessToken);
    } else if (clientId != null && clientSecret != null) {
      builder = YeastarClient.builder().clientCredentials(clientId, clientSecret);
    } else {
      throw new ParameterException(
          spec.commandLine(),
          "a token is required: --token or PBX_ACCESS_TOKEN, or PBX_CLIENT_ID and"
              + " PBX_CLIENT_SECRET");
    }
    return builder
        .baseUrl(baseUrl)
        .allowInsecureHttp(allowInsecureHttp)
        .logLevel(verbose ? HttpLogLevel.BODY : HttpLogLevel.NONE)
        .logSink(
            line -> {
              err.println(line);
              err.flush();
            });
  }

  private static String toJson(JsonAdapter<Conference> adapter, Conference conference) {
    try {
      return adapter.toJson(conference);
    } catch (RuntimeException e) {
      throw new OutputException("cannot write conference " + conference.number() + " as JSON", e);
    }
  }

  private static String line(Conference conference) {
    String moderators =
        conference.moderatorList().stream().map(Moderator::name).collect(Collectors.joining(", "));
    return String.format("%-7s %-32s %s", conference.number(), conference.name(), moderators);
  }
}
