package io.github.yeastarsdk.cli;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.HttpLogLevel;
import io.github.yeastarsdk.Moderator;
import io.github.yeastarsdk.Page;
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
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = "Lists the scheduled conferences of a Yeastar P-Series PBX.",
    footer = {
      "",
      "The base URL comes from --base-url or PBX_BASE_URL. The token comes from --token",
      "or PBX_ACCESS_TOKEN; or set PBX_CLIENT_ID and PBX_CLIENT_SECRET, and the command",
      "gets a token itself and revokes it at the end.",
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
      names = {"-V", "--version"},
      versionHelp = true,
      description = "Show the version, and the OkHttp and Java it runs on, and exit.")
  boolean version;

  @Option(
      names = "--base-url",
      paramLabel = "URL",
      description =
          "scheme://host[:port] of the PBX, e.g. https://pbx.example.com:8088"
              + " (default: the environment variable PBX_BASE_URL).")
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

  /**
   * Where the base URL comes from, the name that messages about it use: {@code --base-url} when
   * given, else {@code PBX_BASE_URL}.
   */
  String baseUrlSource() {
    return baseUrl == null && present(env.get("PBX_BASE_URL")) ? "PBX_BASE_URL" : "--base-url";
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
      int printed = 0;
      Page<Conference> first = null;
      Iterable<Conference> conferences;
      if (all) {
        conferences = pbx.conferences().listAll(params);
      } else {
        first = pbx.conferences().list(params);
        conferences = first.items();
      }
      for (Conference conference : conferences) {
        out.println(json ? toJson(adapter, conference) : line(conference));
        out.flush();
        printed++;
      }
      if (printed == 0 && page > 1) {
        err.println(pastTheEnd(first));
        err.flush();
      }
    }
    return 0;
  }

  /** The note for a page after the last: nothing is wrong, but an empty output should say why. */
  private String pastTheEnd(Page<Conference> answered) {
    String note = "note: page " + page + " is past the end of the list";
    if (answered != null && answered.totalNumber().isPresent()) {
      int total = answered.totalNumber().getAsInt();
      int pages = (total + pageSize - 1) / pageSize;
      note +=
          ": the PBX has "
              + total
              + (total == 1 ? " conference" : " conferences")
              + (total == 0
                  ? ""
                  : ", " + pages + (pages == 1 ? " page" : " pages") + " of " + pageSize);
    }
    return note;
  }

  private YeastarClient.Builder client(PrintWriter err) {
    String url = baseUrl != null ? baseUrl : env.get("PBX_BASE_URL");
    if (!present(url)) {
      throw new ParameterException(
          spec.commandLine(), "a base URL is required: --base-url or PBX_BASE_URL");
    }
    String accessToken = token != null ? token : env.get("PBX_ACCESS_TOKEN");
    String clientId = env.get("PBX_CLIENT_ID");
    String clientSecret = env.get("PBX_CLIENT_SECRET");
    YeastarClient.Builder builder;
    if (present(accessToken)) {
      builder = YeastarClient.builder().accessToken(accessToken);
    } else if (present(clientId) && present(clientSecret)) {
      builder = YeastarClient.builder().clientCredentials(clientId, clientSecret);
    } else if (present(clientId) || present(clientSecret)) {
      String missing = present(clientId) ? "PBX_CLIENT_SECRET" : "PBX_CLIENT_ID";
      String set = present(clientId) ? "PBX_CLIENT_ID" : "PBX_CLIENT_SECRET";
      throw new ParameterException(
          spec.commandLine(),
          missing
              + " is not set, but "
              + set
              + " is: set both, or give --token or PBX_ACCESS_TOKEN");
    } else {
      throw new ParameterException(
          spec.commandLine(),
          "a token is required: --token or PBX_ACCESS_TOKEN, or PBX_CLIENT_ID and"
              + " PBX_CLIENT_SECRET");
    }
    return builder
        .baseUrl(url)
        .allowInsecureHttp(allowInsecureHttp)
        .logLevel(verbose ? HttpLogLevel.BODY : HttpLogLevel.NONE)
        .logSink(
            line -> {
              err.println(line);
              err.flush();
            });
  }

  private static boolean present(String value) {
    return value != null && !value.isBlank();
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
