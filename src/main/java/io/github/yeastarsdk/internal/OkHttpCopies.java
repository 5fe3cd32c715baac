package io.github.yeastarsdk.internal;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Warns, once per JVM, when OkHttp's classes are on the class path more than once. Maven cannot
 * mediate between OkHttp 4's {@code okhttp} and OkHttp 5's {@code okhttp-jvm} (different
 * coordinates), so an application that declares okhttp-jvm 5 without managing {@code okhttp} gets
 * both, and which one runs depends on the class path's order. The SDK cannot remove the second
 * copy; it can name both and the fix.
 */
public final class OkHttpCopies {
  private static final String CLASS_FILE = "okhttp3/OkHttpClient.class";
  private static final AtomicBoolean CHECKED = new AtomicBoolean();

  private OkHttpCopies() {}

  /** Logs the warning under the SDK's logger if {@link #find} sees more than one copy. */
  public static void warnOnce() {
    if (!CHECKED.compareAndSet(false, true)) {
      return;
    }
    List<String> copies = find(OkHttpCopies.class.getClassLoader());
    if (copies.size() > 1) {
      System.getLogger(HttpLogSink.NAME).log(Level.WARNING, message(copies));
    }
  }

  /** Where {@code loader} finds OkHttpClient's class file: one entry per copy. */
  static List<String> find(ClassLoader loader) {
    if (loader == null) {
      return List.of();
    }
    try {
      List<String> copies = new ArrayList<>();
      for (URL url : Collections.list(loader.getResources(CLASS_FILE))) {
        String location = url.toString();
        int bang = location.indexOf("!/");
        copies.add(bang < 0 ? location : location.substring(0, bang));
      }
      return copies;
    } catch (IOException e) {
      return List.of(); // nothing to warn about that we could name
    }
  }

  static String message(List<String> copies) {
    return "OkHttp is on the class path "
        + copies.size()
        + " times "
        + copies
        + ": which one runs depends on the order of the class path. On OkHttp 5 (okhttp-jvm),"
        + " import com.squareup.okhttp3:okhttp-bom at your version, or exclude"
        + " com.squareup.okhttp3:okhttp from io.github.yeastarsdk:yeastar-conference-sdk";
  }
}
