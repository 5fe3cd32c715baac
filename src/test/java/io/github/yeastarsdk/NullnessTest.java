package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.errors.ApiErrorException;
import io.github.yeastarsdk.errors.MalformedResponseException;
import java.io.IOException;
import java.io.Reader;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The nullness that the types state follows the spec: a model's property is {@code @Nullable}
 * exactly when the spec does not list it in {@code required} and it is not an array (an absent
 * array reads as an empty list). JSpecify's annotations are kept at run time, so the compiled
 * classes are checked, not the templates.
 */
class NullnessTest {
  @Test
  void thePackageIsNullMarked() {
    assertThat(YeastarClient.class.getPackage().isAnnotationPresent(NullMarked.class)).isTrue();
  }

  @Test
  void everyModelPropertyIsNullableExactlyWhenTheSpecLetsItBeAbsent() throws Exception {
    Map<String, Object> schemas = schemas();
    int checked = 0;
    for (Map.Entry<String, Object> schema : schemas.entrySet()) {
      Map<String, Map<String, Object>> properties = new LinkedHashMap<>();
      List<String> required = new ArrayList<>();
      collect(asMap(schema.getValue()), schemas, properties, required);
      if (properties.isEmpty()) {
        continue; // a string enum: no components
      }
      Class<?> model = model(schema.getKey());
      assertThat(model.isRecord()).as(model.getName()).isTrue();
      for (Map.Entry<String, Map<String, Object>> property : properties.entrySet()) {
        RecordComponent component = component(model, camel(property.getKey()));
        boolean mayBeAbsent =
            !required.contains(property.getKey())
                && !"array".equals(property.getValue().get("type"));
        String what = model.getSimpleName() + "." + component.getName();
        assertThat(nullable(component.getAnnotatedType())).as(what).isEqualTo(mayBeAbsent);
        assertThat(nullable(component.getAccessor().getAnnotatedReturnType()))
            .as(what + "()")
            .isEqualTo(mayBeAbsent);
        if (!mayBeAbsent && property.getValue().get("type") != null) {
          // Required scalars of the spec's integer type stay primitive.
          if ("integer".equals(property.getValue().get("type"))) {
            assertThat(component.getType()).as(what).isEqualTo(int.class);
          }
        }
        checked++;
      }
    }
    // The spec's models have over thirty properties; a filter that found none would prove nothing.
    assertThat(checked).isGreaterThanOrEqualTo(20);
  }

  @Test
  void optionalParametersAnswerWithOptionalAndRequiredOnesWithPrimitives() throws Exception {
    assertThat(ConferenceListParams.class.getMethod("page").getReturnType()).isEqualTo(int.class);
    assertThat(ConferenceListParams.class.getMethod("pageSize").getReturnType())
        .isEqualTo(int.class);
    assertThat(ConferenceListParams.class.getMethod("sortBy").getReturnType())
        .isEqualTo(Optional.class);
    assertThat(ConferenceListParams.class.getMethod("orderBy").getReturnType())
        .isEqualTo(Optional.class);
    Method setter =
        ConferenceListParams.Builder.class.getMethod("sortBy", ConferenceSortField.class);
    assertThat(nullable(setter.getAnnotatedParameterTypes()[0])).isTrue();
    ConferenceListParams params = ConferenceListParams.builder().build();
    assertThat(params.sortBy()).isEmpty();
    assertThat(params.withSortBy(ConferenceSortField.NAME).sortBy())
        .contains(ConferenceSortField.NAME);
  }

  @Test
  void pageTotalIsAnOptionalIntAndExceptionTextsAreNullable() throws Exception {
    assertThat(Page.class.getMethod("totalNumber").getReturnType()).isEqualTo(OptionalInt.class);
    assertThat(nullable(ApiErrorException.class.getMethod("errmsg").getAnnotatedReturnType()))
        .isTrue();
    assertThat(nullable(ApiErrorException.class.getMethod("submsg").getAnnotatedReturnType()))
        .isTrue();
    assertThat(
            nullable(ApiErrorException.class.getMethod("invalidParams").getAnnotatedReturnType()))
        .isFalse();
    assertThat(
            nullable(MalformedResponseException.class.getMethod("path").getAnnotatedReturnType()))
        .isTrue();
  }

  private static boolean nullable(AnnotatedType type) {
    return type.isAnnotationPresent(Nullable.class);
  }

  private static RecordComponent component(Class<?> model, String name) {
    for (RecordComponent component : model.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    throw new AssertionError(model.getName() + " has no component " + name);
  }

  /** The properties and required names of a schema, through {@code allOf} and {@code $ref}. */
  private static void collect(
      Map<String, Object> schema,
      Map<String, Object> schemas,
      Map<String, Map<String, Object>> properties,
      List<String> required) {
    Object ref = schema.get("$ref");
    if (ref != null) {
      String name = ref.toString().substring(ref.toString().lastIndexOf('/') + 1);
      collect(asMap(schemas.get(name)), schemas, properties, required);
    }
    Object allOf = schema.get("allOf");
    if (allOf != null) {
      for (Object part : (List<?>) allOf) {
        collect(asMap(part), schemas, properties, required);
      }
    }
    Object own = schema.get("properties");
    if (own != null) {
      for (Map.Entry<String, Object> property : asMap(own).entrySet()) {
        properties.put(property.getKey(), asMap(property.getValue()));
      }
    }
    Object names = schema.get("required");
    if (names != null) {
      for (Object name : (List<?>) names) {
        required.add(name.toString());
      }
    }
  }

  private static Map<String, Object> schemas() throws IOException {
    Path spec =
        Path.of(System.getProperty("project.root", "."))
            .toAbsolutePath()
            .resolve("openapi/openapi.yaml");
    try (Reader in = Files.newBufferedReader(spec)) {
      Map<String, Object> root = new Yaml().load(in);
      return asMap(asMap(root.get("components")).get("schemas"));
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> asMap(Object value) {
    return (Map<String, Object>) value;
  }

  private static String camel(String name) {
    StringBuilder out = new StringBuilder();
    boolean upper = false;
    for (char c : name.toCharArray()) {
      if (c == '_') {
        upper = true;
      } else {
        out.append(upper ? Character.toUpperCase(c) : c);
        upper = false;
      }
    }
    return out.toString();
  }

  /** A model of the spec: public ones in the root package, wire-only ones in internal. */
  private static Class<?> model(String name) throws ClassNotFoundException {
    try {
      return Class.forName("io.github.yeastarsdk." + name);
    } catch (ClassNotFoundException wireOnly) {
      return Class.forName("io.github.yeastarsdk.internal." + name);
    }
  }
}
