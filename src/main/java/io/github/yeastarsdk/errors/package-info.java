/**
 * What a call to the PBX can fail with. Every failure is a {@link
 * io.github.yeastarsdk.errors.YeastarException}; {@link
 * io.github.yeastarsdk.errors.YeastarException#call()} names the call (operation, method, URL with
 * secrets masked, attempts and time spent). The PBX's own refusals are {@link
 * io.github.yeastarsdk.errors.ApiErrorException}s, one subclass per reason that the spec's errcode
 * table names; answers that never got that far are {@link
 * io.github.yeastarsdk.errors.HttpStatusException}, {@link
 * io.github.yeastarsdk.errors.TransportException} and {@link
 * io.github.yeastarsdk.errors.MalformedResponseException}. The constructors are public so that a
 * caller's fakes can throw what the SDK throws.
 */
@NullMarked
package io.github.yeastarsdk.errors;

import org.jspecify.annotations.NullMarked;
