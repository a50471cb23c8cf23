package io.twilioprovisioning.twilio;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import com.netflix.concurrency.limits.Limit;
import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.AIMDLimit;
import com.netflix.concurrency.limits.limiter.BlockingLimiter;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.twilio.TwilioTransportException.Failure;

/**
 * The adaptive (AIMD) concurrency limit of bulk Twilio calls, so a job of 100,000 items
 * runs as many calls at once as the account allows — not a fixed number — and backs off
 * when Twilio says it is too many. Built on Netflix's concurrency-limits
 * ({@link AIMDLimit} in a {@link SimpleLimiter}, waited for through a
 * {@link BlockingLimiter}; ADR 0020).
 *
 * <p>
 * The limit grows by one per good answer while the calls in flight fill at least half of
 * it, and is multiplied by the backoff ratio on a 429, a 503 or a timeout, within
 * {@code [min, max]}. One decrease per round trip: the answers to calls that were already
 * in flight when the limit was cut are not counted (TCP's fast recovery), so a burst of
 * 429s from one overload halves the limit once instead of collapsing it to the minimum,
 * and their good answers do not undo the cut at once.
 *
 * <p>
 * A caller holds a {@link Permit} for one HTTP attempt and gives it back with what Twilio
 * answered; a retry after a 429 waits for a new one, so retries never add load beyond the
 * limit and a call sleeping in its backoff takes no slot. Waiting for a permit is bounded
 * and interruptible. The limit and the calls in flight are the gauges
 * {@code twilio.bulk.concurrency.limit} and {@code twilio.bulk.concurrency.in_flight}; a
 * change of at least a quarter (and at least 4) since the last one logged is logged at
 * INFO, at most once per 10 seconds (a limit near the account's moves every round trip).
 */
final class BulkConcurrencyLimit implements MeterBinder {

	/** Name of the gauge of the current limit. */
	static final String LIMIT_GAUGE = "twilio.bulk.concurrency.limit";

	/** Name of the gauge of the bulk calls in flight. */
	static final String IN_FLIGHT_GAUGE = "twilio.bulk.concurrency.in_flight";

	/** Name of the counter of bulk attempts answered 429 or 503, or timed out. */
	static final String OVERLOADS_COUNTER = "twilio.bulk.concurrency.overloads";

	private static final Logger log = LoggerFactory.getLogger(BulkConcurrencyLimit.class);

	/** At most one INFO line about the limit per this time. */
	private static final Duration LOG_INTERVAL = Duration.ofSeconds(10);

	private final BulkConcurrencyProperties properties;

	private final RoundTripLimit limit;

	private final SimpleLimiter<Void> limiter;

	private final Limiter<Void> blocking;

	private final Object statsLock = new Object();

	private final AtomicLong overloads = new AtomicLong();

	private int current;

	private int lastLogged;

	private long lastLogAt;

	private boolean logged;

	private int lowest;

	private int highest;

	private long increases;

	private long decreases;

	private long increasesAfterDecrease;

	/**
	 * Creates the limit.
	 * @param properties its bounds, start, backoff and wait
	 * @param slowAnswer an answer slower than this counts as an overload, like a 429
	 */
	BulkConcurrencyLimit(BulkConcurrencyProperties properties, Duration slowAnswer) {
		this.properties = properties;
		AIMDLimit aimd = AIMDLimit.newBuilder()
			.minLimit(properties.minConcurrency())
			.initialLimit(properties.initialConcurrency())
			.maxLimit(properties.maxConcurrency())
			.backoffRatio(properties.backoffRatio())
			.timeout(slowAnswer.toNanos(), TimeUnit.NANOSECONDS)
			.build();
		this.limit = new RoundTripLimit(aimd, System::nanoTime);
		this.limit.notifyOnChange(this::changed);
		this.limiter = SimpleLimiter.newBuilder().named("twilio-bulk").limit(this.limit).build();
		this.blocking = BlockingLimiter.wrap(this.limiter, properties.acquireTimeout());
		int initial = properties.initialConcurrency();
		this.current = initial;
		this.lastLogged = initial;
		this.lowest = initial;
		this.highest = initial;
	}

	/**
	 * Waits for a slot for one attempt of a bulk call.
	 * @param label the call, for the error message
	 * @return the permit, to be given back with the outcome
	 * @throws TwilioTransportException if interrupted, or no slot came free in time;
	 * nothing was sent then
	 */
	Permit acquire(String label) {
		Optional<Limiter.Listener> listener = this.blocking.acquire(null);
		if (listener.isEmpty()) {
			if (Thread.currentThread().isInterrupted()) {
				throw new TwilioTransportException(Failure.INTERRUPTED_BEFORE_SENDING,
						"Interrupted while waiting for a bulk Twilio slot for " + label, null);
			}
			throw new TwilioTransportException(Failure.BUSY, "No bulk Twilio slot came free for " + label + " within "
					+ this.properties.acquireTimeout() + " (limit " + limit() + ")", null);
		}
		Limiter.Listener acquired = listener.get();
		return (outcome) -> {
			switch (outcome) {
				case GOOD -> acquired.onSuccess();
				case OVERLOADED -> {
					this.overloads.incrementAndGet();
					acquired.onDropped();
				}
				case NEUTRAL -> acquired.onIgnore();
			}
		};
	}

