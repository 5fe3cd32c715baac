package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The models' growth policy, proved: code compiled against the SDK of one spec runs unchanged
 * against the SDK of the spec with an optional property added, when it reads models and builds them
 * with their builders. A model's constructor is not part of that promise: it gains a parameter with
 * every property, and code that calls it fails to link (shown here too), which is why the docs
 * build models with {@code builder()}.
 */
class ModelGrowthTest {
  /** The fixture's Extension, generated from src/test/openapi/grown.yaml with one property more. */
  private static final Path GROWN =
      Path.of(
          "target/generated-test-sources/grown/src/main/java/io/github/yeastarsdk/FixtureExtension.java");

  private static final String MODEL = "io.github.yeastarsdk.FixtureExtension";

  @TempDir Path work;

  @Test
  void codeThatReadsAndBuildsModelsRunsAgainstTheSpecWithAPropertyAdded() throws Exception {
    Path consumer =
        compileConsumer(
            "Reader",
            """
            FixtureExtension built = FixtureExtension.builder().id(7).number("1007").build();
            FixtureExtension copy = built.toBuilder().number("1008").build();
            return built.id() + " " + copy.number() + " " + copy.additionalProperties().size();
            """);
    assertThat(run(consumer, "Reader")).isEqualTo("7 1008 0");
  }

  @Test
  void aConstructorIsNotStableAcrossSpecVersions() throws Exception {
    Path consumer =
        compileConsumer("Constructs", "return new FixtureExtension(7, \"1007\").number();");
    assertThatThrownBy(() -> run(consumer, "Constructs"))
        .isInstanceOf(NoSuchMethodError.class)
        .hasMessageContaining("FixtureExtension");
  }

  /** Compiles a consumer class against this build's own fixture model. */
  private Path compileConsumer(String name, String body) throws Exception {
    Path source = work.resolve("src/growth/" + name + ".java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package growth;\n"
            + "import io.github.yeastarsdk.FixtureExtension;\n"
            + "public class "
            + name
            + " implements java.util.function.Supplier<String> {\n"
            + "  public String get() {\n"
            + body
            + "\n  }\n}\n");
    Path out = work.resolve("consumer");
    compile(out, source);
    return out;
  }

  /** Runs the consumer with the grown model in place of the one it was compiled against. */
  private String run(Path consumer, String name) throws Exception {
    Path grown = work.resolve("grown");
    compile(grown, GROWN);
    try (URLClassLoader loader = new NewerModel(consumer, grown)) {
      Supplier<?> code =
          (Supplier<?>) loader.loadClass("growth." + name).getDeclaredConstructor().newInstance();
      assertThat(loader.loadClass(MODEL).getRecordComponents()).hasSize(4);
      return (String) code.get();
    } catch (InvocationTargetException e) {
      throw (Exception) e.getCause();
    }
  }

  /** Compiles with the javac beside the running java, on the tests' class path. */
  private static void compile(Path out, Path source) throws IOException, InterruptedException {
    Files.createDirectories(out);
    Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
    String classPath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process javac =
        new ProcessBuilder(
                java.resolveSibling("javac").toString(),
                "-d",
                out.toString(),
                "-classpath",
                classPath,
                "-proc:none",
                source.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(javac.getInputStream().readAllBytes());
    assertThat(javac.waitFor()).as("javac %s: %s", source, output).isZero();
  }

  /** Loads the consumer and the model from their own folders first, everything else as usual. */
  private static final class NewerModel extends URLClassLoader {
    NewerModel(Path consumer, Path grown) throws IOException {
      super(new URL[] {url(consumer), url(grown)}, ModelGrowthTest.class.getClassLoader());
    }

    private static URL url(Path folder) throws IOException {
      return new File(folder.toString() + File.separator).toURI().toURL();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      synchronized (getClassLoadingLock(name)) {
        if (name.startsWith("growth.") || name.startsWith(MODEL)) {
          Class<?> loaded = findLoadedClass(name);
          return loaded != null ? loaded : findClass(name);
        }
        return super.loadClass(name, resolve);
      }
    }
  }
}
