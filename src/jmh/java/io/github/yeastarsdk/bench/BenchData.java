package io.github.yeastarsdk.bench;

import java.nio.charset.StandardCharsets;

/** Response bodies shaped like the vendor's example, of any size. */
final class BenchData {
  private static final String[] FIRST = {"Emily", "Michael", "Kevin", "Krisin", "Sarah", "David"};
  private static final String[] LAST = {"Parker", "Harris", "Thompson", "Hale", "Nguyen", "Lopez"};
  private static final String[] ROOMS = {
    "Sales Weekly Meeting", "Support Case Review", "Marketing Planning Room", "Board Call"
  };

  private BenchData() {}

  /** A successful page of {@code count} conferences, ids from {@code firstId}, of {@code total}. */
  static byte[] page(int firstId, int count, int total) {
    StringBuilder json = new StringBuilder(count * 190 + 64);
    json.append("{\"errcode\":0,\"errmsg\":\"SUCCESS\",\"total_number\":")
        .append(total)
        .append(",\"data\":[");
    for (int i = 0; i < count; i++) {
      int id = firstId + i;
      if (i > 0) {
        json.append(',');
      }
      json.append("{\"id\":")
          .append(id)
          .append(",\"name\":\"")
          .append(ROOMS[id % ROOMS.length])
          .append(' ')
          .append(id)
          .append("\",\"number\":\"")
          .append(6500 + id % 3000)
          .append("\",\"moderator_list\":[");
      int moderators = 1 + id % 2;
      for (int m = 0; m < moderators; m++) {
        int who = id * 7 + m;
        if (m > 0) {
          json.append(',');
        }
        json.append("{\"id\":\"")
            .append(40 + who % 200)
            .append("\",\"name\":\"")
            .append(FIRST[who % FIRST.length])
            .append(' ')
            .append(LAST[(who / 3) % LAST.length])
            .append("\",\"type\":\"")
            .append(who % 5 == 0 ? "ext_group" : "extension")
            .append("\"}");
      }
      json.append("]}");
    }
    return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
  }
}
