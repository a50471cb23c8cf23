package io.twilioprovisioning.sandbox.web;

import java.time.Duration;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.FaultPlan;
import io.twilioprovisioning.sandbox.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A whole fault plan for the sandbox emulator; it replaces the current one. Every part is
 * optional: an empty body is a plan without faults.
 *
 * @param latency a delay added to every request, fixed ({@code minMs = maxMs}) or random
 * in a range
 * @param concurrencyLimit the most requests in flight; one more is answered 429 (20429)
 * @param hangSeconds how long TIMEOUT (and a drop the transport cannot do) hangs, default
 * 30
 * @param rules the failures
 */
@Schema(example = "{\"latency\":{\"minMs\":200,\"maxMs\":800},\"concurrencyLimit\":5,"
		+ "\"rules\":[{\"operation\":\"SEARCH\",\"fault\":\"TOO_MANY_REQUESTS\",\"rate\":0.5},"
		+ "{\"operation\":\"PURCHASE\",\"fault\":\"DROP_AFTER_COMMIT\",\"next\":1}]}")
record FaultPlanRequest(@Valid Latency latency, @Min(1) @Max(10_000) Integer concurrencyLimit,
		@Min(0) @Max(300) Integer hangSeconds, @Size(max = 50) List<@NotNull @Valid Rule> rules) {

	/**
	 * Replaces the plan with this one.
	 */
	void applyTo(FaultPlan plan) {
		plan.clear();
		if (this.latency != null) {
			plan.latency(Duration.ofMillis(this.latency.minMs()), Duration.ofMillis(this.latency.maxOrMin()));
		}
		if (this.concurrencyLimit != null) {
			plan.concurrencyLimit(this.concurrencyLimit);
		}
		if (this.hangSeconds != null) {
			plan.hangFor(Duration.ofSeconds(this.hangSeconds));
		}
		if (this.rules != null) {
			for (Rule rule : this.rules) {
				if (rule.next() != null) {
					plan.failNext(rule.operation(), rule.fault(), rule.next());
				}
				else {
					plan.failRate(rule.operation(), rule.fault(), rule.rate());
				}
			}
		}
	}

	/**
	 * A delay in milliseconds.
	 *
	 * @param minMs the shortest
	 * @param maxMs the longest; the same as {@code minMs} when absent
	 */
	record Latency(@NotNull @Min(0) @Max(60_000) Integer minMs, @Min(0) @Max(60_000) Integer maxMs) {

		int maxOrMin() {
			return (this.maxMs != null) ? this.maxMs : this.minMs;
		}

		@AssertTrue(message = "maxMs must not be below minMs")
		@Schema(hidden = true)
		public boolean isOrdered() {
			return this.minMs == null || this.maxMs == null || this.minMs <= this.maxMs;
		}

	}

	/**
	 * A failure: a share of the calls ({@code rate}) or the next calls ({@code next}).
	 *
	 * @param operation the Twilio operation; absent for every operation (rates only)
	 * @param fault what happens
	 * @param rate the share of calls that fail, above 0 up to 1
	 * @param next how many of the next calls fail
	 */
	record Rule(Operation operation, @NotNull Fault fault,
			@DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double rate,
			@Min(1) @Max(10_000) Integer next) {

		@AssertTrue(message = "give either rate or next")
		@Schema(hidden = true)
		public boolean isRateOrNext() {
			return (this.rate == null) != (this.next == null);
		}

		@AssertTrue(message = "next needs an operation")
		@Schema(hidden = true)
		public boolean isNextForAnOperation() {
			return this.next == null || this.operation != null;
		}

	}

}
