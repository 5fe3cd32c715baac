package consumer;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The jars that this program was launched with (class path or module path) that hold a given class:
 * an application has one OkHttp and one Okio when exactly one jar holds each. Jars are looked into
 * rather than matched by name, because OkHttp 5's "okhttp" and OkHttp 4's "okio" jars hold only
 * Kotlin metadata, while "okhttp-jvm" and "okio-jvm" hold the classes.
 */
final class ClassPathJars {
  private ClassPathJars() {}

  /** The file names of the launch path's jars that contain {@code classFile}, in path order. */
  static List<String> holding(String classFile) throws IOException {
    List<String> found = new ArrayList<>();
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      String path = System.getProperty(property, "");
      for (String entry : path.split(File.pathSeparator)) {
        if (!entry.endsWith(".jar")) {
          continue;
        }
        try (JarFile jar = new JarFile(entry)) {
          if (jar.getEntry(classFile) != null) {
            found.add(new File(entry).getName());
          }
        }
      }
    }
    return found;
  }

  /**
   * One line that names the single jar of OkHttp and of Okio, as the verify script expects it;
   * throws if either is found in another number of jars than one.
   */
  static String oneOkHttpOneOkio() throws IOException {
    List<String> okhttp = holding("okhttp3/OkHttpClient.class");
    List<String> okio = holding("okio/Buffer.class");
    if (okhttp.size() != 1 || okio.size() != 1) {
      throw new IllegalStateException(
          "want one OkHttp and one Okio jar, found OkHttp in " + okhttp + ", Okio in " + okio);
    }
    return "okhttp=" + okhttp.get(0) + " okio=" + okio.get(0);
  }
}
