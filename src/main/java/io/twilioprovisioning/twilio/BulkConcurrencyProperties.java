package io.twilioprovisioning.twilio;

import java.time.Duration;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the adaptive concurrency limit of bulk Twilio calls (calls made inside
 * {@link io.twilioprovisioning.platform.BulkWork}) moves: it starts at
 * {@code initialConcurrency}, grows by one per good answer while the calls in flight use
 * at least half of it, and is multiplied by {@code backoffRatio} on a 429, a 503 or a
 * timeout, never leaving {@code [minConcurrency, maxConcurrency]}. Bound from
 * {@code provisioning.twilio.bulk.*}, i.e.
 * {@code PROVISIONING_TWILIO_BULK_MIN_CONCURRENCY},
 * {@code PROVISIONING_TWILIO_BULK_INITIAL_CONCURRENCY},
 * {@code PROVISIONING_TWILIO_BULK_MAX_CONCURRENCY},
 * {@code PROVISIONING_TWILIO_BULK_BACKOFF_RATIO},
 * {@code PROVISIONING_TWILIO_BULK_ACQUIRE_TIMEOUT} and
 * {@code PROVISIONING_TWILIO_BULK_OVERLOAD_RETRIES}. Interactive calls do not count
 * against it: they have their own fixed cap, {@code twilio.max-concurrency}.
 *
 * @param minConcurrency the lowest limit, however often Twilio refuses
 * @param initialConcurrency the limit at start
 * @param maxConcurrency the highest limit, however well Twilio answers
 * @param backoffRatio what the limit is multiplied by on a 429, 503 or timeout, from 0.5
 * (halve) to 0.99
 * @param acquireTimeout how long a bulk call waits for a free slot before it fails
 * without being sent
 */
@Validated
@ConfigurationProperties("provisioning.twilio.bulk")
record BulkConcurrencyProperties(@DefaultValue("1") @Min(1) @Max(1000) int minConcurrency,
		@DefaultValue("8") @Min(1) @Max(1000) int initialConcurrency,
		@DefaultValue("32") @Min(1) @Max(1000) int maxConcurrency,
		@DefaultValue("0.9") @DecimalMin("0.5") @DecimalMax("0.99") double backoffRatio,
		@DefaultValue("5m") @NotNull Duration acquireTimeout,
		@DefaultValue("20") @Min(0) @Max(100) int overloadRetries) {

	BulkConcurrencyProperties {
		if (minConcurrency > maxConcurrency) {
			throw new IllegalArgumentException("provisioning.twilio.bulk.min-concurrency (" + minConcurrency
					+ ") must not exceed provisioning.twilio.bulk.max-concurrency (" + maxConcurrency + ")");
		}
		if (initialConcurrency < minConcurrency || initialConcurrency > maxConcurrency) {
			throw new IllegalArgumentException("provisioning.twilio.bulk.initial-concurrency (" + initialConcurrency
					+ ") must lie between min-concurrency (" + minConcurrency + ") and max-concurrency ("
					+ maxConcurrency + ")");
		}
		if (acquireTimeout != null && (acquireTimeout.isZero() || acquireTimeout.isNegative()
				|| acquireTimeout.compareTo(Duration.ofHours(1)) > 0)) {
			throw new IllegalArgumentException(
					"provisioning.twilio.bulk.acquire-timeout must be positive and at most 1h, was " + acquireTimeout);
		}
	}

	/**
	 * The defaults of every setting.
	 */
	static BulkConcurrencyProperties defaults() {
		return new BulkConcurrencyProperties(1, 8, 32, 0.9, Duration.ofMinutes(5), 20);
	}

}
