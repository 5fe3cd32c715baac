package io.github.yeastarsdk;

import com.squareup.moshi.JsonAdapter;
import io.github.yeastarsdk.internal.ApiResult;
import io.github.yeastarsdk.internal.TokenResponse;
import java.io.IOException;
import java.util.Map;
import okio.BufferedSource;

/**
 * Test access to the wire-only types, which are not public: decodes a body strictly with the
 * generated adapter of a spec schema and shows the result as JSON values.
 */
public final class WireTypes {
  private WireTypes() {}

  /** Decodes {@code body} as the spec schema {@code schema}; fails as the SDK would. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> decode(String schema, BufferedSource body) throws IOException {
    JsonAdapter<Object> adapter =
        switch (schema) {
          case "TokenResponse" ->
              (JsonAdapter<Object>) (JsonAdapter<?>) adapter(TokenResponse.class);
          case "ApiResult" -> (JsonAdapter<Object>) (JsonAdapter<?>) adapter(ApiResult.class);
          default -> throw new IllegalArgumentException("no wire type " + schema);
        };
    return (Map<String, Object>) adapter.toJsonValue(adapter.fromJson(body));
  }

  private static <T> JsonAdapter<T> adapter(Class<T> type) {
    return YeastarJson.moshi().adapter(type);
  }
}
