package io.twilioprovisioning.sandbox.web;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The fault page's latency and concurrency form.
 *
 * @param minMs the shortest delay in milliseconds
 * @param maxMs the longest; the same as the shortest when empty
 * @param concurrencyLimit the most requests in flight, empty for no limit
 */
record LatencyForm(@NotNull(message = "give a delay, 0 for none") @Min(0) @Max(60_000) Integer minMs,
		@Min(0) @Max(60_000) Integer maxMs, @Min(1) @Max(10_000) Integer concurrencyLimit) {

	@AssertTrue(message = "the longest delay must not be below the shortest")
	public boolean isOrdered() {
		return this.minMs == null || this.maxMs == null || this.minMs <= this.maxMs;
	}

}
