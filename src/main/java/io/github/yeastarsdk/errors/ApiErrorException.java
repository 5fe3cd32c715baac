package io.github.yeastarsdk.errors;

import io.github.yeastarsdk.InvalidParam;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The PBX answered with a non-zero {@code errcode}. Subclasses name the codes that callers act on
 * (the spec's errcode table, {@code x-errcodes}, says which code becomes which); every other code
 * arrives as this type, with its number in {@link #errcode()}. The texts are the server's, with any
 * secret it echoed masked.
 */
public class ApiErrorException extends YeastarException {
  /** The PBX's error code. */
  private final int errcode;

  /** The PBX's error text, redacted; null if the answer had none. */
  private final @Nullable String errmsg;

  /** The PBX's more specific message, redacted; null if it added none. */
  private final @Nullable String submsg;

  /** The rejected parameters; empty if none were listed. */
  private final List<InvalidParam> invalidParams;

  /**
   * For callers' own tests; the SDK builds the subclass that {@code errcode} maps to.
   *
   * @param errcode the PBX's error code, for example 60001
   * @param errmsg the PBX's error text, or null when the answer had none
   * @param submsg the PBX's more specific message, or null when the answer had none
   * @param invalidParams the rejected parameters; null reads as none
   */
  public ApiErrorException(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {
    super(describe(errcode, errmsg, submsg, invalidParams), null);
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.submsg = submsg;
    this.invalidParams = invalidParams == null ? List.of() : List.copyOf(invalidParams);
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
   * The PBX's error text, with any secret it echoed masked.
   *
   * @return the text, for example {@code TOKEN EXPIRED}; null if the answer had none
   */
  public @Nullable String errmsg() {
    return errmsg;
  }

  /**
   * The more specific message that the PBX adds to some failures, with any secret masked.
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

  private static String describe(
      int errcode,
      @Nullable String errmsg,
      @Nullable String submsg,
      @Nullable List<InvalidParam> invalidParams) {
    StringBuilder message = new StringBuilder("errcode ").append(errcode);
    if (errmsg != null) {
      message.append(' ').append(errmsg);
    }
    if (submsg != null) {
      message.append(": ").append(submsg);
    }
    for (InvalidParam param : invalidParams == null ? List.<InvalidParam>of() : invalidParams) {
      message.append("; invalid parameter ").append(param.field());
      if (param.validationType() != null) {
        message.append(" (").append(param.validationType()).append(')');
      }
    }
    return message.toString();
  }
}
