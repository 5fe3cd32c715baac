package io.github.yeastarsdk.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The targets table of the report this run replaces, kept below the new one with a comparison of
 * their verdicts: two runs in a row that agree on every verdict are what settles a target.
 */
final class PreviousRun {
  private PreviousRun() {}

  /** The section for docs/benchmarks.md, or nothing if there was no earlier report. */
  static String section(Path previous, String current) throws IOException {
    if (!Files.exists(previous)) {
      return "";
    }
    String old = Files.readString(previous, StandardCharsets.UTF_8);
    List<String> oldTable = targets(old);
    if (oldTable.isEmpty()) {
      return "";
    }
    String made = old.lines().filter(l -> l.startsWith("Made by")).findFirst().orElse("");
    int at = made.indexOf(" at ");
    String when =
        at < 0
            ? ""
            : made.substring(
                at + 4, made.indexOf(';', at) < 0 ? made.length() : made.indexOf(';', at));
    Map<String, String> before = verdicts(oldTable);
    Map<String, String> now = verdicts(targets(current));
    List<String> differ = new ArrayList<>();
    for (Map.Entry<String, String> target : now.entrySet()) {
      String then = before.get(target.getKey());
      if (then != null && !then.equals(target.getValue())) {
        differ.add(target.getKey() + " (" + then + ", now " + target.getValue() + ")");
      }
    }
    long shared = now.keySet().stream().filter(before::containsKey).count();
    StringBuilder md = new StringBuilder("\n## The run before\n\n");
    md.append("The targets of the report this one replaced")
        .append(when.isEmpty() ? "" : " (made at " + when + ")")
        .append(": ")
        .append(
            differ.isEmpty()
                ? "of the " + shared + " targets both runs measured, every verdict is the same."
                : "verdicts that differ: " + String.join("; ", differ) + ".")
        .append("\n\n");
    oldTable.forEach(line -> md.append(line).append('\n'));
    return md.toString();
  }

  /** The lines of the "## Targets" table. */
  static List<String> targets(String report) {
    List<String> lines = new ArrayList<>();
    boolean in = false;
    for (String line : report.lines().toList()) {
      if (line.equals("## Targets")) {
        in = true;
      } else if (in && line.startsWith("|")) {
        lines.add(line);
      } else if (in && !lines.isEmpty()) {
        break;
      }
    }
    return lines;
  }

  /** Figure → verdict, from a targets table's rows (header and rule left out). */
  static Map<String, String> verdicts(List<String> table) {
    Map<String, String> verdicts = new LinkedHashMap<>();
    for (String row : table.subList(Math.min(2, table.size()), table.size())) {
      String[] cells = row.split("\\|");
      if (cells.length >= 4) {
        verdicts.put(cells[1].strip(), cells[3].strip().replace("*", ""));
      }
    }
    return verdicts;
  }
}
