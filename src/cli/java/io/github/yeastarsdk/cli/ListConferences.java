package io.github.yeastarsdk.cli;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.HttpLogLevel;
import io.github.yeastarsdk.Moderator;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.YeastarJson;
import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * {@code list-conferences}: the scheduled conferences of a PBX, one per line or as JSON Lines.
 * {@link Main} reads the command line and turns every failure into one line.
 */
final class ListConferences {
  private final Arguments args;
  private final Map<String, String> env;
  private final PrintWriter out;
  private final PrintWriter err;

  ListConferences(Arguments args, Map<String, String> env, PrintWriter out, PrintWriter err) {
    this.args = args;
    this.env = env;
    this.out = out;
    this.err = err;
  }

  /**
   * Where the base URL comes from, the name that messages about it use: {@code --base-url} when
   * given, else {@code PBX_BASE_URL}.
   */
  static String baseUrlSource(Arguments args, Map<String, String> env) {
    return args.baseUrl() == null && present(env.get("PBX_BASE_URL"))
        ? "PBX_BASE_URL"
        : "--base-url";
  }

  /**
   * Where the access token comes from: {@code --token} when given, else {@code PBX_ACCESS_TOKEN}
   * when set; null when the tool gets its own with the client credentials.
   */
  static @Nullable String tokenSource(Arguments args, Map<String, String> env) {
    if (present(args.token())) {
      return "--token";
    }
    return present(env.get("PBX_ACCESS_TOKEN")) ? "PBX_ACCESS_TOKEN" : null;
  }

  /** The secrets this run was given, so that {@link Main} can keep them out of what it prints. */
  static Secrets secrets(Arguments args, Map<String, String> env) {
    return Secrets.of(args.token(), env.get("PBX_ACCESS_TOKEN"), env.get("PBX_CLIENT_SECRET"));
  }

  /** Lists the page (every page from it with {@code --all}); returns the exit status, 0. */
  int run() {
    JsonAdapter<Conference> adapter = YeastarJson.moshi().adapter(Conference.class);
    try (YeastarClient pbx = client().build()) {
      ConferenceListParams params =
          ConferenceListParams.builder()
              .page(args.page())
              .pageSize(args.pageSize())
              .sortBy(args.sortBy())
              .orderBy(args.orderBy())
              .build();
      int printed = 0;
      Page<Conference> first = null;
      Iterable<Conference> conferences;
      if (args.all()) {
        conferences = pbx.conferences().listAll(params);
      } else {
        first = pbx.conferences().list(params);
        conferences = first.items();
      }
      for (Conference conference : conferences) {
        out.println(args.json() ? toJson(adapter, conference) : line(conference));
        out.flush();
        printed++;
      }
      if (printed == 0 && args.page() > 1) {
        err.println(pastTheEnd(first));
        err.flush();
      }
    }
    return 0;
  }

  /** The note for a page after the last: nothing is wrong, but an empty output should say why. */
  private String pastTheEnd(Page<Conference> answered) {
    String note = "note: page " + args.page() + " is past the end of the list";
    if (answered != null && answered.totalNumber().isPresent()) {
      int total = answered.totalNumber().getAsInt();
      int pageSize = args.pageSize();
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

  private YeastarClient.Builder client() {
    String url = args.baseUrl() != null ? args.baseUrl() : env.get("PBX_BASE_URL");
    if (!present(url)) {
      throw new UsageException("a base URL is required: --base-url or PBX_BASE_URL");
    }
    String accessToken = args.token() != null ? args.token() : env.get("PBX_ACCESS_TOKEN");
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
      throw new UsageException(
          missing
              + " is not set, but "
              + set
              + " is: set both, or give --token or PBX_ACCESS_TOKEN");
    } else {
      throw new UsageException(
          "a token is required: --token or PBX_ACCESS_TOKEN, or PBX_CLIENT_ID and"
              + " PBX_CLIENT_SECRET");
    }
    return builder
        .baseUrl(url)
        .allowInsecureHttp(args.allowInsecureHttp())
        .logLevel(args.verbose() ? HttpLogLevel.BODY : HttpLogLevel.NONE)
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
