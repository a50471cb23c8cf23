package io.twilioprovisioning.sandbox;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The latency and failures the emulator injects, so tests can show what a client does
 * when Twilio is slow, refuses, fails or loses an answer. Deterministic rules
 * ({@link #failNext}) win over random ones ({@link #failRate}); random draws come from a
 * seeded generator so a failing run can be repeated. Thread-safe.
 *
 * <p>
 * Every injected wait (latency, a hang) can be ended early: {@link #releaseWaits()} lets
 * the waiting requests go on at once, and when the emulator stops ({@link #stop()}) they
 * end and every later wait is skipped until it starts again ({@link #start()}), so no
 * thread stays asleep in a fault past the end of a test or a shutdown.
 */
public final class FaultPlan {

	/** Seed of the random generator until {@link #seed(long)} changes it. */
	public static final long DEFAULT_SEED = 20100401L;

	/**
	 * How long {@link Fault#TIMEOUT} hangs until {@link #hangFor(Duration)} changes it.
	 */
	public static final Duration DEFAULT_HANG = Duration.ofSeconds(30);

	/** A hang without end: it lasts until released or until the emulator stops. */
	private static final Duration FOREVER = Duration.ofSeconds(Long.MAX_VALUE);

	private final Object lock = new Object();

	private final Map<Operation, Deque<Pending>> pending = new EnumMap<>(Operation.class);

	private final Map<Operation, Rate> rates = new EnumMap<>(Operation.class);

	private Rate anyOperationRate;

	private Random random = new Random(DEFAULT_SEED);

	private Duration minLatency = Duration.ZERO;

	private Duration maxLatency = Duration.ZERO;

	private Duration hang = DEFAULT_HANG;

	private int concurrencyLimit;

	private long releases;

	private int waiting;

	private boolean stopped;

	/**
	 * Delays every request by the same time.
	 * @param fixed the delay, {@link Duration#ZERO} for none
	 * @return this plan
	 */
	public FaultPlan latency(Duration fixed) {
		return latency(fixed, fixed);
	}

	/**
	 * Delays every request by a random time between the bounds (inclusive).
	 * @param min the shortest delay
	 * @param max the longest delay
	 * @return this plan
	 */
	public FaultPlan latency(Duration min, Duration max) {
		if (min.isNegative() || max.compareTo(min) < 0) {
			throw new IllegalArgumentException("Need 0 <= min <= max, was " + min + " and " + max);
		}
		synchronized (this.lock) {
			this.minLatency = min;
			this.maxLatency = max;
		}
		return this;
	}

	/**
	 * Makes the next calls of an operation fail, after any failures already queued for
	 * it.
	 * @param operation the operation
	 * @param fault the failure
	 * @param times how many calls in a row get it
	 * @return this plan
	 */
	public FaultPlan failNext(Operation operation, Fault fault, int times) {
		if (operation == null || fault == null || times < 1) {
			throw new IllegalArgumentException("Need an operation, a fault and times >= 1");
		}
		synchronized (this.lock) {
			this.pending.computeIfAbsent(operation, (key) -> new ArrayDeque<>()).addLast(new Pending(fault, times));
		}
		return this;
	}

	/**
	 * Makes a share of the calls fail at random, replacing an earlier rate for the same
	 * operation.
	 * @param operation the operation, or {@code null} for every operation without a rate
	 * of its own
	 * @param fault the failure
	 * @param rate the probability from 0 (never, removes the rule) to 1 (always)
	 * @return this plan
	 */
	public FaultPlan failRate(Operation operation, Fault fault, double rate) {
		if (fault == null || rate < 0 || rate > 1) {
			throw new IllegalArgumentException("Need a fault and a rate between 0 and 1, was " + rate);
		}
		Rate rule = (rate > 0) ? new Rate(fault, rate) : null;
		synchronized (this.lock) {
			if (operation == null) {
				this.anyOperationRate = rule;
			}
			else if (rule == null) {
				this.rates.remove(operation);
			}
			else {
				this.rates.put(operation, rule);
			}
		}
		return this;
	}

	/**
	 * Answers 429 (20429) to every request that arrives while {@code limit} requests of
	 * the account are already in flight, as Twilio's account concurrency limit does.
	 * @param limit the most requests in flight, {@code 0} for no limit
	 * @return this plan
	 */
	public FaultPlan concurrencyLimit(int limit) {
		if (limit < 0) {
			throw new IllegalArgumentException("Negative concurrency limit " + limit);
		}
		synchronized (this.lock) {
			this.concurrencyLimit = limit;
		}
		return this;
	}

	/**
	 * Whether a request that makes this many requests in flight is over the limit.
	 */
	boolean overConcurrencyLimit(int inFlight) {
		synchronized (this.lock) {
			return this.concurrencyLimit > 0 && inFlight > this.concurrencyLimit;
		}
	}

	/**
	 * What the plan holds now, e.g. to show it.
	 * @return a copy of the rules, latency, hang and limit
	 */
	public Snapshot snapshot() {
		synchronized (this.lock) {
			List<Rule> rules = new ArrayList<>();
			this.pending.forEach((operation, queue) -> queue
				.forEach((next) -> rules.add(new Rule(operation, next.fault, null, next.remaining))));
			if (this.anyOperationRate != null) {
				rules.add(new Rule(null, this.anyOperationRate.fault(), this.anyOperationRate.probability(), null));
			}
			this.rates
				.forEach((operation, rate) -> rules.add(new Rule(operation, rate.fault(), rate.probability(), null)));
			return new Snapshot(this.minLatency, this.maxLatency, this.hang, this.concurrencyLimit, List.copyOf(rules));
		}
	}

	/**
	 * Sets how long {@link Fault#TIMEOUT} (and {@link Fault#DROP_AFTER_COMMIT} where the
	 * transport cannot drop) hangs.
	 * @param duration the hang
	 * @return this plan
	 */
	public FaultPlan hangFor(Duration duration) {
		if (duration.isNegative()) {
			throw new IllegalArgumentException("Negative hang " + duration);
		}
		synchronized (this.lock) {
			this.hang = duration;
		}
		return this;
	}

	/**
	 * Makes hanging faults hang until {@link #releaseWaits()}, {@link #clear()} or the
	 * emulator stops, however patient the client is: a client with any read timeout times
	 * out, whatever the machine's speed.
	 * @return this plan
	 */
	public FaultPlan hangUntilReleased() {
		return hangFor(FOREVER);
	}

	/**
	 * How long a hanging fault hangs.
	 * @return the hang, {@link #DEFAULT_HANG} unless changed
	 */
	public Duration hangFor() {
		synchronized (this.lock) {
			return this.hang;
		}
	}

	/**
	 * Ends every wait in progress (latency and hangs): the waiting requests go on at once
	 * as if their time had passed. Later requests wait as the plan says.
	 * @return this plan
	 */
	public FaultPlan releaseWaits() {
		synchronized (this.lock) {
			this.releases++;
			this.lock.notifyAll();
		}
		return this;
	}

	/**
	 * How many requests are waiting in an injected latency or hang right now, so a test
	 * can wait for a hang to have begun instead of sleeping.
	 * @return the number of waiting requests
	 */
	public int waiting() {
		synchronized (this.lock) {
			return this.waiting;
		}
	}

	/**
	 * Restarts the random generator used for latency and fail rates.
	 * @param seed the seed
	 * @return this plan
	 */
	public FaultPlan seed(long seed) {
		synchronized (this.lock) {
			this.random = new Random(seed);
		}
		return this;
	}

	/**
	 * Removes every rule and latency, restores the default hang and seed, and ends every
	 * wait in progress ({@link #releaseWaits()}).
	 * @return this plan
	 */
	public FaultPlan clear() {
		synchronized (this.lock) {
			this.releases++;
			this.lock.notifyAll();
			this.pending.clear();
			this.rates.clear();
			this.anyOperationRate = null;
			this.minLatency = Duration.ZERO;
			this.maxLatency = Duration.ZERO;
			this.hang = DEFAULT_HANG;
			this.concurrencyLimit = 0;
			this.random = new Random(DEFAULT_SEED);
		}
		return this;
	}

	/**
	 * Ends every wait now and skips every later one: the emulator is stopping.
	 */
	void stop() {
		synchronized (this.lock) {
			this.stopped = true;
			this.lock.notifyAll();
		}
	}

	/**
	 * Lets later requests wait as the plan says again after {@link #stop()}: the emulator
	 * is running again.
	 */
	void start() {
		synchronized (this.lock) {
			this.stopped = false;
		}
	}

	/**
	 * Waits for the given time unless {@link #releaseWaits()}, {@link #clear()} or
	 * {@link #stop()} ends the wait first.
	 * @param duration how long
	 * @return {@code true} when the request goes on (the time passed or the wait was
	 * released), {@code false} when the emulator stopped or the thread was interrupted
	 */
	boolean await(Duration duration) {
		synchronized (this.lock) {
			if (this.stopped) {
				return duration.isZero();
			}
			if (duration.isZero()) {
				return true;
			}
			long generation = this.releases;
			long remaining = saturatedNanos(duration);
			this.waiting++;
			try {
				while (!this.stopped && this.releases == generation && remaining > 0) {
					long started = System.nanoTime();
					TimeUnit.NANOSECONDS.timedWait(this.lock, remaining);
					remaining -= System.nanoTime() - started;
				}
				return !this.stopped;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			finally {
				this.waiting--;
			}
		}
	}

	private static long saturatedNanos(Duration duration) {
		try {
			return duration.toNanos();
		}
		catch (ArithmeticException ex) {
			return Long.MAX_VALUE;
		}
	}

	Duration nextLatency() {
		synchronized (this.lock) {
			long min = this.minLatency.toNanos();
			long max = this.maxLatency.toNanos();
			return (max == min) ? this.minLatency : Duration.ofNanos(min + this.random.nextLong(max - min + 1));
		}
	}

	Optional<Fault> nextFault(Operation operation) {
		synchronized (this.lock) {
			Deque<Pending> queue = this.pending.get(operation);
			if (queue != null && !queue.isEmpty()) {
				Pending head = queue.peekFirst();
				head.remaining--;
				if (head.remaining == 0) {
					queue.removeFirst();
				}
				return Optional.of(head.fault);
			}
			Rate rate = this.rates.getOrDefault(operation, this.anyOperationRate);
			if (rate != null && this.random.nextDouble() < rate.probability()) {
				return Optional.of(rate.fault());
			}
			return Optional.empty();
		}
	}

	private static final class Pending {

		private final Fault fault;

		private int remaining;

		Pending(Fault fault, int remaining) {
			this.fault = fault;
			this.remaining = remaining;
		}

	}

	private record Rate(Fault fault, double probability) {

	}

	/**
	 * What a plan holds at one moment.
	 *
	 * @param minLatency the shortest injected delay
	 * @param maxLatency the longest injected delay
	 * @param hang how long a hanging fault hangs
	 * @param concurrencyLimit the most requests in flight, {@code 0} for no limit
	 * @param rules the failures, queued ones first
	 */
	public record Snapshot(Duration minLatency, Duration maxLatency, Duration hang, int concurrencyLimit,
			List<Rule> rules) {

		/**
		 * Whether the plan injects anything.
		 * @return {@code true} with latency, a limit or a rule
		 */
		public boolean isActive() {
			return !this.maxLatency.isZero() || this.concurrencyLimit > 0 || !this.rules.isEmpty();
		}

	}

	/**
	 * A failure rule of a plan: a rate, or the next calls.
	 *
	 * @param operation the operation, {@code null} for every operation without a rate of
	 * its own
	 * @param fault the failure
	 * @param rate the share of calls that fail, or {@code null}
	 * @param remaining how many of the next calls fail, or {@code null}
	 */
	public record Rule(Operation operation, Fault fault, Double rate, Integer remaining) {

	}

}
