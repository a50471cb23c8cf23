package io.twilioprovisioning.twilio;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a Twilio call is tried again, and how long to wait first: exponential backoff with
 * full jitter, i.e. a random wait between zero and a ceiling that starts at
 * {@code initialBackoff} and doubles per retry up to {@code maxBackoff}.
 *
 * <p>
 * What is retried: a 429 for every method (Twilio did not process it), and a 5xx or an
 * I/O failure only for GET and DELETE (repeating them cannot do harm). A POST is never
 * tried again after it may have reached Twilio: a purchase could otherwise buy twice.
 *
 * @param maxRetries how many times a call may be tried again after the first attempt
 * @param initialBackoff the ceiling before the first retry
 * @param maxBackoff the highest ceiling
 */
record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {

	RetryPolicy {
		if (maxRetries < 0) {
			throw new IllegalArgumentException("maxRetries must not be negative");
		}
	}

	/**
	 * The ceiling of the wait before the given retry.
	 * @param retry 1 for the first retry
	 */
	Duration ceiling(int retry) {
		long initial = Math.max(1, this.initialBackoff.toMillis());
		long max = Math.max(initial, this.maxBackoff.toMillis());
		int shift = Math.min(Math.max(retry - 1, 0), 30);
		long ceiling = (initial > (max >> shift)) ? max : Math.min(max, initial << shift);
		return Duration.ofMillis(ceiling);
	}

	/**
	 * A random wait between zero and {@link #ceiling(int)} (full jitter).
	 * @param retry 1 for the first retry
	 */
	Duration backoff(int retry) {
		return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling(retry).toMillis() + 1));
	}

}
