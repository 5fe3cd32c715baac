/**
 * The Yeastar conference SDK. A module, not only an automatic module name, because OkHttp and the
 * Kotlin standard library are explicit modules that no automatic module can pull into the module
 * graph: without these {@code requires}, the first call fails on the module path.
 */
module io.github.yeastarsdk {
  requires transitive okhttp3; // OkHttpClient is part of the builder's API
  // Named here, not only through okhttp3: OkHttp 4.12 is an automatic module, read by nothing.
  requires okio;
  requires transitive com.squareup.moshi; // YeastarJson.moshi() returns a Moshi
  requires retrofit2;
  requires retrofit2.converter.moshi;
  requires kotlin.stdlib;
  requires static transitive org.jspecify;

  exports io.github.yeastarsdk;
  exports io.github.yeastarsdk.errors;
// io.github.yeastarsdk.internal is not exported: the machinery is not part of the API.
}
