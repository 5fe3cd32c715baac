package io.github.yeastarsdk.internal;

/**
 * Checks a header before it is stored, so that a bad one fails where it is set, not on the call.
 * OkHttp checks the same when the request is built, but its message quotes the value of any header
 * it does not know as sensitive, and a caller's extra header may well be a credential.
 */
public final class HeaderChecks {
  /** The characters of an HTTP token (RFC 9110, section 5.6.2) besides letters and digits. */
  private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

  private HeaderChecks() {}

  public static void checkName(String name) {
    if (name.isEmpty()) {
      throw new IllegalArgumentException("header name is empty");
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || TOKEN_SYMBOLS.indexOf(c) >= 0;
      if (!ok) {
        throw new IllegalArgumentException(
            "header name \""
                + name
                + "\" has a character not allowed in a header name at index "
                + i);
      }
    }
  }

  public static void checkValue(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      // What OkHttp sends: printable ASCII and tabs.
      if ((c < 0x20 && c != '\t') || c > 0x7e) {
        throw new IllegalArgumentException(
            "header " + name + " has a control or non-ASCII character in its value at index " + i);
      }
    }
  }
}
