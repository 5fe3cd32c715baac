package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.BenchWire;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import okio.BufferedSource;
import okio.Okio;

/**
 * The cold-start yardstick: the least program that prints the same first page, with the JDK's
 * {@code HttpClient} and the SDK's own decoders. With {@code --hello} it only prints a line, which
 * shows what starting a JVM costs by itself.
 */
public final class ColdStartJdk {
  private ColdStartJdk() {}

  public static void main(String[] args) throws Exception {
    long start = System.nanoTime();
    if (args.length == 1 && args[0].equals("--hello")) {
      System.out.println("hello");
      return;
    }
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    args[0]
                        + "openapi/v1.0/conference/list?page=1&page_size=20"
                        + "&access_token=bench-token"))
            .header("User-Agent", "bench")
            .build();
    HttpResponse<InputStream> response =
        http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("HTTP " + response.statusCode());
    }
    BenchWire.ConferencePage page;
    try (BufferedSource body = Okio.buffer(Okio.source(response.body()))) {
      page = BenchWire.decodeConferenceList(body);
    }
    ColdStartOutput.print(page.data(), page.totalNumber(), start);
  }
}
