package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * What an application ships to use each client: jars, bytes and classes. Which jars belong to which
 * client is written out here, from the dependency trees of this project and of the stock
 * generator's retrofit2 client (the bench profile resolves both); a jar that gives no class of its
 * own, or classes another jar of the same set also gives, is named.
 */
final class Footprint {
  /** The SDK's runtime dependencies, as `dependency:tree -Dscope=runtime` lists them. */
  static final Predicate<Jars.Artifact> SDK =
      a ->
          switch (a.group()) {
            case "com.squareup.retrofit2" ->
                Set.of("retrofit", "converter-moshi").contains(a.artifact());
            case "com.squareup.okhttp3" -> Set.of("okhttp", "okhttp-jvm").contains(a.artifact());
            case "com.squareup.moshi", "com.squareup.okio", "org.jspecify" -> true;
            case "org.jetbrains.kotlin" -> a.artifact().startsWith("kotlin-stdlib");
            case "org.jetbrains" -> a.artifact().equals("annotations");
            default -> false;
          };

  /** What the generated adapters need without Retrofit and OkHttp: Moshi, Okio and Kotlin. */
  static final Predicate<Jars.Artifact> ADAPTERS =
      a ->
          SDK.test(a)
              && !a.group().equals("com.squareup.retrofit2")
              && !a.group().equals("com.squareup.okhttp3");

  /** The stock openapi-generator retrofit2 client's runtime dependencies, transitive included. */
  static final Predicate<Jars.Artifact> STOCK =
      a ->
          switch (a.group()) {
            case "com.squareup.retrofit2" ->
                Set.of("retrofit", "converter-gson", "converter-scalars").contains(a.artifact());
            case "com.squareup.okhttp3" -> Set.of("okhttp", "okhttp-jvm").contains(a.artifact());
            case "com.squareup.okio",
                "com.google.code.gson",
                "io.gsonfire",
                "org.apache.oltu.oauth2",
                "org.json",
                "commons-codec" ->
                true;
            case "org.jetbrains.kotlin" -> a.artifact().startsWith("kotlin-stdlib");
            case "org.jetbrains" -> a.artifact().equals("annotations");
            case "com.google.errorprone" -> a.artifact().equals("error_prone_annotations");
            case "io.swagger" -> a.artifact().equals("swagger-annotations");
            case "com.google.code.findbugs" -> a.artifact().equals("jsr305");
            case "org.slf4j" -> a.artifact().equals("slf4j-api");
            case "jakarta.annotation" -> a.artifact().equals("jakarta.annotation-api");
            default -> false;
          };

  /** One jar of a set: bytes, classes, and classes that another jar of the set also has. */
  record Entry(String name, long bytes, int classes, int duplicated) {}

  record Shipped(List<Entry> entries) {
    long bytes() {
      return entries.stream().mapToLong(Entry::bytes).sum();
    }

    int classes() {
      return entries.stream().mapToInt(Entry::classes).sum();
    }

    /** The jars that give no class at all, or classes another jar of the set also gives. */
    List<String> staleOrDuplicate() {
      return entries.stream()
          .filter(e -> e.classes() == 0 || e.duplicated() > 0)
          .map(
              e ->
                  e.name()
                      + (e.classes() == 0
                          ? " (no classes)"
                          : " (" + e.duplicated() + " classes also in another jar)"))
          .toList();
    }
  }

  private Footprint() {}

  /** The SDK's own jar followed by its dependencies. */
  static Shipped sdk(Jars jars) throws IOException {
    List<Entry> entries = new ArrayList<>();
    entries.add(entry("yeastar-conference-sdk (this build)", jars.sdkJar(), Map.of()));
    return of(entries, jars.classpath().stream().filter(SDK).toList());
  }

  static Shipped stock(Jars jars) throws IOException {
    return of(new ArrayList<>(), jars.classpath().stream().filter(STOCK).toList());
  }

  private static Shipped of(List<Entry> entries, List<Jars.Artifact> artifacts) throws IOException {
    Map<String, Integer> owners = new HashMap<>();
    for (Jars.Artifact artifact : artifacts) {
      for (String name : classNames(artifact.file())) {
        owners.merge(name, 1, Integer::sum);
      }
    }
    for (Jars.Artifact artifact : artifacts) {
      entries.add(entry(artifact.coordinates(), artifact.file(), owners));
    }
    return new Shipped(entries);
  }

  private static Entry entry(String name, Path jar, Map<String, Integer> owners)
      throws IOException {
    List<String> classes = classNames(jar);
    int duplicated = (int) classes.stream().filter(c -> owners.getOrDefault(c, 0) > 1).count();
    return new Entry(name, Files.size(jar), classes.size(), duplicated);
  }

  /** The classes of a jar, module-info and multi-release copies left out. */
  private static List<String> classNames(Path jar) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        if (name.endsWith(".class")
            && !name.endsWith("module-info.class")
            && !name.startsWith("META-INF/")) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
