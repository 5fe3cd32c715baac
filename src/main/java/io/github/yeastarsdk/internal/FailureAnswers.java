package io.github.yeastarsdk.internal;

import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonReader;
import io.github.yeastarsdk.InvalidParam;
import io.github.yeastarsdk.errors.ApiErrorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import okio.Buffer;
import org.jspecify.annotations.Nullable;

/**
 * Reads failure answers ({@code errcode} not 0) for {@link FailureMapper}, which decides every
 * outcome: the exception type comes from the spec's errcode table (the generated {@link Errcodes},
 * the operation's own entries first), and the server's texts are redacted first, because a gateway
 * may echo the request URL, token included, in {@code errmsg}. Both ways to a failure end here: an
 * envelope that decoded, and a body that only the lenient read below understands.
 *
 * <p>A failure answer is read leniently. A success body is decoded strictly against the spec, but a
 * failure whose {@code errmsg} is missing or whose other fields are odd still says what went wrong
 * in its {@code errcode}, and the caller needs that more than a complaint about the body's shape.
 */
public final class FailureAnswers {
  /** An errcode table generated from a spec's {@code x-errcodes}, such as {@link Errcodes}. */
  @FunctionalInterface
  public interface Table {
    ApiErrorException exception(
        String operationId,
        int errcode,
        String errmsg,
        String submsg,
        List<InvalidParam> invalidParams);
  }

  /**
   * The names of the envelope's fields and the status value that means success, as the spec's
   * {@code x-envelope-*} marks give them.
   */
  public record Fields(
      String status, int success, String message, String submessage, String details) {}

  private final Redactor redactor;
  private final Table table;
  private final Fields fields;

  /** Built by a spec's generated errcode table: {@code Errcodes.failureAnswers(redactor)}. */
  public FailureAnswers(Redactor redactor, Table table, Fields fields) {
    this.redactor = redactor;
    this.table = table;
    this.fields = fields;
  }

  /** The exception that the errcode table names for {@code failure}, its texts redacted. */
  public ApiErrorException exception(String operationId, Envelope.Failure failure) {
    List<InvalidParam> params = new ArrayList<>();
    if (failure.invalidParams() != null) {
      for (InvalidParam p : failure.invalidParams()) {
        params.add(
            new InvalidParam(
                redactor.redact(p.field()),
                redactor.redact(p.validationType()),
                redactor.redact(p.value()),
                redactJson(redactor, p.additionalProperties())));
      }
    }
    return table.exception(
        operationId,
        failure.errcode(),
        redactor.redact(failure.errmsg()),
        redactor.redact(failure.submsg()),
        params);
  }

  /** The strings in a JSON value (as {@code additionalProperties()} holds them), redacted. */
  @SuppressWarnings("unchecked")
  private static <T> T redactJson(Redactor redactor, T value) {
    if (value instanceof String text) {
      return (T) redactor.redact(text);
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((k, v) -> copy.put((String) k, redactJson(redactor, v)));
      return (T) copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>();
      list.forEach(v -> copy.add(redactJson(redactor, v)));
      return (T) copy;
    }
    return value;
  }

  /**
   * Reads {@code body}, which the spec's adapter refused, as a failure answer: a JSON object whose
   * status field ({@code errcode}) is a number other than the one for success (0). Returns null for
   * anything else, which then stays a malformed response. Values of the wrong JSON type are left
   * out; a body that breaks off after the {@code errcode} still counts.
   */
  public @Nullable ApiErrorException readLeniently(String operationId, Buffer body) {
    Integer errcode = null;
    String errmsg = null;
    String submsg = null;
    List<InvalidParam> params = new ArrayList<>();
    try (JsonReader reader = JsonReader.of(body.peek())) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        return null;
      }
      reader.beginObject();
      while (reader.hasNext()) {
        String name = reader.nextName();
        if (name.equals(fields.status())) {
          errcode = integer(text(reader));
        } else if (name.equals(fields.message())) {
          errmsg = text(reader);
        } else if (name.equals(fields.submessage())) {
          submsg = text(reader);
        } else if (name.equals(fields.details())) {
          params(reader, params);
        } else {
          reader.skipValue();
        }
      }
    } catch (IOException | JsonDataException brokenOff) {
      // Keep what was read before the break.
    }
    if (errcode == null || errcode == fields.success()) {
      return null;
    }
    return exception(operationId, new Envelope.Failure(errcode, errmsg, submsg, params));
  }

  private static void params(JsonReader reader, List<InvalidParam> params) throws IOException {
    if (reader.peek() != JsonReader.Token.BEGIN_ARRAY) {
      reader.skipValue();
      return;
    }
    reader.beginArray();
    while (reader.hasNext()) {
      if (reader.peek() != JsonReader.Token.BEGIN_OBJECT) {
        reader.skipValue();
        continue;
      }
      String field = null;
      String validationType = null;
      String value = null;
      reader.beginObject();
      while (reader.hasNext()) {
        switch (reader.nextName()) {
          case "field" -> field = text(reader);
          case "validation_type" -> validationType = text(reader);
          case "value" -> value = text(reader);
          default -> reader.skipValue();
        }
      }
      reader.endObject();
      params.add(new InvalidParam(field, validationType, value));
    }
    reader.endArray();
  }

  /** A string or number as text; null (and skipped) for any other JSON value. */
  private static @Nullable String text(JsonReader reader) throws IOException {
    JsonReader.Token token = reader.peek();
    if (token == JsonReader.Token.STRING || token == JsonReader.Token.NUMBER) {
      return reader.nextString();
    }
    reader.skipValue();
    return null;
  }

  private static @Nullable Integer integer(@Nullable String text) {
    if (text == null) {
      return null;
    }
    try {
      return Integer.valueOf(text.trim());
    } catch (NumberFormatException notAnErrcode) {
      return null;
    }
  }
}
