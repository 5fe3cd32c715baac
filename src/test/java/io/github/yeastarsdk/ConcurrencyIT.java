package io.github.yeastarsdk;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.yeastarsdk.contract.ContractTarget;
import io.github.yeastarsdk.contract.PrismExtension;
import io.github.yeastarsdk.errors.YeastarException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One client shared by 32 threads against Prism: no errors, bounded connections, clean close. */
@ExtendWith(PrismExtension.class)
class ConcurrencyIT {
  private static final int THREADS = 32;
  private static final int CALLS_EACH = 100;

  @Test
  void thirtyTwoThreadsShareOneClientWithoutErrorsOrLeaks(ContractTarget target) throws Exception {
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger conferences = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    YeastarClient pbx =
        YeastarClient.builder().baseUrl(target.baseUrl()).accessToken(target.accessToken()).build();
    OkHttpClient okHttp = pbx.okHttp();
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(
            threads.submit(
                () -> {
                  start.await();
                  for (int i = 0; i < CALLS_EACH; i++) {
                    try {
                      conferences.addAndGet(
                          pbx.conferences()
                              .list(ConferenceListParams.builder().page(1).pageSize(5).build())
                              .items()
                              .size());
                    } catch (YeastarException e) {
                      errors.incrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(5, TimeUnit.MINUTES);
      }
      assertThat(errors.get()).as("failed calls").isZero();
      assertThat(conferences.get()).isEqualTo(THREADS * CALLS_EACH * 3);
      // One connection per thread at most, whatever the number of calls.
      assertThat(okHttp.connectionPool().connectionCount()).isBetween(1, THREADS);
    } finally {
      threads.shutdownNow();
      pbx.close();
    }
    assertThat(okHttp.connectionPool().connectionCount()).as("connections after close()").isZero();
    assertThat(okHttp.dispatcher().executorService().awaitTermination(10, TimeUnit.SECONDS))
        .as("dispatcher threads ended after close()")
        .isTrue();
  }
}
