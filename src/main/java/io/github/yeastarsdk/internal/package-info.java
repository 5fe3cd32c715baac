/**
 * The SDK's machinery: authentication and tokens, the call executor (the one home of retries), the
 * failure mapper (the one place that decides every outcome), per-call settings, logging, redaction,
 * JSON reading, and the generated Retrofit service, adapters and resource implementations. Not
 * exported by the module and not part of the API: anything here may change in any release.
 */
@NullMarked
package io.github.yeastarsdk.internal;

import org.jspecify.annotations.NullMarked;
