package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * JVM start to the first page printed, whole processes started as {@code java -jar} in alternation:
 * the SDK program (the jar named by {@code -Dbench.coldstart.jar}, this source set's own by
 * default, with the arguments {@code -Dbench.coldstart.args}, where {@code {url}} stands for the
 * loopback server's base URL and {@code {origin}} for the same without its final slash), the same
 * page through the JDK's {@code HttpClient} and the SDK's adapters, a program that only prints a
 * line, and one that only builds a client. A run counts from just before the process is started to
 * its exit, so that any tool timing whole commands sees the same.
 */
final class ColdStart {
  static final String SDK = "sdkProgram";
  static final String JDK = "jdkProgram";
  static final String HELLO = "hello";
  static final String BUILD = "buildOnly";

  /** Conference 1 of {@link BenchData}: every program that printed the page printed it. */
  private static final String FIRST_NAME = "Support Case Review 1";

  private final Jars jars;
  private final List<String> sdkCommand;
  private final LoopbackServer server;
  private final Path work;
  private final Map<String, List<Double>> printed = new TreeMap<>();

  ColdStart(Jars jars, LoopbackServer server) {
    this.jars = jars;
    this.server = server;
    this.work = jars.dir();
    String jar = System.getProperty("bench.coldstart.jar", "");
    String args = System.getProperty("bench.coldstart.args", "{url}");
    sdkCommand = new ArrayList<>(List.of(java(), "-jar"));
    sdkCommand.add(jar.isBlank() ? jars.sdkProgram().toString() : jar);
    for (String arg : args.trim().split("\\s+")) {
      String url = server.baseUrl();
      sdkCommand.add(
          arg.replace("{url}", url).replace("{origin}", url.substring(0, url.length() - 1)));
    }
  }

  /** The command measured as the SDK program, as run. */
  List<String> sdkCommand() {
    return sdkCommand;
  }

  /** The SDK command as one would type it: java from the PATH, paths from here, URL for URL. */
  String sdkCommandAsTyped() {
    Path here = Path.of("").toAbsolutePath();
    List<String> typed = new ArrayList<>(List.of("java"));
    for (String word : sdkCommand.subList(1, sdkCommand.size())) {
      Path path = Path.of(word);
      word = path.isAbsolute() && path.startsWith(here) ? here.relativize(path).toString() : word;
      typed.add(word.replaceAll("http://127\\.0\\.0\\.1:\\d+/?", "URL"));
    }
    return String.join(" ", typed);
  }

  static String java() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  Rounds run(int warmup, int rounds) throws Exception {
    String url = server.baseUrl();
    return new Rounds()
        .add(SDK, process(SDK, sdkCommand, true))
        .add(JDK, process(JDK, List.of(java(), "-jar", jars.jdkProgram().toString(), url), true))
        .add(
            HELLO,
            process(HELLO, List.of(java(), "-jar", jars.jdkProgram().toString(), "--hello"), false))
        .add(
            BUILD,
            process(
                BUILD,
                List.of(java(), "-jar", jars.sdkProgram().toString(), "--build-only", url),
                false))
        .run(warmup, rounds);
  }

  /** What a program said of its own time (build_ns=, main_to_page_ns=), in ms, by program. */
  Map<String, List<Double>> printed() {
    return printed;
  }

  private Rounds.Contender process(String name, List<String> command, boolean page) {
    Path out = work.resolve(name + ".out");
    return () -> {
      ProcessRun run = ProcessRun.of(command, Map.of(), out, page);
      for (String line : run.output().split("\n")) {
        int eq = line.indexOf("_ns=");
        if (eq > 0 && line.indexOf(' ') < 0) {
          printed
              .computeIfAbsent(name + ":" + line.substring(0, eq), k -> new ArrayList<>())
              .add(Long.parseLong(line.substring(eq + 4).trim()) / 1e6);
        }
      }
      return new Rounds.Sample(run.nanos(), Double.NaN, Double.NaN);
    };
  }

  /** One whole process: its time from just before it started to its exit, and what it printed. */
  record ProcessRun(long nanos, String output) {
    /**
     * Runs {@code command} with {@code env} added to this one's (PBX_ and LIST_CONFERENCES
     * variables removed), its output in {@code out}; fails unless it exits 0 and, for {@code page},
     * printed the first page.
     */
    static ProcessRun of(List<String> command, Map<String, String> env, Path out, boolean page)
        throws IOException, InterruptedException {
      ProcessBuilder builder =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
      builder
          .environment()
          .keySet()
          .removeIf(key -> key.startsWith("PBX_") || key.startsWith("LIST_CONFERENCES"));
      builder.environment().putAll(env);
      long start = System.nanoTime();
      int exit = builder.start().waitFor();
      long nanos = System.nanoTime() - start;
      String text = Files.readString(out, StandardCharsets.UTF_8);
      if (exit != 0 || (page && !text.contains(FIRST_NAME))) {
        throw new IllegalStateException(
            String.join(" ", command) + " exited " + exit + " without the page:\n" + text);
      }
      return new ProcessRun(nanos, text);
    }
  }

  /** Classes each program loads, by where they come from, from one run with -Xlog:class+load. */
  Map<String, Map<String, Integer>> classesLoaded() throws IOException, InterruptedException {
    Map<String, Map<String, Integer>> byProgram = new TreeMap<>();
    byProgram.put(SDK, classLoad("sdk", sdkCommand));
    byProgram.put(
        JDK,
        classLoad("jdk", List.of(java(), "-jar", jars.jdkProgram().toString(), server.baseUrl())));
    byProgram.put(
        HELLO,
        classLoad("hello", List.of(java(), "-jar", jars.jdkProgram().toString(), "--hello")));
    return byProgram;
  }

  private Map<String, Integer> classLoad(String name, List<String> command)
      throws IOException, InterruptedException {
    Path log = work.resolve(name + ".classload.txt");
    Files.deleteIfExists(log);
    List<String> logged = new ArrayList<>(command);
    logged.add(1, "-Xlog:class+load=info:file=" + log);
    Process process =
        new ProcessBuilder(logged)
            .redirectErrorStream(true)
            .redirectOutput(work.resolve(name + ".classload.out").toFile())
            .start();
    if (process.waitFor() != 0) {
      throw new IllegalStateException(String.join(" ", logged) + " failed");
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      int at = line.indexOf(" source: ");
      if (at < 0) {
        continue;
      }
      counts.merge(origin(line.substring(0, at), line.substring(at + 9).trim()), 1, Integer::sum);
    }
    return counts;
  }

  /** Library packages, so that a jar with its dependencies inside counts like separate jars. */
  private static final String[][] LIBRARIES = {
    {"kotlin.", "Kotlin stdlib"},
    {"okhttp3.", "OkHttp"},
    {"okio.", "Okio"},
    {"retrofit2.", "Retrofit"},
    {"com.squareup.moshi.", "Moshi"},
    {"org.apache.commons.cli.", "Commons CLI"},
    {"io.github.yeastarsdk.", "this SDK and the program"},
  };

  /** Where a class came from: the JDK, a library, or made at run time. */
  static String origin(String logged, String source) {
    String className = logged.substring(logged.lastIndexOf(' ') + 1);
    if (className.contains("$Proxy")) {
      return "dynamic proxies (Retrofit's service interface)";
    }
    if (source.startsWith("shared objects file") || source.startsWith("jrt:/")) {
      return "JDK";
    }
    if (source.endsWith(".jar")) {
      for (String[] library : LIBRARIES) {
        if (className.startsWith(library[0])) {
          return library[1];
        }
      }
      String file = source.substring(source.lastIndexOf('/') + 1);
      return file.replaceFirst("-[0-9][^-]*\\.jar$", "").replaceFirst("\\.jar$", "");
    }
    return "made at run time (lambdas, hidden classes)";
  }
}
