package io.github.yeastarsdk.example;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.ApiErrorException;
import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.HttpLogLevel;
import io.github.yeastarsdk.HttpStatusException;
import io.github.yeastarsdk.MalformedResponseException;
import io.github.yeastarsdk.Moderator;
import io.github.yeastarsdk.SortOrder;
import io.github.yeastarsdk.TransportException;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.YeastarException;
import io.github.yeastarsdk.YeastarJson;
import java.io.PrintStream;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Lists the scheduled conferences of a PBX. Run {@code --help} for the options; the token comes
 * from {@code --token} or the environment variable {@code PBX_ACCESS_TOKEN}.
 */
public final class ListConferences {
  static final String USAGE =
      "usage: list-conferences --base-url URL [--token TOKEN] [--page N] [--page-size N]\n"
          + "         [--sort-by number|name] [--order-by asc|desc] [--all] [--json] [--verbose]\n"
          + "         [--allow-insecure-http]\n"
          + "The token may come from PBX_ACCESS_TOKEN instead of --token; or set PBX_CLIENT_ID and\n"
          + "PBX_CLIENT_SECRET, and the command gets a token itself (and revokes it at the end).";

  private ListConferences() {}

  public static void main(String[] args) {
    System.exit(run(args, System.getenv(), System.out, System.err));
  }

  /** Runs the command; returns its exit code: 0 success, 1 a failed call, 2 bad usage. */
  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Options options;
    try {
      options = Options.parse(args, env);
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    if (options.help) {
      out.println(USAGE);
      return 0;
    }
    YeastarClient.Builder builder =
        options.token != null
            ? YeastarClient.builder().accessToken(options.token)
            : YeastarClient.builder().clientCredentials(options.clientId, options.clientSecret);
    builder
        .allowInsecureHttp(options.allowInsecureHttp)
        .logLevel(options.verbose ? HttpLogLevel.BODY : HttpLogLevel.NONE)
        .logSink(err::println);
    try (YeastarClient pbx = builder.baseUrl(options.baseUrl).build()) {
      ConferenceListParams params =
          ConferenceListParams.builder()
              .page(options.page)
              .pageSize(options.pageSize)
              .sortBy(options.sortBy)
              .orderBy(options.orderBy)
              .build();
      Iterable<Conference> conferences =
          options.all ? pbx.conferences().listAll(params) : pbx.conferences().list(params).items();
      JsonAdapter<Conference> json = YeastarJson.moshi().adapter(Conference.class);
      for (Conference conference : conferences) {
        out.println(options.json ? json.toJson(conference) : line(conference));
      }
      return 0;
    } catch (IllegalArgumentException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (YeastarException e) {
      err.println("error: " + describe(e));
      return 1;
    }
  }

  private static String line(Conference conference) {
    String moderators =
        conference.moderatorList().stream().map(Moderator::name).collect(Collectors.joining(", "));
    return String.format("%-7s %-32s %s", conference.number(), conference.name(), moderators);
  }

  private static String describe(YeastarException e) {
    if (e instanceof ApiErrorException api) {
      return "the PBX answered " + api.getMessage();
    } else if (e instanceof HttpStatusException http) {
      return "unexpected " + http.getMessage();
    } else if (e instanceof MalformedResponseException) {
      return "malformed response: " + e.getMessage();
    } else if (e instanceof TransportException) {
      // The message says what happened: refused, no answer, cut short, timed out.
      return "transport failure: " + e.getMessage();
    }
    return e.getMessage();
  }

  /** The parsed command line. */
  static final class Options {
    String baseUrl;
    String token;
    String clientId;
    String clientSecret;
    int page = 1;
    int pageSize = 20;
    ConferenceSortField sortBy;
    SortOrder orderBy;
    boolean all;
    boolean json;
    boolean verbose;
    boolean allowInsecureHttp;
    boolean help;

    static Options parse(String[] args, Map<String, String> env) {
      Options o = new Options();
      o.token = env.get("PBX_ACCESS_TOKEN");
      o.clientId = env.get("PBX_CLIENT_ID");
      o.clientSecret = env.get("PBX_CLIENT_SECRET");
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--base-url" -> o.baseUrl = value(args, ++i, arg);
          case "--token" -> o.token = value(args, ++i, arg);
          case "--page" -> o.page = number(value(args, ++i, arg), arg);
          case "--page-size" -> o.pageSize = number(value(args, ++i, arg), arg);
          case "--sort-by" ->
              o.sortBy = known(ConferenceSortField::fromValue, value(args, ++i, arg), arg);
          case "--order-by" -> o.orderBy = known(SortOrder::fromValue, value(args, ++i, arg), arg);
          case "--all" -> o.all = true;
          case "--json" -> o.json = true;
          case "--verbose" -> o.verbose = true;
          case "--allow-insecure-http" -> o.allowInsecureHttp = true;
          case "--help", "-h" -> o.help = true;
          default -> throw new IllegalArgumentException("unknown option " + arg);
        }
      }
      if (o.help) {
        return o;
      }
      if (o.baseUrl == null) {
        throw new IllegalArgumentException("--base-url is required");
      }
      if (o.token != null && o.token.isBlank()) {
        o.token = null;
      }
      boolean credentials = o.clientId != null && o.clientSecret != null;
      if (o.token == null && !credentials) {
        throw new IllegalArgumentException(
            "a token is required: --token or PBX_ACCESS_TOKEN, or PBX_CLIENT_ID and PBX_CLIENT_SECRET");
      }
      return o;
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int number(String value, String option) {
      try {
        return Integer.parseInt(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a whole number, was " + value);
      }
    }

    private static <E> E known(
        java.util.function.Function<String, E> fromValue, String value, String option) {
      try {
        return fromValue.apply(value);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(option + " does not accept " + value);
      }
    }
  }
}
