package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.Moshi;
import io.github.yeastarsdk.internal.ConferenceListResponse;
import io.github.yeastarsdk.internal.GeneratedJsonAdapters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lists that the adapters decode reach the model without a second copy, yet stay immutable, and the
 * models' constructors still copy a list that a caller can change.
 */
class DecodedListsTest {
  private final JsonAdapter<ConferenceListResponse> adapter =
      new Moshi.Builder()
          .add(GeneratedJsonAdapters.INSTANCE)
          .build()
          .adapter(ConferenceListResponse.class);

  private static String body(int conferences) {
    StringBuilder json = new StringBuilder("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[");
    for (int i = 1; i <= conferences; i++) {
      json.append(i > 1 ? "," : "")
          .append("{\"id\":")
          .append(i)
          .append(",\"name\":\"Room ")
          .append(i)
          .append("\",\"number\":\"65")
          .append(i)
          .append("\"}");
    }
    return json.append("]}").toString();
  }

  @Test
  void everyLengthDecodesInOrderAndImmutable() throws IOException {
    for (int count : new int[] {0, 1, 2, 3, 8, 9, 17}) {
      List<Conference> data = adapter.fromJson(body(count)).data();
      assertThat(data).hasSize(count);
      for (int i = 0; i < count; i++) {
        assertThat(data.get(i).id()).isEqualTo(i + 1);
        assertThat(data.get(i).name()).isEqualTo("Room " + (i + 1));
      }
      assertThatThrownBy(() -> data.add(null)).isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> data.set(0, null)).isInstanceOf(UnsupportedOperationException.class);
      assertThat(data).isEqualTo(new ArrayList<>(data)).hasSameHashCodeAs(new ArrayList<>(data));
      assertThatThrownBy(() -> data.get(count)).isInstanceOf(IndexOutOfBoundsException.class);
    }
  }

  @Test
  void aDecodedListIsKeptAsItIsAndAMutableOneIsCopied() throws IOException {
    ConferenceListResponse decoded = adapter.fromJson(body(5));
    ConferenceListResponse rebuilt = decoded.toBuilder().build();
    assertThat(rebuilt.data()).isSameAs(decoded.data());

    List<Conference> mutable = new ArrayList<>(decoded.data());
    ConferenceListResponse copied = decoded.toBuilder().data(mutable).build();
    mutable.clear();
    assertThat(copied.data()).hasSize(5).isNotSameAs(mutable);
  }

  @Test
  void aNullElementAfterTheSecondFailsNamingItsPath() {
    String json = body(3).replace("]}", ",null]}");
    assertThatThrownBy(() -> adapter.fromJson(json))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.data[3]");
  }

  @Test
  void requiredNumbersFailOnNullAndOnAbsenceNamingTheirPath() {
    assertThatThrownBy(
            () ->
                adapter.fromJson(
                    "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"id\":null,"
                        + "\"name\":\"A\",\"number\":\"6500\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'id' was null")
        .hasMessageContaining("$.data[0].id");
    assertThatThrownBy(
            () ->
                adapter.fromJson(
                    "{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"data\":[{\"name\":\"A\","
                        + "\"number\":\"6500\"}]}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'id' missing")
        .hasMessageContaining("$.data[0]");
    assertThatThrownBy(() -> adapter.fromJson("{\"errmsg\":\"SUCCESS\"}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("'errcode' missing");
  }
}
