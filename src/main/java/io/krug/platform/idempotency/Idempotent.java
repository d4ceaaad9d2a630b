package io.krug.platform.idempotency;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method whose effect must happen at most once per {@code Idempotency-Key}. The first response
 * for a key (status, {@code Content-Type}, {@code Location} and body) is stored for {@code krug.idempotency.ttl}
 * (24 h by default) and replayed with {@code Idempotency-Replay: true} to a retry carrying the same key and the
 * same request. The same key with another request is rejected with 422 {@code idempotency_key_reused}; a
 * duplicate arriving while the first is still running gets 409 {@code idempotency_key_in_use} with
 * {@code Retry-After}. A 5xx outcome is not stored: the key is released so the client can retry.
 *
 * <p>
 * Keys are scoped to the program and the authenticated caller ({@code Authentication#getName()}, or
 * {@code anonymous}). Two requests are the same when method, path, query string and body bytes are. The handler
 * must be synchronous (no {@code DeferredResult}/{@code Callable}): the response is captured when it returns; and it
 * must read a raw body ({@code @RequestBody} JSON), not form parameters, since the body is read up front to
 * fingerprint it.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {

	/** Whether a request without the header is rejected with 400 {@code idempotency_key_required}. */
	boolean required() default true;

	/**
	 * Whether the key is claimed and the response stored in one transaction with the handler's work, which joins it
	 * (two statements and two transactions fewer than claiming and completing in transactions of their own). A
	 * crash then leaves no claim behind, and a concurrent duplicate still gets 409 at once. The handler must not
	 * catch a failed statement and carry on in the same transaction: the shared one is then aborted. A client error
	 * raised inside the transaction rolls the work back and is stored afterwards, in a transaction of its own.
	 */
	boolean sharedTransaction() default false;
}
