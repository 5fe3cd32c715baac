package io.github.yeastarsdk.errors;

import io.github.yeastarsdk.InvalidParam;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the PBX said when it refused a call: its {@code errcode} and texts, as an {@link
 * ApiErrorException} carries them. The texts are the server's, with any secret it echoed masked.
 */
public final class ApiError {
  private final int errcode;
  private final @Nullable String errmsg;
  private final @Nullable String submsg;
  private final List<InvalidParam> invalidParams;

  /**
   * For callers' own tests; the SDK masks secrets in the texts before it gets here.
   *
   * @param errcode the PBX's error code, for example 60001
   * @param errmsg the PBX's error text, or null when the answer had none
   * @param submsg the PBX's more specific message, or null when the answer had none
   * @param invalidParams the rejected parameters; null reads as none
   */
  public ApiError(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.submsg = submsg;
    this.invalidParams = invalidParams == null ? List.of() : List.copyOf(invalidParams);
  }

  /**
   * An error with only a code and a text, for a caller's fake.
   *
   * @param errcode the PBX's error code, for example 10004
   * @param errmsg the PBX's error text, for example {@code TOKEN EXPIRED}
   * @return the error
   */
  public static ApiError of(int errcode, String errmsg) {
    return new ApiError(errcode, Objects.requireNonNull(errmsg, "errmsg == null"), null, null);
  }

  /**
   * The PBX's error code.
   *
   * @return the code, for example 10004
   */
  public int errcode() {
    return errcode;
  }

  /**
   * The PBX's error text.
   *
   * @return the text, for example {@code TOKEN EXPIRED}; null if the answer had none
   */
  public @Nullable String errmsg() {
    return errmsg;
  }

  /**
   * The more specific message that the PBX adds to some failures.
   *
   * @return the message; null if the PBX added none
   */
  public @Nullable String submsg() {
    return submsg;
  }

  /**
   * The parameters that the PBX rejected.
   *
   * @return the rejected parameters, unmodifiable; empty unless the PBX listed some
   */
  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }

  /** For example {@code errcode 40002 PARAMETER ERROR: page_size; invalid parameter page_size}. */
  @Override
  public String toString() {
    StringBuilder message = new StringBuilder("errcode ").append(errcode);
    if (errmsg != null) {
      message.append(' ').append(errmsg);
    }
    if (submsg != null) {
      message.append(": ").append(submsg);
    }
    for (InvalidParam param : invalidParams) {
      message.append("; invalid parameter ").append(param.field());
      if (param.validationType() != null) {
        message.append(" (").append(param.validationType()).append(')');
      }
    }
    return message.toString();
  }
}