	/**
	 * The current limit.
	 */
	int limit() {
		return this.limiter.getLimit();
	}

	/**
	 * How many bulk calls are in flight now.
	 */
	int inFlight() {
		return this.limiter.getInflight();
	}

	BulkConcurrencyProperties properties() {
		return this.properties;
	}

	/**
	 * What the limit has done since start.
	 */
	Stats stats() {
		long stale = this.limit.staleSamples();
		synchronized (this.statsLock) {
			return new Stats(limit(), inFlight(), this.lowest, this.highest, this.increases, this.decreases,
					this.increasesAfterDecrease, stale, this.overloads.get());
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(LIMIT_GAUGE, this, BulkConcurrencyLimit::limit)
			.description("How many bulk Twilio calls may be in flight at once (adaptive, AIMD)")
			.register(registry);
		Gauge.builder(IN_FLIGHT_GAUGE, this, BulkConcurrencyLimit::inFlight)
			.description("How many bulk Twilio calls are in flight")
			.register(registry);
		FunctionCounter.builder(OVERLOADS_COUNTER, this.overloads, AtomicLong::get)
			.description("Bulk Twilio attempts answered 429 or 503, or timed out (each cuts the limit unless stale)")
			.register(registry);
	}

	private void changed(int newLimit) {
		boolean log;
		int from;
		synchronized (this.statsLock) {
			int previous = this.current;
			this.current = newLimit;
			if (newLimit > previous) {
				this.increases++;
				if (this.decreases > 0) {
					this.increasesAfterDecrease++;
				}
			}
			else if (newLimit < previous) {
				this.decreases++;
			}
			this.lowest = Math.min(this.lowest, newLimit);
			this.highest = Math.max(this.highest, newLimit);
			from = this.lastLogged;
			long now = System.nanoTime();
			log = Math.abs(newLimit - from) >= Math.max(4, from / 4)
					&& (!this.logged || now - this.lastLogAt >= LOG_INTERVAL.toNanos());
			if (log) {
				this.lastLogged = newLimit;
				this.lastLogAt = now;
				this.logged = true;
			}
		}
		if (log) {
			BulkConcurrencyLimit.log.info("Bulk Twilio concurrency limit {} -> {} (bounds {}..{})", from, newLimit,
					this.properties.minConcurrency(), this.properties.maxConcurrency());
		}
	}

	/**
	 * What Twilio's answer to one attempt says about the load.
	 */
	enum Outcome {

		/** Answered without complaining about the load: the limit may grow. */
		GOOD,

		/** 429, 503 or no answer in time: the limit shrinks. */
		OVERLOADED,

		/** Says nothing about the load (a lost connection, an interrupt). */
		NEUTRAL;

		/**
		 * The outcome of an HTTP answer.
		 */
		static Outcome ofStatus(int status) {
			if (status == 429 || status == 503) {
				return OVERLOADED;
			}
			return (status >= 500) ? NEUTRAL : GOOD;
		}

		/**
		 * The outcome of an attempt that got no answer.
		 */
		static Outcome ofFailure(Failure failure) {
			return (failure == Failure.TIMED_OUT) ? OVERLOADED : NEUTRAL;
		}

	}

	/**
	 * A slot for one attempt; give it back exactly once.
	 */
	@FunctionalInterface
	interface Permit {

		/** Gives the slot back, telling the limit what Twilio answered. */
		void release(Outcome outcome);

	}

	/**
	 * What the limit has done since start.
	 *
	 * @param limit the limit now
	 * @param inFlight the bulk calls in flight now
	 * @param lowest the lowest the limit has been
	 * @param highest the highest the limit has been
	 * @param increases how often it grew
	 * @param decreases how often it was cut
	 * @param increasesAfterDecrease how often it grew after its first cut
	 * @param staleSamples answers not counted because their call started before the last
	 * cut
	 * @param overloads attempts answered 429 or 503, or timed out
	 */
	record Stats(int limit, int inFlight, int lowest, int highest, long increases, long decreases,
			long increasesAfterDecrease, long staleSamples, long overloads) {

	}

	/**
	 * The AIMD limit, with one decrease per round trip: a sample of a call that started
	 * before the last decrease is not counted.
	 */
	static final class RoundTripLimit implements Limit {

		private final AIMDLimit delegate;

		private final LongSupplier clock;

		private boolean decreased;

		private long lastDecrease;

		private long stale;

		RoundTripLimit(AIMDLimit delegate, LongSupplier clock) {
			this.delegate = delegate;
			this.clock = clock;
		}

		@Override
		public int getLimit() {
			return this.delegate.getLimit();
		}

		@Override
		public void notifyOnChange(Consumer<Integer> consumer) {
			this.delegate.notifyOnChange(consumer);
		}

		@Override
		public synchronized void onSample(long startTime, long rtt, int inflight, boolean didDrop) {
			if (this.decreased && startTime - this.lastDecrease < 0) {
				this.stale++;
				return;
			}
			int before = this.delegate.getLimit();
			this.delegate.onSample(startTime, rtt, inflight, didDrop);
			if (this.delegate.getLimit() < before) {
				this.decreased = true;
				this.lastDecrease = this.clock.getAsLong();
			}
		}

		synchronized long staleSamples() {
			return this.stale;
		}

	}

}
