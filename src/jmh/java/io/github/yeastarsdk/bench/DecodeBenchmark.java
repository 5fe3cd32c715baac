package io.github.yeastarsdk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonReader;
import com.squareup.moshi.Moshi;
import io.github.yeastarsdk.BenchConverter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import okhttp3.ResponseBody;
import okio.Buffer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import retrofit2.Converter;

/**
 * Decoding one conference/list body from bytes, as each library's Retrofit converter would: the
 * SDK's converter (its generated decoders over its own reader), the stock generator's Gson models,
 * Moshi's and Jackson's reflective records, and Moshi skipping the whole document (the floor of any
 * decoder built on Moshi's reader).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
// A fixed heap, so that GC sizing does not vary between forks on a 2-core machine.
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class DecodeBenchmark {
  @Param({"10", "1000"})
  public int conferences;

  private byte[] body;
  private Converter<ResponseBody, ?> sdk;
  private TypeAdapter<io.github.yeastarsdk.bench.stock.model.ConferenceListResponse> stockGson;
  private Gson gson;
  private JsonAdapter<ReflectiveModels.Response> moshiRecords;
  private ObjectMapper jackson;

  @Setup
  public void setUp() {
    body = BenchData.page(1, conferences, conferences);
    sdk = BenchConverter.conferenceList();
    gson = new io.github.yeastarsdk.bench.stock.JSON().getGson();
    stockGson =
        gson.getAdapter(io.github.yeastarsdk.bench.stock.model.ConferenceListResponse.class);
    moshiRecords = new Moshi.Builder().build().adapter(ReflectiveModels.Response.class);
    jackson = new ObjectMapper();
  }

  /** The body, for the profiling tool. */
  byte[] body() {
    return body;
  }

  /** The body size, for the report. */
  public int bodyBytes() {
    return body.length;
  }

  @Benchmark
  public Object sdkGeneratedAdapters() throws IOException {
    // What the SDK's Retrofit converter does with a response body.
    return BenchConverter.decode(sdk, body);
  }

  @Benchmark
  public Object stockGeneratorGson() throws IOException {
    // What GsonConverterFactory does with a response body.
    return stockGson.read(
        gson.newJsonReader(
            new InputStreamReader(new ByteArrayInputStream(body), StandardCharsets.UTF_8)));
  }

  @Benchmark
  public ReflectiveModels.Response moshiReflectiveRecords() throws IOException {
    return moshiRecords.fromJson(new Buffer().write(body));
  }

  @Benchmark
  public ReflectiveModels.Response jacksonRecords() throws IOException {
    return jackson.readValue(body, ReflectiveModels.Response.class);
  }

  @Benchmark
  public JsonReader moshiSkipDocumentFloor() throws IOException {
    JsonReader reader = JsonReader.of(new Buffer().write(body));
    reader.skipValue();
    return reader;
  }
}
