package io.github.yeastarsdk.contract;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Owns the contract tests' Prism: one per test run, started on first use and stopped when the run
 * ends, whether the tests passed, failed or were interrupted. A failing test prints Prism's log.
 *
 * <p>With {@code -Dpbx.baseUrl=...} no Prism starts: the tests run against that URL with the token
 * in the environment variable {@code PBX_ACCESS_TOKEN}.
 */
public final class PrismExtension implements ParameterResolver, TestWatcher {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PrismExtension.class);

  static Path projectRoot() {
    return Path.of(System.getProperty("project.root", ".")).toAbsolutePath().normalize();
  }

  // The root store outlives every test class and closes its AutoCloseable values when the run
  // ends, so one Prism serves the whole run and is always stopped.
  private static ContractTarget target(ExtensionContext context) {
    return context
        .getRoot()
        .getStore(NAMESPACE)
        .getOrComputeIfAbsent("target", key -> startTarget(), ContractTarget.class);
  }

  private static ContractTarget startTarget() {
    String external = System.getProperty("pbx.baseUrl", "");
    if (!external.isBlank()) {
      String token = System.getenv("PBX_ACCESS_TOKEN");
      if (token == null || token.isBlank()) {
        throw new IllegalStateException("-Dpbx.baseUrl needs the token in PBX_ACCESS_TOKEN");
      }
      return new ContractTarget(external, token, null);
    }
    PrismServer prism = PrismServer.mock(projectRoot());
    return new ContractTarget(prism.baseUrl(), "contract-test-token", prism);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ContractTarget.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return target(context);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    ContractTarget target =
        context.getRoot().getStore(NAMESPACE).get("target", ContractTarget.class);
    if (target != null && target.prism() != null) {
      System.err.println(
          "Prism's log for failed test " + context.getDisplayName() + ":\n" + target.prism().log());
    }
  }
}
