package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.errors.YeastarException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Protocol;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.junit.jupiter.api.Test;

/**
 * 10,000 seeded mutations of the vendor's example, each answered to a real client: every one must
 * end as a valid page or as one of the SDK's documented exceptions, never anything else.
 */
class FuzzTest {
  private static final long SEED = 20261128L;
  private static final int MUTATIONS = 10_000;
  private static final Pattern VALUE =
      // Strings as an unrolled loop: an alternation inside a loop recurses once per character.
      Pattern.compile(
          "\"[^\"\\\\]*+(?:\\\\.[^\"\\\\]*+)*+\"|-?\\d+(?:\\.\\d+)?|true|false|null|\\[\\]|\\{\\}");
  private static final String[] OTHER_VALUES = {
    "\"x\"", "0", "-1", "true", "null", "{}", "[]", "[1]", "{\"a\":1}", "\"\"", "1.5"
  };
  private static final String[] HUGE_NUMBERS = {
    "99999999999999999999999", "1e400", "-2147483649", "2147483648", "1.0000000001", "-0"
  };

  private byte[] answer;

  @Test
  void everyMutationEndsInAPageOrADocumentedException() throws IOException {
    String seed = GeneratedModelsTest.seedJson();
    Random random = new Random(SEED);
    OkHttpClient canned =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain ->
                    new Response.Builder()
                        .request(chain.request())
                        .protocol(Protocol.HTTP_1_1)
                        .code(200)
                        .message("OK")
                        .body(ResponseBody.create(answer, MediaType.get("application/json")))
                        .build())
            .build();
    Map<String, Integer> outcomes = new TreeMap<>();
    List<String> unexpected = new ArrayList<>();
    try (YeastarClient pbx =
        YeastarClient.builder()
            .baseUrl("http://127.0.0.1:1")
            .accessToken(TestServers.TOKEN)
            .okHttpClient(canned)
            .maxRetries(0)
            .build()) {
      for (int i = 0; i < MUTATIONS; i++) {
        answer = mutate(seed, random);
        String outcome;
        try {
          Page<Conference> page =
              pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build());
          page.items().forEach(FuzzTest::checkComplete);
          outcome = "page";
        } catch (YeastarException e) {
          outcome = e.getClass().getSimpleName();
          assertThat(e.getMessage()).doesNotContain(TestServers.TOKEN);
        } catch (Throwable t) {
          outcome = "UNEXPECTED " + t.getClass().getName();
          if (unexpected.size() < 5) {
            unexpected.add(t + " for " + new String(answer, StandardCharsets.UTF_8));
          }
        }
        outcomes.merge(outcome, 1, Integer::sum);
      }
    } finally {
      canned.dispatcher().executorService().shutdown();
    }
    System.out.println("fuzz outcomes (seed " + SEED + "): " + outcomes);
    assertThat(unexpected).as("throwables that are not the SDK's").isEmpty();
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(MUTATIONS);
    // Both ends are reached, so the mutations neither all break nor all spare the body.
    assertThat(outcomes).containsKeys("page", "MalformedResponseException");
  }

  private static void checkComplete(Conference conference) {
    assertThat(conference.name()).isNotNull();
    assertThat(conference.number()).isNotNull();
    assertThat(conference.moderatorList()).allSatisfy(m -> assertThat(m.type()).isNotNull());
  }

  static byte[] mutate(String json, Random random) {
    int kinds = 1 + random.nextInt(3);
    String text = json;
    byte[] bytes = null;
    for (int k = 0; k < kinds; k++) {
      switch (random.nextInt(7)) {
        case 0 -> {
          bytes = (bytes != null ? bytes : text.getBytes(StandardCharsets.UTF_8)).clone();
          bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
          text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        case 1 -> text = text.substring(0, random.nextInt(text.length()));
        case 2 ->
            text = replaceValue(text, random, OTHER_VALUES[random.nextInt(OTHER_VALUES.length)]);
        case 3 -> {
          int brace = text.indexOf('{', random.nextInt(Math.max(1, text.length())));
          if (brace >= 0) {
            String key = random.nextBoolean() ? "\"errcode\":7," : "\"id\":\"dup\",";
            text = text.substring(0, brace + 1) + key + text.substring(brace + 1);
          }
        }
        case 4 ->
            text = replaceValue(text, random, HUGE_NUMBERS[random.nextInt(HUGE_NUMBERS.length)]);
        case 5 ->
            text =
                replaceValue(
                    text, random, "\"" + "y".repeat(100_000 + random.nextInt(100_000)) + "\"");
        default -> {
          int depth = 1 + random.nextInt(3_000);
          text = replaceValue(text, random, "[".repeat(depth) + "]".repeat(depth));
        }
      }
      bytes = null;
    }
    return text.getBytes(
        StandardCharsets.ISO_8859_1.newEncoder().canEncode(text)
            ? StandardCharsets.ISO_8859_1
            : StandardCharsets.UTF_8);
  }

  private static String replaceValue(String text, Random random, String replacement) {
    Matcher matcher = VALUE.matcher(text);
    List<int[]> spans = new ArrayList<>();
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
    }
    if (spans.isEmpty()) {
      return text;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return text.substring(0, span[0]) + replacement + text.substring(span[1]);
  }
}
