package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.ConferenceSortField;
import io.github.yeastarsdk.SortOrder;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads enum options by their wire values ({@code name}, {@code desc}), as the API spells them. */
final class WireValues {
  private WireValues() {}

  static final class SortField implements ITypeConverter<ConferenceSortField> {
    @Override
    public ConferenceSortField convert(String value) {
      return find(ConferenceSortField.values(), ConferenceSortField::value, value);
    }
  }

  static final class Order implements ITypeConverter<SortOrder> {
    @Override
    public SortOrder convert(String value) {
      return find(SortOrder.values(), SortOrder::value, value);
    }
  }

  /** The constant whose wire value is {@code value}; constants without one are not accepted. */
  static <E extends Enum<E>> E find(E[] constants, Function<E, String> wire, String value) {
    for (E constant : constants) {
      if (value.equals(wire.apply(constant))) {
        return constant;
      }
    }
    String accepted =
        Arrays.stream(constants)
            .map(wire)
            .filter(Objects::nonNull)
            .collect(Collectors.joining(", "));
    throw new TypeConversionException("'" + value + "' is not one of " + accepted);
  }
}
