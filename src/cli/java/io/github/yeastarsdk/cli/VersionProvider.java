package io.github.yeastarsdk.cli;

import io.github.yeastarsdk.YeastarClient;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * {@code --version}: the tool's version (the SDK's, built together), and the OkHttp and Java it
 * runs on, which is what a bug report needs.
 */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() throws IOException {
    Properties sdk = new Properties();
    try (InputStream in = YeastarClient.class.getResourceAsStream("sdk.properties")) {
      if (in != null) {
        sdk.load(in);
      }
    }
    return new String[] {
      "list-conferences " + sdk.getProperty("version", "(unknown version)"),
      "OkHttp " + okHttpVersion() + ", Java " + Runtime.version()
    };
  }

  /** Read at run time: OkHttp.VERSION is a constant, which the compiler would copy in. */
  private static String okHttpVersion() {
    try {
      return String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
    } catch (ReflectiveOperationException | LinkageError e) {
      return "(unknown version)";
    }
  }
}
