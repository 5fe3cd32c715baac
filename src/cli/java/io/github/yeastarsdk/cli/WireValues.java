package io.github.yeastarsdk.cli;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.cli.CommandLine;
import org.jspecify.annotations.Nullable;

/** Reads enum options by their wire values ({@code name}, {@code desc}), as the API spells them. */
final class WireValues {
  private WireValues() {}

  /**
   * The constant whose wire value the option {@code name} gives, null when it is not given;
   * constants without a wire value (an SDK's fallback for values it does not know) are never
   * accepted.
   */
  static <E extends Enum<E>> @Nullable E of(
      CommandLine line, String name, List<E> constants, Function<E, String> wire) {
    String value = line.getOptionValue(name);
    if (value == null) {
      return null;
    }
    for (E constant : constants) {
      if (value.equals(wire.apply(constant))) {
        return constant;
      }
    }
    String accepted =
        constants.stream().map(wire).filter(Objects::nonNull).collect(Collectors.joining(", "));
    throw new UsageException("--" + name + " must be one of " + accepted + ", was '" + value + "'");
  }
}
