/**
 * A client of the Yeastar P-Series PBX OpenAPI: the scheduled conference list and the access tokens
 * it needs.
 *
 * <p>Start with {@link io.github.yeastarsdk.YeastarClient#builder()}, then list conferences with
 * {@link io.github.yeastarsdk.Conferences#list(ConferenceListParams)} (one {@link
 * io.github.yeastarsdk.Page}) or {@link
 * io.github.yeastarsdk.Conferences#listAll(ConferenceListParams)} (every item, page after page).
 * Every failure of a call is a {@link io.github.yeastarsdk.YeastarException}.
 *
 * <p>Nothing in this package accepts or returns null unless the type says {@code @Nullable}: the
 * package is {@link org.jspecify.annotations.NullMarked @NullMarked}. Models, parameters and enums
 * are generated from the OpenAPI spec; an optional property of the spec is {@code @Nullable} in its
 * model, an optional list is empty when absent.
 */
@NullMarked
package io.github.yeastarsdk;

import io.github.yeastarsdk.errors.YeastarException;

import org.jspecify.annotations.NullMarked;
