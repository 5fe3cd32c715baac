package io.github.yeastarsdk.bench;

import io.github.yeastarsdk.Conference;
import io.github.yeastarsdk.ConferenceListParams;
import io.github.yeastarsdk.YeastarClient;
import java.io.IOException;
import java.lang.ref.Reference;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;

/**
 * How much of a listing the auto-pager keeps alive: every conference it hands out is watched
 * through a weak reference, and at each page boundary a full GC shows how many are still held.
 */
final class RetainedPages {
  private RetainedPages() {}

  /** What the measurement saw. */
  record Retained(
      int maxLiveConferences,
      int boundariesAboveOnePage,
      int boundaries,
      long maxHeapGrowthBytes,
      long onePageHeapBytes) {}

  private static long usedHeapAfterGc() {
    System.gc();
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  /** Lists 10,000 conferences in pages of 100, watching what stays alive at each page boundary. */
  static Retained measure() throws IOException {
    int total = ListingBenchmark.TOTAL;
    int pageSize = ListingBenchmark.PAGE_SIZE;
    LoopbackServer server = new LoopbackServer(total, 0);
    List<WeakReference<Conference>> handedOut = new ArrayList<>();
    int maxLive = 0;
    int abovePage = 0;
    int boundaries = 0;
    long maxGrowth = 0;
    long onePageBytes;
    try (YeastarClient pbx =
        YeastarClient.builder().baseUrl(server.baseUrl()).accessToken("t").build()) {
      ConferenceListParams params = ConferenceListParams.builder().pageSize(pageSize).build();
      // One whole listing first: threads, connections and caches are then in place, and what
      // the measured listing adds is what the pager holds.
      for (Conference ignored : pbx.conferences().listAll(params)) {
        ignored.id();
      }
      // Twenty pages held at once, so that one page's size stands out of the heap's noise.
      long before = usedHeapAfterGc();
      List<Object> pages = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        pages.add(pbx.conferences().list(params));
      }
      onePageBytes = (usedHeapAfterGc() - before) / 20;
      Reference.reachabilityFence(pages);
      pages = null;
      long baseline = usedHeapAfterGc();
      int seen = 0;
      for (Conference conference : pbx.conferences().listAll(params)) {
        handedOut.add(new WeakReference<>(conference));
        conference = null;
        if (++seen % pageSize == 0) {
          maxGrowth = Math.max(maxGrowth, usedHeapAfterGc() - baseline);
          // Forget the ones already collected, so that the watch list itself stays small.
          handedOut.removeIf(ref -> ref.get() == null);
          maxLive = Math.max(maxLive, handedOut.size());
          boundaries++;
          if (handedOut.size() > pageSize) {
            abovePage++;
          }
        }
      }
    } finally {
      server.close();
    }
    return new Retained(maxLive, abovePage, boundaries, maxGrowth, onePageBytes);
  }
}
