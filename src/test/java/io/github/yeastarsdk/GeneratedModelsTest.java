package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.yeastarsdk.contract.SeedExample;
import io.github.yeastarsdk.internal.ConferenceListResponse;
import io.github.yeastarsdk.internal.GeneratedJsonAdapters;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GeneratedModelsTest {
  private final JsonAdapter<ConferenceListResponse> adapter =
      new Moshi.Builder()
          .add(GeneratedJsonAdapters.INSTANCE)
          .build()
          .adapter(ConferenceListResponse.class);

  static String seedJson() throws IOException {
    try (InputStream in = GeneratedModelsTest.class.getResourceAsStream("/seed-response.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  static ConferenceListResponse seedValue() {
    return new ConferenceListResponse(
        0, "SUCCESS", List.of(), null, SeedExample.TOTAL_NUMBER, SeedExample.conferences());
  }

  @Test
  void seedExampleDecodesToTheSeedValues() throws IOException {
    assertThat(adapter.fromJson(seedJson())).isEqualTo(seedValue());
  }

  @Test
  void encodeThenDecodeGivesTheSameValue() throws IOException {
    ConferenceListResponse value = seedValue();
    String json = adapter.toJson(value);
    assertThat(json).contains("\"total_number\":3", "\"moderator_list\"", "\"type\":\"extension\"");
    assertThat(adapter.fromJson(json)).isEqualTo(value);
  }

  @Test
  void unknownModeratorTypeKeepsItsWireValueThroughYeastarJson() throws IOException {
    String json =
        "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":9,\"name\":\"N\",\"number\":\"1\","
            + "\"moderator_list\":[{\"id\":\"1\",\"name\":\"Q\",\"type\":\"ring_group\"}]}]}";
    JsonAdapter<ConferenceListResponse> json2 =
        YeastarJson.moshi().adapter(ConferenceListResponse.class);
    ConferenceListResponse decoded = json2.fromJson(json);
    ModeratorType type = decoded.data().get(0).moderatorList().get(0).type();
    assertThat(type.isKnown()).isFalse();
    assertThat(type.known()).isEqualTo(ModeratorType.Known.UNKNOWN);
    assertThat(type.value()).isEqualTo("ring_group");
    assertThat(type).isEqualTo(ModeratorType.of("ring_group")).hasToString("ring_group");
    assertThat(json2.toJson(decoded)).contains("\"type\":\"ring_group\"");
    assertThat(json2.fromJson(json2.toJson(decoded))).isEqualTo(decoded);
  }

  @Test
  void knownModeratorTypesAreTheConstantsAndSwitchOnKnown() throws IOException {
    Moderator moderator =
        YeastarJson.moshi()
            .adapter(Moderator.class)
            .fromJson("{\"id\":\"7\",\"name\":\"Sales\",\"type\":\"ext_group\"}");
    assertThat(moderator.type()).isSameAs(ModeratorType.EXT_GROUP);
    String kind =
        switch (moderator.type().known()) {
          case EXTENSION -> "one extension";
          case EXT_GROUP -> "a group";
          case UNKNOWN -> "something new";
        };
    assertThat(kind).isEqualTo("a group");
  }

  @Test
  void requestEnumsReadOnlyTheirOwnValues() {
    assertThatThrownBy(() -> YeastarJson.moshi().adapter(SortOrder.class).fromJson("\"up\""))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("up");
  }

  @Test
  void missingErrcodeFailsNamingTheField() {
    assertThatThrownBy(() -> adapter.fromJson("{\"errmsg\":\"SUCCESS\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'errcode'")
        .hasMessageContaining("$");
  }

  @Test
  void missingNestedRequiredFieldNamesItsPath() {
    assertThatThrownBy(
            () ->
                adapter.fromJson(
                    "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":1,\"name\":\"A\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'number'")
        .hasMessageContaining("$.data[0]");
  }

  @Test
  void unknownFieldsAreKeptAndWrittenBackThroughYeastarJson() throws IOException {
    JsonAdapter<ConferenceListResponse> json =
        YeastarJson.moshi().adapter(ConferenceListResponse.class);
    ConferenceListResponse decoded =
        json.fromJson(
            "{\"errcode\":0,\"new_top\":{\"a\":[1,2.50,12345678901234567890]},\"errmsg\":\"SUCCESS\","
                + "\"total_number\":1,\"data\":[{\"id\":1,\"name\":\"A\",\"number\":\"1\","
                + "\"room_pin\":\"0420\",\"recording\":true}],\"extra\":null}");
    assertThat(decoded.additionalProperties())
        .containsOnlyKeys("new_top", "extra")
        .containsEntry("extra", null)
        .containsEntry(
            "new_top",
            Map.of(
                "a",
                List.of(
                    new BigDecimal("1"),
                    new BigDecimal("2.50"),
                    new BigDecimal("12345678901234567890"))));
    Conference conference = decoded.data().get(0);
    assertThat(conference.additionalProperties())
        .containsExactly(Map.entry("room_pin", "0420"), Map.entry("recording", true));
    assertThat(conference.toString()).contains("additionalProperties=[room_pin, recording]");

    String encoded = json.toJson(decoded);
    assertThat(encoded)
        .contains(
            "\"new_top\":{\"a\":[1,2.50,12345678901234567890]}",
            "\"extra\":null",
            "\"room_pin\":\"0420\",\"recording\":true");
    assertThat(json.fromJson(encoded)).isEqualTo(decoded);
  }

  @Test
  void modelsWithoutUnknownFieldsHaveAnEmptyMap() throws IOException {
    assertThat(adapter.fromJson(seedJson()).additionalProperties()).isEmpty();
    assertThat(new Moderator("1", "A", ModeratorType.EXTENSION).additionalProperties()).isEmpty();
  }

  @Test
  void additionalPropertiesAreCheckedAndCopied() {
    Map<String, Object> fields = new java.util.HashMap<>();
    fields.put("room_pin", "1");
    Moderator moderator = new Moderator("1", "A", ModeratorType.EXTENSION, fields);
    fields.put("later", "x");
    assertThat(moderator.additionalProperties()).containsOnlyKeys("room_pin");
    assertThatThrownBy(() -> moderator.additionalProperties().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> new Moderator("1", "A", ModeratorType.EXTENSION, Map.of("name", "B")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'name'");
    assertThatThrownBy(
            () -> new Moderator("1", "A", ModeratorType.EXTENSION, Map.of("when", new Object())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a JSON value");
  }

  @Test
  void nullOptionalFieldsReadAsAbsent() throws IOException {
    ConferenceListResponse decoded =
        adapter.fromJson(
            "{\"errcode\":10004,\"errmsg\":\"TOKEN EXPIRED\",\"total_number\":null,\"data\":null}");
    assertThat(decoded.totalNumber()).isNull();
    assertThat(decoded.data()).isEmpty();
  }

  @Test
  void nullRequiredFieldFailsNamingIt() {
    assertThatThrownBy(() -> adapter.fromJson("{\"errcode\":0,\"errmsg\":null}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'errmsg' was null")
        .hasMessageContaining("$.errmsg");
  }

  @Test
  void nullListElementFailsNamingItsPath() {
    assertThatThrownBy(
            () -> adapter.fromJson("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[null]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.data[0]");
  }

  @Test
  void wrongJsonTypeFailsInsteadOfBeingCoerced() {
    assertThatThrownBy(
            () ->
                adapter.fromJson(
                    "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":1,\"name\":\"A\","
                        + "\"number\":6500}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("Expected STRING but was NUMBER")
        .hasMessageContaining("$.data[0].number");
    assertThatThrownBy(() -> adapter.fromJson("{\"errcode\":\"0\",\"errmsg\":\"SUCCESS\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("Expected NUMBER but was STRING");
  }

  @Test
  void errorFieldsDecode() throws IOException {
    ConferenceListResponse decoded =
        adapter.fromJson(
            "{\"errcode\":40002,\"errmsg\":\"PARAMETER ERROR\",\"invalid_param_list\":"
                + "[{\"field\":\"page_size\",\"validation_type\":\"required\"}]}");
    assertThat(decoded.invalidParamList())
        .containsExactly(new InvalidParam("page_size", "required", null));
  }

  @Test
  void modelsAreImmutable() {
    ConferenceListResponse value = seedValue();
    assertThatThrownBy(() -> value.data().clear())
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void requiredValuesAreCheckedOnConstruction() {
    assertThatThrownBy(() -> new Moderator(null, "A", ModeratorType.EXTENSION))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("id == null");
  }

  @Test
  void enumsSendTheirWireValues() {
    assertThat(ConferenceSortField.NAME.toString()).isEqualTo("name");
    assertThat(SortOrder.DESC.toString()).isEqualTo("desc");
    assertThat(ModeratorType.of("ext_group")).isSameAs(ModeratorType.EXT_GROUP);
    assertThat(ModeratorType.EXTENSION.value()).isEqualTo("extension");
    assertThatThrownBy(() -> ModeratorType.of(null)).isInstanceOf(NullPointerException.class);
  }
}
