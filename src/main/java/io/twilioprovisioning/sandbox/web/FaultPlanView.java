package io.twilioprovisioning.sandbox.web;

import java.util.List;

import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.FaultPlan;
import io.twilioprovisioning.sandbox.Operation;

/**
 * The sandbox emulator's fault plan on this instance.
 *
 * @param active whether anything is injected
 * @param latency the injected delay, absent when none
 * @param concurrencyLimit the most requests in flight, absent when unlimited
 * @param hangSeconds how long a hanging fault hangs
 * @param rules the failures, queued ones ({@code next}) first
 */
record FaultPlanView(boolean active, Latency latency, Integer concurrencyLimit, long hangSeconds, List<Rule> rules) {

	static FaultPlanView of(FaultPlan.Snapshot plan) {
		return new FaultPlanView(plan.isActive(),
				plan.maxLatency().isZero() ? null
						: new Latency(plan.minLatency().toMillis(), plan.maxLatency().toMillis()),
				(plan.concurrencyLimit() > 0) ? plan.concurrencyLimit() : null, plan.hang().toSeconds(),
				plan.rules()
					.stream()
					.map((rule) -> new Rule(rule.operation(), rule.fault(), rule.rate(), rule.remaining()))
					.toList());
	}

	/**
	 * One line for the SANDBOX banner, e.g. {@code SEARCH: TOO_MANY_REQUESTS 100%}.
	 */
	String summary() {
		List<String> parts = new java.util.ArrayList<>();
		if (this.latency != null) {
			parts.add((this.latency.minMs() == this.latency.maxMs()) ? "latency " + this.latency.minMs() + " ms"
					: "latency " + this.latency.minMs() + "–" + this.latency.maxMs() + " ms");
		}
		if (this.concurrencyLimit != null) {
			parts.add("at most " + this.concurrencyLimit + " requests in flight");
		}
		for (Rule rule : this.rules) {
			String operation = (rule.operation() != null) ? rule.operation().name() : "every operation";
			parts.add(operation + ": " + rule.fault().name() + " "
					+ ((rule.next() != null) ? "next " + rule.next() : Math.round(rule.rate() * 100) + "%"));
		}
		return String.join("; ", parts);
	}

	/**
	 * A delay range in milliseconds.
	 *
	 * @param minMs the shortest
	 * @param maxMs the longest
	 */
	record Latency(long minMs, long maxMs) {

	}

	/**
	 * A failure rule.
	 *
	 * @param operation the operation, absent for every operation
	 * @param fault what happens
	 * @param rate the share of calls that fail, for a rate
	 * @param next how many of the next calls still fail, for a queue
	 */
	record Rule(Operation operation, Fault fault, Double rate, Integer next) {

	}

}
