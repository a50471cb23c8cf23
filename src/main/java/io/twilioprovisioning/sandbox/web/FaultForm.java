package io.twilioprovisioning.sandbox.web;

import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The fault page's "add a fault" form: a share of the calls, or the next calls, of one
 * operation (or of every operation, for a share).
 *
 * @param operation the operation, {@code null} for every operation
 * @param fault what happens
 * @param percent the share of calls that fail, 1–100, for a rate
 * @param next how many of the next calls fail
 */
record FaultForm(Operation operation, @NotNull(message = "choose a fault") Fault fault,
		@Min(1) @Max(100) Integer percent, @Min(1) @Max(10_000) Integer next) {

	static FaultForm empty() {
		return new FaultForm(Operation.SEARCH, Fault.TOO_MANY_REQUESTS, 100, null);
	}

	@AssertTrue(message = "give either a percentage or a number of next calls")
	public boolean isPercentOrNext() {
		return (this.percent == null) != (this.next == null);
	}

	@AssertTrue(message = "the next calls need one operation")
	public boolean isNextForAnOperation() {
		return this.next == null || this.operation != null;
	}

}
