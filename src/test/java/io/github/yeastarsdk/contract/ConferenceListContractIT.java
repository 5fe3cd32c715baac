package io.github.yeastarsdk.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.InvalidParam;
import io.github.yeastarsdk.Moderator;
import io.github.yeastarsdk.ModeratorType;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.RawResponse;
import io.github.yeastarsdk.RequestOptions;
import io.github.yeastarsdk.SortOrder;
import io.github.yeastarsdk.YeastarClient;
import io.github.yeastarsdk.errors.AccessDeniedException;
import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.InvalidParameterException;
import io.github.yeastarsdk.errors.TokenExpiredException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The generated client and the runtime, against a Prism that serves nothing but the spec. */
@ExtendWith(PrismExtension.class)
class ConferenceListContractIT {
  private final List<String> violations = new CopyOnWriteArrayList<>();
  private final List<OkHttpClient> httpClients = new ArrayList<>();

  /** What each named example of the spec must become in the SDK. */
  private static final Map<String, Consumer<Supplier<Page<Conference>>>> OUTCOMES =
      Map.of(
          "seed",
          list -> {
            Page<Conference> page = list.get();
            assertThat(page.items()).isEqualTo(SeedExample.conferences());
            assertThat(page.totalNumber()).hasValue(SeedExample.TOTAL_NUMBER);
          },
          "empty",
          list -> {
            Page<Conference> page = list.get();
            assertThat(page.items()).isEmpty();
            assertThat(page.totalNumber()).hasValue(0);
            assertThat(page.hasNextPage()).isFalse();
          },
          "later_page",
          list -> {
            Page<Conference> page = list.get();
            assertThat(page.items()).extracting(Conference::id).containsExactly(3);
            assertThat(page.items().get(0).moderatorList())
                .extracting(Moderator::type)
                .containsExactly(ModeratorType.EXTENSION, ModeratorType.EXT_GROUP);
          },
          "token_expired",
          list -> assertThatThrownBy(list::get).isInstanceOf(TokenExpiredException.class),
          "access_denied",
          list -> assertThatThrownBy(list::get).isInstanceOf(AccessDeniedException.class),
          "parameter_error",
          list ->
              assertThatThrownBy(list::get)
                  .isInstanceOfSatisfying(
                      InvalidParameterException.class,
                      e ->
                          assertThat(e.invalidParams())
                              .containsExactly(new InvalidParam("page_size", "required", null))),
          "failure",
          list ->
              assertThatThrownBy(list::get)
                  .isExactlyInstanceOf(ApiErrorException.class)
                  .hasMessageStartingWith("errcode -1 FAILURE ["));

  /** A client whose responses are checked for violations. */
  private YeastarClient client(ContractTarget target) {
    OkHttpClient.Builder http =
        new OkHttpClient.Builder()
            .addNetworkInterceptor(
                chain -> {
                  Response response = chain.proceed(chain.request());
                  String violation = response.header("sl-violations");
                  if (violation != null) {
                    violations.add(violation);
                  }
                  return response;
                });
    OkHttpClient okHttp = http.build();
    httpClients.add(okHttp);
    return YeastarClient.builder()
        .baseUrl(target.baseUrl())
        .accessToken(target.accessToken())
        .okHttpClient(okHttp)
        .maxRetries(0)
        .build();
  }

  @AfterEach
  void noResponseViolatedTheSpec() {
    httpClients.forEach(c -> c.dispatcher().executorService().shutdown());
    assertThat(violations).as("sl-violations headers").isEmpty();
  }

  /** Asks the mock for one of its scenarios, for one call: what the README tells users to do. */
  private static RequestOptions prefer(String preference) {
    return RequestOptions.builder().putHeader("Prefer", preference).build();
  }

  private static final ConferenceListParams FIRST_FIVE =
      ConferenceListParams.builder().page(1).pageSize(5).build();

  @Test
  void seedExampleIsTheDefaultAnswerAndDecodesValueForValue(ContractTarget target) {
    assumeThat(target.servesExamples()).as("needs our Prism").isTrue();
    try (YeastarClient pbx = client(target)) {
      OUTCOMES
          .get("seed")
          .accept(
              () ->
                  pbx.conferences()
                      .list(ConferenceListParams.builder().page(1).pageSize(5).build()));
    }
  }

  @Test
  void rawResponseShowsPrismsStatusAndHeaders(ContractTarget target) {
    try (YeastarClient pbx = client(target)) {
      RawResponse<Page<Conference>> raw = pbx.conferences().withRawResponse().list(FIRST_FIVE);
      assertThat(raw.statusCode()).isEqualTo(200);
      assertThat(raw.headers().get("Content-Type")).startsWith("application/json");
      assertThat(raw.value().pageSize()).isEqualTo(5);
    }
  }

