package io.twilioprovisioning.metrics;

import java.util.Locale;
import java.util.function.ToLongFunction;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import io.twilioprovisioning.numbers.NumberEvent;
import io.twilioprovisioning.numbers.NumbersAdopted;
import io.twilioprovisioning.numbers.NumberStatistics;
import io.twilioprovisioning.numbers.NumberStatistics.Snapshot;
import io.twilioprovisioning.numbers.PhoneNumberState;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Registers the inventory gauges and counts lifecycle steps. A gauge reads the cached
 * {@link NumberStatistics} snapshot, so a scrape costs no query whatever the inventory's
 * size. A step is counted once its transaction committed (or at once when it had none, as
 * for a refusal), so a rolled-back step is not counted as done.
 */
@Component
class NumberMetrics {

	static final String STEPS = "provisioning.lifecycle.steps";

	static final String NUMBERS = "provisioning.numbers";

	static final String STUCK = "provisioning.numbers.stuck";

	static final String DRIFT = "provisioning.sync.drift";

	private final MeterRegistry registry;

	NumberMetrics(MeterRegistry registry, NumberStatistics statistics) {
		this.registry = registry;
		for (PhoneNumberState state : PhoneNumberState.values()) {
			gauge(statistics, NUMBERS, "Tracked numbers by lifecycle state", "state",
					state.name().toLowerCase(Locale.ROOT), (snapshot) -> snapshot.count(state));
		}
		Gauge.builder(STUCK, statistics, (s) -> s.current().stuck())
			.description("Numbers still purchasing or releasing after recovery's stale-after")
			.register(registry);
		gauge(statistics, DRIFT, "Differences the latest sync check found", "kind", "untracked",
				(snapshot) -> snapshot.drift().untracked());
		gauge(statistics, DRIFT, "Differences the latest sync check found", "kind", "missing",
				(snapshot) -> snapshot.drift().missing());
		gauge(statistics, DRIFT, "Differences the latest sync check found", "kind", "webhooks_differ",
				(snapshot) -> snapshot.drift().webhooksDiffer());
		gauge(statistics, DRIFT, "Differences the latest sync check found", "kind", "names_differ",
				(snapshot) -> snapshot.drift().namesDiffer());
	}

	private void gauge(NumberStatistics statistics, String name, String description, String tag, String value,
			ToLongFunction<Snapshot> figure) {
		Gauge.builder(name, statistics, (s) -> figure.applyAsLong(s.current()))
			.description(description)
			.tag(tag, value)
			.register(this.registry);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NumberEvent event) {
		steps(event, 1);
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NumbersAdopted event) {
		if (!event.adopted().isEmpty()) {
			steps(event.adopted().get(0), event.adopted().size());
		}
	}

	private void steps(NumberEvent event, int count) {
		Counter.builder(STEPS)
			.description("Lifecycle steps by kind and outcome")
			.tag("step", event.action().toLowerCase(Locale.ROOT))
			.tag("outcome", event.outcome().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment(count);
	}

}
