package io.github.yeastarsdk.contract;

/**
 * What the contract tests run against: the Prism that the extension started, or the PBX (or a
 * {@code prism proxy} in front of one) named by {@code -Dpbx.baseUrl}.
 */
public record ContractTarget(String baseUrl, String accessToken, PrismServer prism)
    implements AutoCloseable {
  /** True when the target is our own Prism, which can serve any named example on request. */
  public boolean servesExamples() {
    return prism != null;
  }

  /** Stops our Prism; the JUnit store calls it when the run ends. */
  @Override
  public void close() {
    if (prism != null) {
      prism.close();
    }
  }

  @Override
  public String toString() {
    return "ContractTarget(" + baseUrl + ")";
  }
}
