package io.github.yeastarsdk.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two OkHttps on one class path are found and named, with the fix; one is not. */
class OkHttpCopiesTest {
  @TempDir Path dir;

  private Path jar(String name) throws IOException {
    Path jar = dir.resolve(name);
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new ZipEntry("okhttp3/OkHttpClient.class"));
      out.write(new byte[] {(byte) 0xca, (byte) 0xfe});
      out.closeEntry();
    }
    return jar;
  }

  @Test
  void twoJarsHoldingOkHttpAreBothNamedWithTheFix() throws IOException {
    Path four = jar("okhttp-4.12.0.jar");
    Path five = jar("okhttp-jvm-5.5.1.jar");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {four.toUri().toURL(), five.toUri().toURL()}, null)) {
      List<String> copies = OkHttpCopies.find(loader);
      assertThat(copies).hasSize(2);
      assertThat(copies.get(0)).endsWith("okhttp-4.12.0.jar");
      assertThat(copies.get(1)).endsWith("okhttp-jvm-5.5.1.jar");
      assertThat(OkHttpCopies.message(copies))
          .startsWith("OkHttp is on the class path 2 times")
          .contains("okhttp-4.12.0.jar", "okhttp-jvm-5.5.1.jar", "okhttp-bom", "exclude");
    }
  }

  @Test
  void theTestsOwnClassPathHasOneOkHttp() {
    assertThat(OkHttpCopies.find(getClass().getClassLoader()))
        .singleElement()
        .asString()
        .contains("okhttp-jvm-5.5.1.jar");
  }
}
