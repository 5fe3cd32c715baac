package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spec's Markdown reaches the generated Javadoc as Javadoc HTML: the build step that converts
 * it (src/build/java) is run here on a sample, as the build runs it, and the generated sources are
 * checked for what it leaves behind.
 */
class JavadocMarkdownTest {
  private static final Path ROOT =
      Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  private static final Pattern JAVADOC = Pattern.compile("/\\*\\*(.*?)\\*/", Pattern.DOTALL);

  @Test
  void markdownBecomesJavadocHtml(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Sample.java");
    Files.writeString(
        file,
        String.join(
            "\n",
            "/**",
            " * <md>Sorted by `number` when omitted; see `a<b>`.",
            "",
            "Values:",
            "- `asc` for **ascending**",
            "- `desc`",
            "",
            "Mail admin@example.com about <script> & a */ in text.</md>",
            " *",
            " * @param x <md>The `x`.</md> Null when absent.",
            " */",
            "class Sample {}",
            ""));
    run(dir);
    String converted = Files.readString(file, StandardCharsets.UTF_8);
    assertThat(converted)
        .contains(" * Sorted by {@code number} when omitted; see {@code a<b>}.\n * <p>Values:</p>")
        .contains(" * <ul>\n * <li>{@code asc} for <strong>ascending</strong></li>")
        .contains("admin&#64;example.com about &lt;script&gt; &amp; a *&#47; in text.")
        .contains(" * @param x The {@code x}. Null when absent.")
        .doesNotContain("<md>", "`");
  }

  @Test
  void generatedJavadocHasNoMarkdownLeft() throws IOException {
    Path generated = ROOT.resolve("target/generated-sources/openapi");
    int comments = 0;
    try (Stream<Path> files = Files.walk(generated)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher javadoc = JAVADOC.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (javadoc.find()) {
          assertThat(javadoc.group(1))
              .as(file.getFileName().toString())
              .doesNotContain("`", "<md>");
          comments++;
        }
      }
    }
    assertThat(comments).isGreaterThan(50);
    assertThat(
            Files.readString(
                generated.resolve("src/main/java/io/github/yeastarsdk/SortOrder.java")))
        .contains("{@code asc} (ascending");
  }

  private static void run(Path dir) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process process =
        new ProcessBuilder(
                List.of(
                    java.toString(),
                    "-cp",
                    ROOT.resolve("target/build-tools/commonmark.jar").toString(),
                    ROOT.resolve("src/build/java/io/github/yeastarsdk/build/JavadocMarkdown.java")
                        .toString(),
                    dir.toString()))
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
  }
}
