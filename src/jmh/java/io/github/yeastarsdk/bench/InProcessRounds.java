package io.github.yeastarsdk.bench;

/**
 * The in-JVM figures, each from interleaved rounds. The contenders are the JMH benchmark methods
 * themselves, called directly: JMH still runs them on their own for absolute numbers and profiles,
 * while the ratios come from rounds in which every contender ran within seconds of the others.
 */
final class InProcessRounds {
  /** Contender names, as the report and the ratios use them. */
  static final String SDK = "sdk";

  static final String GSON = "stockGson";
  static final String MOSHI_RECORDS = "moshiRecords";
  static final String JACKSON = "jackson";
  static final String FLOOR = "moshiSkip";
  static final String RAW = "rawOkHttp";
  static final String RAW_TIMEOUTS = "rawTimeouts";
  static final String RETROFIT = "retrofit";
  static final String PAGER_1 = "pager1";
  static final String PAGER_4 = "pager4";
  static final String LOOP = "stockLoop";

  private InProcessRounds() {}

  /** Decoding a body of {@code conferences} conferences, five decoders in alternation. */
  static Rounds decode(int conferences, Plan plan) throws Exception {
    DecodeBenchmark bench = new DecodeBenchmark();
    bench.conferences = conferences;
    bench.setUp();
    long slice = plan.sliceMillis();
    return new Rounds()
        .add(SDK, Rounds.timed(slice, bench::sdkGeneratedAdapters))
        .add(GSON, Rounds.timed(slice, bench::stockGeneratorGson))
        .add(MOSHI_RECORDS, Rounds.timed(slice, bench::moshiReflectiveRecords))
        .add(JACKSON, Rounds.timed(slice, bench::jacksonRecords))
        .add(FLOOR, Rounds.timed(slice, bench::moshiSkipDocumentFloor))
        .run(plan.warmupRounds(), plan.rounds(), true);
  }

  /** One call of 10 conferences against a loopback server: the SDK against raw OkHttp. */
  static Rounds perCall(Plan plan) throws Exception {
    CallOverheadBenchmark bench = new CallOverheadBenchmark();
    bench.setUp();
    try {
      long slice = plan.sliceMillis() * 2;
      // A call takes hundreds of microseconds: a slice of a few milliseconds holds several.
      return new Rounds()
          .add(SDK, Rounds.timed(slice, bench::sdkList))
          .add(RAW, Rounds.timed(slice, bench::rawOkHttpAndMoshi))
          .add(RAW_TIMEOUTS, Rounds.timed(slice, bench::rawWithTimeouts))
          .add(RETROFIT, Rounds.timed(slice, bench::retrofitWithTimeouts))
          .run(plan.warmupRounds(), plan.rounds(), true);
    } finally {
      bench.tearDown();
    }
  }

  /** Whole listings of 10,000 conferences, one of each contender per round. */
  static Rounds listing(Plan plan) throws Exception {
    ListingBenchmark bench = new ListingBenchmark();
    bench.setUp();
    try {
      return new Rounds()
          .add(PAGER_1, Rounds.once(checked(bench, bench::sdkAutoPager)))
          .add(PAGER_4, Rounds.once(checked(bench, bench::sdkAutoPagerFourInFlight)))
          .add(LOOP, Rounds.once(checked(bench, bench::stockSequentialLoop)))
          .run(1, plan.listingRounds());
    } finally {
      bench.tearDown();
    }
  }

  /** Every listing must make exactly ceil(total / page size) requests. */
  private static Rounds.Op checked(ListingBenchmark bench, Rounds.Op listing) {
    return () -> {
      bench.resetCount();
      Object result = listing.run();
      bench.checkRequestCount();
      return result;
    };
  }

  /**
   * How long each figure is measured. Slices are short and rounds many: a slice that another
   * process interrupts gives one outlying ratio, which the median leaves aside, while a longer
   * slice would carry the interruption into a whole round.
   */
  record Plan(
      int forks,
      int warmupRounds,
      int rounds,
      long sliceMillis,
      int listingRounds,
      int coldRounds) {
    /** The full run; {@code -Dbench.quick=true} gives a short one, to try changes out. */
    static Plan fromSystemProperties() {
      return Boolean.getBoolean("bench.quick")
          ? new Plan(2, 100, 100, 2, 3, 4)
          : new Plan(4, 200, 300, 2, 15, 25);
    }
  }
}
