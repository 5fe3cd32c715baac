package io.github.yeastarsdk;

import java.util.List;

/**
 * The PBX answered with a non-zero {@code errcode}. Subclasses name the codes that callers act on
 * (the spec's errcode table, {@code x-errcodes}, says which code becomes which); every other code
 * arrives as this type, with its number in {@link #errcode()}.
 */
public class ApiErrorException extends YeastarException {
  private final int errcode;
  private final String errmsg;
  private final List<InvalidParam> invalidParams;

  ApiErrorException(int errcode, String errmsg, List<InvalidParam> invalidParams) {
    super(describe(errcode, errmsg, invalidParams), null);
    this.errcode = errcode;
    this.errmsg = errmsg;
    this.invalidParams = List.copyOf(invalidParams);
  }

  /** The PBX's error code, for example 10004. */
  public int errcode() {
    return errcode;
  }

  /** The PBX's error text, for example {@code TOKEN EXPIRED}. */
  public String errmsg() {
    return errmsg;
  }

  /** The parameters that the PBX rejected; empty unless it listed some. */
  public List<InvalidParam> invalidParams() {
    return invalidParams;
  }

  private static String describe(int errcode, String errmsg, List<InvalidParam> invalidParams) {
    StringBuilder message =
        new StringBuilder("errcode ").append(errcode).append(' ').append(errmsg);
    for (InvalidParam param : invalidParams) {
      message.append("; invalid parameter ").append(param.field());
      if (param.validationType() != null) {
        message.append(" (").append(param.validationType()).append(')');
      }
    }
    return message.toString();
  }
}
