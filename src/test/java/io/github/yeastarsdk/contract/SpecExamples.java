package io.github.yeastarsdk.contract;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.Yaml;

/** Reads the names of the named examples straight from openapi/openapi.yaml. */
final class SpecExamples {
  private SpecExamples() {}

  @SuppressWarnings("unchecked")
  static List<String> conferenceListExamples() {
    try (Reader in =
        Files.newBufferedReader(PrismExtension.projectRoot().resolve("openapi/openapi.yaml"))) {
      Map<String, Object> spec = new Yaml().load(in);
      Map<String, Object> node = spec;
      for (String key :
          List.of(
              "paths",
              "/openapi/v1.0/conference/list",
              "get",
              "responses",
              "200",
              "content",
              "application/json",
              "examples")) {
        node = (Map<String, Object>) node.get(key);
      }
      return new ArrayList<>(node.keySet());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read openapi/openapi.yaml", e);
    }
  }
}
