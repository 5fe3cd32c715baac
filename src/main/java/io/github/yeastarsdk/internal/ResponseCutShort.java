package io.github.yeastarsdk.internal;

import io.github.yeastarsdk.errors.IncompleteResponseException;
import java.io.IOException;

/**
 * Reading a response body failed after its status and headers had arrived: the answer was cut
 * short. An IOException so that OkHttp and Retrofit pass it on as it is; {@link FailureMapper}
 * makes it an {@link IncompleteResponseException}, whatever the I/O failure was.
 */
public final class ResponseCutShort extends IOException {
  public ResponseCutShort(IOException cause) {
    super(cause.getMessage(), cause);
  }
}
