/**
 * A client of the Yeastar P-Series PBX OpenAPI: the scheduled conference list and the access tokens
 * it needs. This package holds what a caller touches; failures are in {@link
 * io.github.yeastarsdk.errors}.
 *
 * <p>Start with {@link io.github.yeastarsdk.YeastarClient#builder()}, then list conferences with
 * {@link io.github.yeastarsdk.ConferenceService#list(ConferenceListParams)} (one {@link
 * io.github.yeastarsdk.Page}) or {@link
 * io.github.yeastarsdk.ConferenceService#listAll(ConferenceListParams)} (every item, page after
 * page). Every failure of a call is a {@link io.github.yeastarsdk.errors.YeastarException}.
 *
 * <p>The resources ({@code ConferenceService}), their parameters, the models and the enums are
 * generated from the OpenAPI spec. A resource is an interface: a test can implement it, building
 * its answers with {@link io.github.yeastarsdk.Page#of} and {@link
 * io.github.yeastarsdk.AutoPager#of}.
 *
 * <p>Nothing in this package accepts or returns null unless the type says {@code @Nullable}: the
 * package is {@link org.jspecify.annotations.NullMarked @NullMarked}. An optional property of the
 * spec is {@code @Nullable} in its model, an optional list is empty when absent.
 */
@NullMarked
package io.github.yeastarsdk;

import org.jspecify.annotations.NullMarked;
