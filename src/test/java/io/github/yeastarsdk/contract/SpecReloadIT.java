package io.github.yeastarsdk.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.YeastarClient;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mock picks up an edited spec without a restart, as the README promises. */
class SpecReloadIT {
  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);

  @Test
  void editedExampleIsServedWithoutRestartingTheMock(@TempDir Path dir) throws Exception {
    Path spec = dir.resolve("openapi.yaml");
    Files.copy(PrismExtension.projectRoot().resolve("openapi/openapi.yaml"), spec);
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    try (PrismServer prism = PrismServer.mock(PrismExtension.projectRoot(), spec, port);
        YeastarClient pbx =
            YeastarClient.builder().baseUrl(prism.baseUrl()).accessToken("t").build()) {
      assertThat(firstName(pbx)).isEqualTo("Sales Weekly Meeting");

      String text = Files.readString(spec);
      Files.writeString(
          spec, text.replaceFirst("name: Sales Weekly Meeting", "name: Sales Weekly Stand-up"));

      long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
      String name = firstName(pbx);
      while (!name.equals("Sales Weekly Stand-up") && System.nanoTime() < deadline) {
        Thread.sleep(250);
        name = firstNameOrNull(pbx);
      }
      assertThat(name)
          .as("first conference name after the edit")
          .isEqualTo("Sales Weekly Stand-up");
      assertThat(prism.log()).contains("Restarting Prism");
    }
  }

  private static String firstName(YeastarClient pbx) {
    List<Conference> items =
        pbx.conferences().list(ConferenceListParams.builder().page(1).pageSize(5).build()).items();
    return items.get(0).name();
  }

  /** While Prism restarts, a call may fail; that is not the answer being waited for. */
  private static String firstNameOrNull(YeastarClient pbx) {
    try {
      return firstName(pbx);
    } catch (RuntimeException restarting) {
      return "";
    }
  }
}
