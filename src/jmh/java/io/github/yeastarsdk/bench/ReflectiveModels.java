package io.github.yeastarsdk.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.squareup.moshi.Json;
import java.util.List;

/**
 * The same models as plain records, for the libraries' reflective adapters: Moshi's record support
 * and Jackson's databind. Unknown fields are ignored, as ours ignore them.
 */
public final class ReflectiveModels {
  private ReflectiveModels() {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Response(
      @JsonProperty("errcode") int errcode,
      @JsonProperty("errmsg") String errmsg,
      @Json(name = "total_number") @JsonProperty("total_number") Integer totalNumber,
      @JsonProperty("data") List<Conference> data) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Conference(
      @JsonProperty("id") int id,
      @JsonProperty("name") String name,
      @JsonProperty("number") String number,
      @Json(name = "moderator_list") @JsonProperty("moderator_list")
          List<Moderator> moderatorList) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Moderator(
      @JsonProperty("id") String id,
      @JsonProperty("name") String name,
      @JsonProperty("type") String type) {}
}
