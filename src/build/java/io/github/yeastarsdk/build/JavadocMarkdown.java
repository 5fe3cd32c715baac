package io.github.yeastarsdk.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.node.Code;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.NodeRenderer;
import org.commonmark.renderer.html.HtmlNodeRendererContext;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.HtmlWriter;

/**
 * Renders the spec's Markdown in generated Javadoc. The templates put every text that comes from
 * the spec (descriptions, summaries) between {@code <md>} and {@code </md>}, raw; this step, run by
 * the build right after the generator, replaces each such span with Javadoc HTML: paragraphs,
 * lists, emphasis and links as CommonMark renders them, code spans as {@code {@code …}}, and {@code
 * <}, {@code >}, {@code &}, {@code @} and a comment's end escaped. A span left unconverted would
 * fail doclint as an unknown tag, so a missed step cannot pass unnoticed.
 *
 * <p>A step of its own because the Java generator takes template lambdas only from Java code
 * registered in a generator class; the Markdown itself is parsed and rendered by CommonMark, not
 * here.
 *
 * <p>Usage: {@code java -cp commonmark.jar JavadocMarkdown.java <directory>...}; rewrites the
 * {@code .java} files under each directory in place.
 */
public final class JavadocMarkdown {
  private static final Pattern SPAN = Pattern.compile("<md>(.*?)</md>", Pattern.DOTALL);

  /** The start of a comment line: its indentation and either the comment's opening or a star. */
  private static final Pattern LINE_START = Pattern.compile("^(\\s*)(/\\*\\*|\\*)");

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          // Raw HTML in a description is shown as text: the spec is Markdown, not Javadoc.
          .escapeHtml(true)
          .nodeRendererFactory(JavadocNodes::new)
          .build();

  private JavadocMarkdown() {}

  public static void main(String[] args) throws IOException {
    JavadocMarkdown converter = new JavadocMarkdown();
    for (String directory : args) {
      Path root = Path.of(directory);
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file, StandardCharsets.UTF_8);
          if (source.isBlank()) {
            // A model is rendered by two templates, one per package (public models in the root,
            // wire-only ones in internal); each renders nothing for the other's models, but the
            // generator still writes the empty file. It would be an empty compilation unit.
            Files.delete(file);
            continue;
          }
          String converted = converter.convertFile(source, file);
          if (!converted.equals(source)) {
            Files.writeString(file, converted, StandardCharsets.UTF_8);
          }
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }
  }

  /** Replaces every {@code <md>…</md>} span of {@code source}. */
  String convertFile(String source, Path file) {
    Matcher span = SPAN.matcher(source);
    StringBuilder out = new StringBuilder(source.length());
    int last = 0;
    while (span.find()) {
      if (span.group(1).contains("<md>")) {
        throw new IllegalStateException(file + ": <md> inside <md>");
      }
      int lineStart = source.lastIndexOf('\n', span.start()) + 1;
      out.append(source, last, span.start());
      out.append(toJavadoc(span.group(1), continuation(source.substring(lineStart, span.start()))));
      last = span.end();
    }
    out.append(source, last, source.length());
    if (out.indexOf("<md>") >= 0 || out.indexOf("</md>") >= 0) {
      throw new IllegalStateException(file + ": an <md> without its </md>");
    }
    return out.toString();
  }

  /** What a further line of the comment starts with, after a line that starts with {@code line}. */
  private static String continuation(String line) {
    Matcher start = LINE_START.matcher(line);
    if (!start.find()) {
      return " * ";
    }
    return start.group(1) + (start.group(2).equals("/**") ? " * " : "* ");
  }

  /** The Javadoc HTML for {@code markdown}, its lines after the first starting {@code prefix}. */
  String toJavadoc(String markdown, String prefix) {
    Node document = parser.parse(markdown);
    String html = renderer.render(document).strip();
    // The first paragraph is the summary sentence's: Javadoc starts it without a <p>.
    if (document.getFirstChild() instanceof Paragraph && html.startsWith("<p>")) {
      int end = html.indexOf("</p>");
      html = html.substring(3, end) + html.substring(end + 4);
    }
    return String.join("\n" + prefix, html.strip().lines().toList());
  }

  /** Code spans as {@code {@code …}}; text and headings escaped for Javadoc. */
  private static final class JavadocNodes implements NodeRenderer {
    private final HtmlNodeRendererContext context;
    private final HtmlWriter html;

    JavadocNodes(HtmlNodeRendererContext context) {
      this.context = context;
      this.html = context.getWriter();
    }

    @Override
    public Set<Class<? extends Node>> getNodeTypes() {
      return Set.of(Code.class, Text.class, Heading.class);
    }

    @Override
    public void render(Node node) {
      if (node instanceof Code code) {
        String literal = code.getLiteral();
        if (balanced(literal) && !literal.contains("*/") && !literal.contains("\n")) {
          html.raw("{@code " + literal + "}");
        } else {
          html.raw("<code>" + escape(literal) + "</code>");
        }
      } else if (node instanceof Text text) {
        html.raw(escape(text.getLiteral()));
      } else if (node instanceof Heading) {
        // Javadoc places headings itself; one in a description would break their order.
        html.line();
        html.raw("<p><strong>");
        renderChildren(node);
        html.raw("</strong>");
        html.line();
      }
    }

    private void renderChildren(Node parent) {
      for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
        context.render(child);
      }
    }

    /** True if every brace closes: {@code {@code …}} ends at the first unmatched one. */
    private static boolean balanced(String text) {
      int depth = 0;
      for (char c : text.toCharArray()) {
        if (c == '{') {
          depth++;
        } else if (c == '}' && --depth < 0) {
          return false;
        }
      }
      return depth == 0;
    }

    private static String escape(String text) {
      StringBuilder out = new StringBuilder(text.length() + 16);
      for (char c : text.toCharArray()) {
        switch (c) {
          case '<' -> out.append("&lt;");
          case '>' -> out.append("&gt;");
          case '&' -> out.append("&amp;");
          // An @ could start a block tag or an inline one ({@…}).
          case '@' -> out.append("&#64;");
          // A / after * would end the comment.
          case '/' ->
              out.append(out.length() > 0 && out.charAt(out.length() - 1) == '*' ? "&#47;" : "/");
          default -> out.append(c);
        }
      }
      return out.toString();
    }
  }
}
