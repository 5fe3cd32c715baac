package io.github.yeastarsdk.errors;

import io.github.yeastarsdk.InvalidParam;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The PBX answered with a non-zero {@code errcode}. Subclasses name the codes that callers act on
 * (the spec's errcode table, {@code x-errcodes}, says which code becomes which); every other code
 * arrives as this type, with its number in {@link #errcode()}. The texts are the server's, with any
 * secret it echoed masked.
 */
public class ApiErrorException extends YeastarException {
  /** What the PBX said. */
  private final ApiError error;

  /**
   * For callers' own tests; the SDK builds the subclass that the errcode maps to.
   *
   * @param error what the PBX said
   */
  public ApiErrorException(ApiError error) {
    super(Objects.requireNonNull(error, "error == null").toString(), null);
    this.error = error;
  }

  /**
   * What the PBX said, as one value.
   *
   * @return the error
   */
  public ApiError error() {
    return error;
  }

  /**
   * The PBX's error code.
   *
   * @return the code, for example 10004
   */
  public int errcode() {
    return error.errcode();
  }

  /**
   * The PBX's error text, with any secret it echoed masked.
   *
   * @return the text, for example {@code TOKEN EXPIRED}; null if the answer had none
   */
  public @Nullable String errmsg() {
    return error.errmsg();
  }

  /**
   * The more specific message that the PBX adds to some failures, with any secret masked.
   *
   * @return the message; null if the PBX added none
   */
  public @Nullable String submsg() {
    return error.submsg();
  }

  /**
   * The parameters that the PBX rejected.
   *
   * @return the rejected parameters, unmodifiable; empty unless the PBX listed some
   */
  public List<InvalidParam> invalidParams() {
    return error.invalidParams();
  }
}