  static Stream<String> exampleNames() {
    return SpecExamples.conferenceListExamples().stream();
  }

  @ParameterizedTest(name = "example {0}")
  @MethodSource("exampleNames")
  void everyNamedExampleBecomesItsSdkOutcome(String example, ContractTarget target) {
    assumeThat(target.servesExamples()).as("needs our Prism").isTrue();
    assertThat(OUTCOMES).as("expected outcome of example '%s'", example).containsKey(example);
    try (YeastarClient pbx = client(target)) {
      RequestOptions options = prefer("example=" + example);
      OUTCOMES.get(example).accept(() -> pbx.conferences().list(FIRST_FIVE, options));
    }
  }

  static Stream<Arguments> sortAndOrder() {
    List<Arguments> combinations = new ArrayList<>();
    for (ConferenceSortField sortBy :
        new ConferenceSortField[] {null, ConferenceSortField.NUMBER, ConferenceSortField.NAME}) {
      for (SortOrder orderBy : new SortOrder[] {null, SortOrder.ASC, SortOrder.DESC}) {
        combinations.add(Arguments.of(sortBy, orderBy));
      }
    }
    return combinations.stream();
  }

  @ParameterizedTest(name = "sort_by={0}, order_by={1}")
  @MethodSource("sortAndOrder")
  void everySortAndOrderPassesRequestValidation(
      ConferenceSortField sortBy, SortOrder orderBy, ContractTarget target) {
    try (YeastarClient pbx = client(target)) {
      Page<Conference> page =
          pbx.conferences()
              .list(
                  ConferenceListParams.builder()
                      .page(1)
                      .pageSize(5)
                      .sortBy(sortBy)
                      .orderBy(orderBy)
                      .build());
      assertThat(page.items()).allSatisfy(c -> assertThat(c.number()).matches("[0-9]{1,6}"));
    }
  }

  @Test
  void listingEverythingConforms(ContractTarget target) {
    try (YeastarClient pbx = client(target)) {
      List<Conference> all =
          pbx.conferences().listAll(ConferenceListParams.builder().pageSize(100).build()).stream()
              .toList();
      assertThat(all).allSatisfy(c -> assertThat(c.id()).isPositive());
    }
  }

  @Test
  void fiveHundredSeededDynamicResponsesDecode(ContractTarget target) {
    assumeThat(target.servesExamples()).as("needs our Prism").isTrue();
    AtomicInteger seed = new AtomicInteger();
    int conferences = 0;
    ConferenceListParams params = ConferenceListParams.builder().pageSize(20).build();
    try (YeastarClient pbx = client(target)) {
      for (int i = 0; i < 500; i++) {
        RequestOptions options = prefer("dynamic=true, seed=" + seed.incrementAndGet());
        Page<Conference> page = pbx.conferences().list(params, options);
        for (Conference c : page.items()) {
          assertThat(c.id()).isPositive();
          assertThat(c.name()).isNotBlank();
          assertThat(c.number()).matches("[0-9]{1,6}");
          assertThat(c.moderatorList())
              .allSatisfy(
                  m -> {
                    assertThat(m.id()).matches("[0-9]+");
                    assertThat(m.type().isKnown()).as("type %s", m.type()).isTrue();
                  });
          conferences++;
        }
      }
    }
    assertThat(seed.get()).isEqualTo(500);
    assertThat(conferences).as("conferences decoded across 500 responses").isGreaterThan(500);
  }

  @ParameterizedTest(name = "{0} is rejected naming {1}")
  @MethodSource("badQueries")
  void prismRejectsRequestsThatBreakTheSpec(String query, String named, ContractTarget target)
      throws IOException {
    assumeThat(target.servesExamples()).as("needs our Prism").isTrue();
    OkHttpClient raw = new OkHttpClient();
    httpClients.add(raw);
    Request request =
        new Request.Builder()
            .url(target.baseUrl() + "/openapi/v1.0/conference/list?" + query)
            .header("User-Agent", "contract-test")
            .build();
    try (Response response = raw.newCall(request).execute()) {
      assertThat(response.code()).isBetween(400, 499);
      assertThat(response.body().string()).contains(named);
    }
  }

  static Stream<Arguments> badQueries() {
    return Stream.of(
        Arguments.of("access_token=t&page=0&page_size=5", "page"),
        Arguments.of("access_token=t&page=1", "page_size"),
        Arguments.of("access_token=t&page=1&page_size=5&sort_by=bogus", "sort_by"),
        Arguments.of("access_token=t&page=1&page_size=5&order_by=up", "order_by"),
        Arguments.of("page=1&page_size=5", "security"));
  }
}
