package io.github.yeastarsdk.contract;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.Moderator;
import io.github.yeastarsdk.ModeratorType;
import java.util.List;

/**
 * The vendor's example response for conference/list, value for value, as the seed page prints it.
 */
public final class SeedExample {
  private SeedExample() {}

  public static final int TOTAL_NUMBER = 3;

  public static List<Conference> conferences() {
    return List.of(
        new Conference(
            1,
            "Sales Weekly Meeting",
            "6500",
            List.of(new Moderator("50", "Emily Parker", ModeratorType.EXTENSION))),
        new Conference(
            2,
            "Support Case Review",
            "6501",
            List.of(new Moderator("47", "Michael Harris", ModeratorType.EXTENSION))),
        new Conference(
            3,
            "Marketing Planning Room",
            "6502",
            List.of(
                new Moderator("55", "Kevin Thompson", ModeratorType.EXTENSION),
                new Moderator("202", "Krisin Hale", ModeratorType.EXTENSION))));
  }
}
