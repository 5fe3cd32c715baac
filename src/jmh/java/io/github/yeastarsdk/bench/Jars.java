package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.YeastarClient;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * The jars the cold-start and footprint figures need, made from this build's classes and its
 * runtime classpath: the SDK's own jar (its package without the benchmarks), its dependencies in a
 * lib/ folder, and the two programs, whose manifests name their class path as an application's
 * would.
 */
record Jars(Path dir, Path sdkJar, Path sdkProgram, Path jdkProgram, List<Artifact> classpath) {
  private static final String PACKAGE = "io/github/yeastarsdk/";
  private static final String BENCH = PACKAGE + "bench/";

  /** A jar of the runtime classpath, with its Maven coordinates read from the local repository. */
  record Artifact(String group, String artifact, String version, Path file) {
    static Artifact of(Path file) {
      String path = file.toString().replace(File.separatorChar, '/');
      int repo = path.indexOf("/repository/");
      if (repo < 0) {
        return new Artifact("", file.getFileName().toString(), "", file);
      }
      String[] parts = path.substring(repo + 12).split("/");
      int n = parts.length;
      String group = String.join(".", List.of(parts).subList(0, n - 3));
      return new Artifact(group, parts[n - 3], parts[n - 2], file);
    }

    String coordinates() {
      return group + ":" + artifact + ":" + version;
    }
  }

  static Jars make(Path dir) throws IOException, URISyntaxException {
    Path classes =
        Path.of(YeastarClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<Artifact> classpath = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (entry.endsWith(".jar")) {
        classpath.add(Artifact.of(Path.of(entry)));
      }
    }
    Path lib = dir.resolve("lib");
    Files.createDirectories(lib);
    Path sdkJar = lib.resolve("yeastar-conference-sdk.jar");
    jar(
        sdkJar,
        classes,
        name -> name.startsWith(PACKAGE) && !name.startsWith(BENCH),
        null,
        List.of());

    List<String> sdkPath = new ArrayList<>(List.of("lib/" + sdkJar.getFileName()));
    List<String> jdkPath = new ArrayList<>(List.of("lib/" + sdkJar.getFileName()));
    for (Artifact artifact : classpath) {
      if (Footprint.SDK.test(artifact) || Footprint.ADAPTERS.test(artifact)) {
        Files.copy(
            artifact.file(),
            lib.resolve(artifact.file().getFileName()),
            StandardCopyOption.REPLACE_EXISTING);
      }
      if (Footprint.SDK.test(artifact)) {
        sdkPath.add("lib/" + artifact.file().getFileName());
      }
      if (Footprint.ADAPTERS.test(artifact)) {
        jdkPath.add("lib/" + artifact.file().getFileName());
      }
    }
    Path sdkProgram = dir.resolve("sdk-program.jar");
    jar(sdkProgram, classes, program(ColdStartSdk.class), ColdStartSdk.class.getName(), sdkPath);
    Path jdkProgram = dir.resolve("jdk-program.jar");
    jar(jdkProgram, classes, program(ColdStartJdk.class), ColdStartJdk.class.getName(), jdkPath);
    return new Jars(dir, sdkJar, sdkProgram, jdkProgram, classpath);
  }

  /** The class files of a program's main class and of what it prints with. */
  private static Predicate<String> program(Class<?> main) {
    return entry -> isClassOf(entry, main) || isClassOf(entry, ColdStartOutput.class);
  }

  private static boolean isClassOf(String entry, Class<?> type) {
    String name = type.getName().replace('.', '/');
    return entry.equals(name + ".class") || entry.startsWith(name + "$");
  }

  private static void jar(
      Path jar, Path classes, Predicate<String> include, String mainClass, List<String> classPath)
      throws IOException {
    Manifest manifest = new Manifest();
    Attributes attributes = manifest.getMainAttributes();
    attributes.put(Attributes.Name.MANIFEST_VERSION, "1.0");
    if (mainClass != null) {
      attributes.put(Attributes.Name.MAIN_CLASS, mainClass);
      attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", classPath));
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(classes)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream zip = new JarOutputStream(out, manifest)) {
      for (Path file : files) {
        String name = classes.relativize(file).toString().replace(File.separatorChar, '/');
        if (include.test(name)) {
          zip.putNextEntry(new JarEntry(name));
          Files.copy(file, zip);
          zip.closeEntry();
        }
      }
    }
  }
}
