package io.github.yeastarsdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.YeastarClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SDK against the PBX simulator in strict mode, through Prism's validating proxy: a client with
 * the application's credentials lists every conference while its tokens expire under it, then
 * leaves no live token behind. Tokens live {@value #TTL_SECONDS} s and every call takes at least
 * {@value #LATENCY_MS} ms, so a listing of 12 pages outlives the first token.
 */
class SimulatorStrictModeIT {
  private static final int TTL_SECONDS = 3;
  private static final int LATENCY_MS = 250;
  private static final int CONFERENCES = 57;
  private static final String CLIENT_ID = "contract-client";
  private static final String CLIENT_SECRET = "contract-secret";

  private static SimulatorServer simulator;

  @BeforeAll
  static void start() {
    simulator =
        SimulatorServer.start(
            PrismExtension.projectRoot(),
            Map.of(
                "MOCK_AUTH",
                "strict",
                "MOCK_CLIENT_ID",
                CLIENT_ID,
                "MOCK_CLIENT_SECRET",
                CLIENT_SECRET,
                "MOCK_TOKEN_TTL",
                String.valueOf(TTL_SECONDS),
                "MOCK_LATENCY",
                String.valueOf(LATENCY_MS),
                "MOCK_CONFERENCES",
                String.valueOf(CONFERENCES)));
  }

  @AfterAll
  static void stop() {
    if (simulator != null) {
      simulator.close();
    }
  }

  @BeforeEach
  void noTokensNoCounts() {
    simulator.reset();
  }

  private static YeastarClient client() {
    return YeastarClient.builder()
        .baseUrl(simulator.baseUrl())
        .clientCredentials(CLIENT_ID, CLIENT_SECRET)
        .build();
  }

  @Test
  void listsEveryConferenceOnceInOrderWhileTokensExpireThenLeavesNoLiveToken()
      throws InterruptedException {
    List<String> numbers = new ArrayList<>();
    YeastarClient pbx = client();
    try {
      for (Conference c :
          pbx.conferences().listAll(ConferenceListParams.builder().pageSize(5).build())) {
        numbers.add(c.number());
      }
      assertThat(numbers)
          .as("every conference exactly once, in number order")
          .containsExactlyElementsOf(
              IntStream.range(0, CONFERENCES).mapToObj(i -> String.valueOf(6500 + i)).toList());

      Map<String, Object> state = simulator.state();
      assertThat(errcodes(state, "get_token")).as("one login").isEqualTo(Map.of("0", 1));
      assertThat(errcodes(state, "refresh_token").getOrDefault("0", 0))
          .as("the listing outlived the first token, so it was refreshed")
          .isGreaterThanOrEqualTo(1);
      assertThat(errcodes(state, "conference/list").keySet())
          .as("no listing call failed")
          .containsOnly("0");
      assertNoViolations(state);

      // close() when the token in hand is in the second half of its life, where the client no
      // longer uses it for new calls but the PBX still counts it against the application's 8.
      awaitTokenPastHalfLife(pbx);
    } finally {
      pbx.close();
    }
    Map<String, Object> state = simulator.state();
    assertThat(number(state, "live_access_tokens"))
        .as(
            "live access tokens after close(), which must revoke the token it holds even when"
                + " that token is inside the client's renewal margin; del_token calls: %s",
            errcodes(state, "del_token"))
        .isZero();
    assertNoViolations(state);
  }

  @Test
  void closeRevokesAFreshToken() {
    try (YeastarClient pbx = client()) {
      assertThat(
              pbx.conferences()
                  .list(ConferenceListParams.builder().page(1).pageSize(5).build())
                  .items())
          .hasSize(5);
    }
    Map<String, Object> state = simulator.state();
    assertThat(errcodes(state, "del_token")).isEqualTo(Map.of("0", 1));
    assertThat(number(state, "live_access_tokens")).isZero();
    assertNoViolations(state);
  }

  /**
   * Waits until the one live token has less than half its life left but is not about to expire; a
   * token that is about to expire is replaced first, by a call that makes the client renew it.
   */
  private static void awaitTokenPastHalfLife(YeastarClient pbx) throws InterruptedException {
    long half = TTL_SECONDS * 1000L / 2;
    for (int attempt = 0; attempt < 200; attempt++) {
      List<?> tokens = (List<?>) simulator.state().get("tokens");
      assertThat(tokens).as("tokens held").hasSize(1);
      long left = number((Map<?, ?>) tokens.get(0), "access_expires_in_ms");
      if (left < half - 100 && left > 600) {
        return;
      }
      if (left <= 600) {
        pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(1).build());
      } else {
        Thread.sleep(50);
      }
    }
    throw new AssertionError("the token never reached the second half of its life");
  }

  private static void assertNoViolations(Map<String, Object> state) {
    Map<?, ?> violations = (Map<?, ?>) state.get("violations");
    assertThat(number(violations, "request") + number(violations, "response"))
        .as("spec violations seen by Prism: %s\nmock log:\n%s", violations, simulator.log())
        .isZero();
  }

  private static Map<String, Integer> errcodes(Map<String, Object> state, String endpoint) {
    Map<?, ?> calls = (Map<?, ?>) state.get("calls");
    Map<?, ?> entry = (Map<?, ?>) calls.get(endpoint);
    Map<String, Integer> counts = new java.util.TreeMap<>();
    if (entry != null) {
      ((Map<?, ?>) entry.get("errcodes"))
          .forEach((code, n) -> counts.put((String) code, ((Number) n).intValue()));
    }
    return counts;
  }

  private static long number(Map<?, ?> map, String key) {
    return ((Number) map.get(key)).longValue();
  }
}
