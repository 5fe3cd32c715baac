package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.Page;
import io.github.yeastarsdk.YeastarClient;

/**
 * The cold-start program that uses the SDK: run as {@code java -jar}, it prints the first page of
 * conferences of the server at its first argument and exits. With {@code --build-only} it builds a
 * client, says how long {@code YeastarClient.build()} took, and exits without a request.
 */
public final class ColdStartSdk {
  private ColdStartSdk() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    if (args.length == 2 && args[0].equals("--build-only")) {
      YeastarClient pbx =
          YeastarClient.builder().baseUrl(args[1]).accessToken("bench-token").build();
      long built = System.nanoTime();
      pbx.close();
      System.out.println("build_ns=" + (built - start));
      return;
    }
    try (YeastarClient pbx =
        YeastarClient.builder().baseUrl(args[0]).accessToken("bench-token").build()) {
      Page<Conference> page =
          pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(20).build());
      ColdStartOutput.print(page.items(), page.totalNumber().orElse(-1), start);
    }
  }
}
