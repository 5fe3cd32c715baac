package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.Conference;
import java.util.List;

/** What both cold-start programs print: the page, then how long main() took to print it. */
final class ColdStartOutput {
  private ColdStartOutput() {}

  static void print(List<Conference> conferences, int total, long mainStartNanos) {
    StringBuilder out = new StringBuilder();
    for (Conference conference : conferences) {
      out.append(conference.id())
          .append('\t')
          .append(conference.number())
          .append('\t')
          .append(conference.name())
          .append('\n');
    }
    out.append("page 1: ").append(conferences.size()).append(" of ").append(total).append('\n');
    System.out.print(out);
    System.out.println("main_to_page_ns=" + (System.nanoTime() - mainStartNanos));
  }
}
