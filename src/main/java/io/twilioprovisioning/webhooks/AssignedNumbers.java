package io.twilioprovisioning.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberEvent;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberNotFoundException;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.NumbersAdopted;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.TrackedNumber;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Which client a webhook's {@code To} number belongs to, answered from memory: a webhook
 * arrives for every call and message of every number, and looking the number up each time
 * (parse it, then one indexed query) was a fifth of a webhook's cost (docs/benchmarks.md
 * section 7). Answers, "not assigned" included, are kept for {@link #FRESH_FOR} at most,
 * and all are forgotten as soon as a lifecycle step of this instance commits, so a number
 * bought, reassigned or released here is answered right at once. A step taken on another
 * instance of the cluster reaches this one's answers within {@link #FRESH_FOR} (ADR
 * 0030).
 */
@Component
class AssignedNumbers {

	/** How long an answer is used before the inventory is asked again. */
	static final Duration FRESH_FOR = Duration.ofSeconds(5);

	/** Numbers remembered at most (a few MB; more only costs look-ups). */
	static final int MAXIMUM = 100_000;

	/** A {@code To} longer than any phone number is looked up, never remembered. */
	private static final int LONGEST_KEY = 32;

	private final Function<String, Optional<TrackedNumber>> lookUp;

	private final Cache<String, Optional<TrackedNumber>> answers;

	@Autowired
	AssignedNumbers(NumberLifecycle numbers, Clock clock) {
		this((to) -> assigned(numbers, to), clock);
	}

	AssignedNumbers(Function<String, Optional<TrackedNumber>> lookUp, Clock clock) {
		this.lookUp = lookUp;
		this.answers = Caffeine.newBuilder()
			.maximumSize(MAXIMUM)
			.expireAfterWrite(FRESH_FOR)
			.ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
			.build();
	}

	/**
	 * The active number assigned to a client that a webhook's {@code To} names, if any.
	 * @param to the {@code To} parameter as Twilio sent it, or {@code null}
	 */
	Optional<TrackedNumber> find(String to) {
		if (to == null || to.length() > LONGEST_KEY) {
			return this.lookUp.apply(to);
		}
		return this.answers.get(to, this.lookUp);
	}

	/** A lifecycle step committed: what is remembered may be out of date. */
	@TransactionalEventListener(fallbackExecution = true)
	void on(NumberEvent step) {
		this.answers.invalidateAll();
	}

	@TransactionalEventListener(fallbackExecution = true)
	void on(NumbersAdopted adopted) {
		this.answers.invalidateAll();
	}

	private static Optional<TrackedNumber> assigned(NumberLifecycle numbers, String to) {
		Optional<E164Number> number = E164Number.tryParse(to, E164Number.DEFAULT_REGION);
		if (number.isEmpty()) {
			return Optional.empty();
		}
		try {
			TrackedNumber tracked = numbers.findLive(NumberRef.of(number.get()));
			return (tracked.state() == PhoneNumberState.ACTIVE && tracked.clientId() != null) ? Optional.of(tracked)
					: Optional.empty();
		}
		catch (NumberNotFoundException ex) {
			return Optional.empty();
		}
	}

}
