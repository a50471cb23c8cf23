/**
 * The inventory's and the lifecycle's metrics for Prometheus: numbers by state, stuck
 * numbers and sync drift as gauges over
 * {@link io.twilioprovisioning.numbers.NumberStatistics}, and lifecycle steps by kind and
 * outcome counted from the {@code numbers} module's events. The Twilio adapter and the
 * webhooks record their own metrics; docs/metrics.md lists them all.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Metrics",
		allowedDependencies = { "numbers", "platform" })
package io.twilioprovisioning.metrics;
