package io.twilioprovisioning.twilio;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.twilioprovisioning.twilio.BulkConcurrencyLimit.Outcome;
import io.twilioprovisioning.twilio.BulkConcurrencyLimit.Permit;
import io.twilioprovisioning.twilio.TwilioTransportException.Failure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The adaptive limit of bulk Twilio calls on its own, driven permit by permit: how it
 * moves on good and overloaded answers, its bounds, its gauges, and waiting for a permit.
 */
@ExtendWith(OutputCaptureExtension.class)
class BulkConcurrencyLimitTests {

	private static final Duration SLOW = Duration.ofMinutes(1);

	private static BulkConcurrencyLimit limit(int min, int initial, int max, double ratio, Duration wait) {
		return new BulkConcurrencyLimit(new BulkConcurrencyProperties(min, initial, max, ratio, wait, 20), SLOW);
	}

	private static List<Permit> acquire(BulkConcurrencyLimit limit, int count) {
		List<Permit> permits = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			permits.add(limit.acquire("test"));
		}
		return permits;
	}

	@Test
	void overloadHalvesTheLimitOnceAndGoodAnswersGrowItAgain() {
		BulkConcurrencyLimit limit = limit(1, 8, 16, 0.5, SLOW);
		List<Permit> inFlight = acquire(limit, 8);
		assertThat(limit.inFlight()).isEqualTo(8);

		inFlight.get(0).release(Outcome.OVERLOADED);
		assertThat(limit.limit()).isEqualTo(4);
		inFlight.get(1).release(Outcome.OVERLOADED);
		inFlight.subList(2, 8).forEach((permit) -> permit.release(Outcome.GOOD));
		assertThat(limit.limit()).as("answers to calls sent before the cut do not move it again").isEqualTo(4);
		assertThat(limit.stats().staleSamples()).isEqualTo(7);
		assertThat(limit.inFlight()).isZero();

		List<Permit> next = acquire(limit, 4);
		next.forEach((permit) -> permit.release(Outcome.GOOD));
		BulkConcurrencyLimit.Stats stats = limit.stats();
		assertThat(stats.limit()).as("grows by one per good answer while at least half is in use").isEqualTo(7);
		assertThat(stats.decreases()).isEqualTo(1);
		assertThat(stats.increasesAfterDecrease()).isEqualTo(3);
		assertThat(stats.lowest()).isEqualTo(4);
	}

	@Test
	void answersThatSayNothingAboutTheLoadLeaveTheLimitAlone() {
		BulkConcurrencyLimit limit = limit(1, 4, 16, 0.5, SLOW);
		acquire(limit, 4).forEach((permit) -> permit.release(Outcome.NEUTRAL));
		assertThat(limit.limit()).isEqualTo(4);
		assertThat(limit.inFlight()).isZero();
		assertThat(Outcome.ofStatus(429)).isEqualTo(Outcome.OVERLOADED);
		assertThat(Outcome.ofStatus(503)).isEqualTo(Outcome.OVERLOADED);
		assertThat(Outcome.ofStatus(500)).isEqualTo(Outcome.NEUTRAL);
		assertThat(Outcome.ofStatus(404)).isEqualTo(Outcome.GOOD);
		assertThat(Outcome.ofStatus(200)).isEqualTo(Outcome.GOOD);
		assertThat(Outcome.ofFailure(Failure.TIMED_OUT)).isEqualTo(Outcome.OVERLOADED);
		assertThat(Outcome.ofFailure(Failure.CONNECTION_LOST)).isEqualTo(Outcome.NEUTRAL);
	}

	@Test
	void limitNeverLeavesItsBounds() {
		BulkConcurrencyLimit limit = limit(2, 3, 5, 0.5, SLOW);
		for (int round = 0; round < 10; round++) {
			acquire(limit, limit.limit()).forEach((permit) -> permit.release(Outcome.GOOD));
			assertThat(limit.limit()).isBetween(2, 5);
		}
		assertThat(limit.limit()).isEqualTo(5);
		for (int round = 0; round < 10; round++) {
			limit.acquire("test").release(Outcome.OVERLOADED);
			assertThat(limit.limit()).isBetween(2, 5);
		}
		assertThat(limit.limit()).isEqualTo(2);
		assertThat(limit.stats().highest()).isEqualTo(5);
		assertThat(limit.stats().lowest()).isEqualTo(2);
	}

	@Test
	void waitingForAPermitEndsAfterTheConfiguredTimeWithoutSending() {
		BulkConcurrencyLimit limit = limit(1, 2, 2, 0.5, Duration.ofMillis(50));
		List<Permit> held = acquire(limit, 2);
		TwilioTransportException busy = catchThrowableOfType(TwilioTransportException.class,
				() -> limit.acquire("POST /x"));
		assertThat(busy.failure()).isEqualTo(Failure.BUSY);
		assertThat(busy.mayHaveReachedTwilio()).isFalse();
		assertThat(limit.inFlight()).isEqualTo(2);
		held.forEach((permit) -> permit.release(Outcome.GOOD));
		assertThat(limit.inFlight()).isZero();
	}

	@Test
	void aWaiterThatIsInterruptedGivesUpWithoutTakingAPermit() throws InterruptedException {
		BulkConcurrencyLimit limit = limit(1, 1, 1, 0.5, SLOW);
		Permit held = limit.acquire("test");
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Thread waiter = new Thread(() -> {
			try {
				limit.acquire("POST /x").release(Outcome.GOOD);
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
		waiter.start();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> waiter.getState() == Thread.State.WAITING || waiter.getState() == Thread.State.TIMED_WAITING);
		waiter.interrupt();
		waiter.join(Duration.ofSeconds(30).toMillis());
		assertThat(waiter.isAlive()).isFalse();
		assertThat(failure.get()).isInstanceOfSatisfying(TwilioTransportException.class,
				(ex) -> assertThat(ex.failure()).isEqualTo(Failure.INTERRUPTED_BEFORE_SENDING));
		assertThat(limit.inFlight()).isEqualTo(1);
		held.release(Outcome.GOOD);
		assertThat(limit.inFlight()).isZero();
		limit.acquire("test").release(Outcome.GOOD);
	}

	@Test
	void boundsThatContradictEachOtherAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkConcurrencyProperties(8, 8, 4, 0.5, SLOW, 20))
			.withMessageContaining("min-concurrency");
		assertThatIllegalArgumentException().isThrownBy(() -> new BulkConcurrencyProperties(2, 1, 4, 0.5, SLOW, 20))
			.withMessageContaining("initial-concurrency");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BulkConcurrencyProperties(1, 1, 4, 0.5, Duration.ofHours(2), 20))
			.withMessageContaining("acquire-timeout");
	}

	@Test
	void gaugesShowTheLimitAndTheCallsInFlight() {
		BulkConcurrencyLimit limit = limit(1, 6, 16, 0.5, SLOW);
		SimpleMeterRegistry registry = new SimpleMeterRegistry();
		limit.bindTo(registry);
		List<Permit> held = acquire(limit, 2);
		assertThat(registry.get("twilio.bulk.concurrency.limit").gauge().value()).isEqualTo(6);
		assertThat(registry.get("twilio.bulk.concurrency.in_flight").gauge().value()).isEqualTo(2);
		held.get(0).release(Outcome.OVERLOADED);
		held.get(1).release(Outcome.GOOD);
		assertThat(registry.get("twilio.bulk.concurrency.limit").gauge().value()).isEqualTo(3);
		assertThat(registry.get("twilio.bulk.concurrency.in_flight").gauge().value()).isZero();
		assertThat(registry.get("twilio.bulk.concurrency.overloads").functionCounter().count()).isEqualTo(1);
	}

	@Test
	void largeChangesAreLoggedAndSmallOnesAreNot(CapturedOutput output) {
		BulkConcurrencyLimit limit = limit(1, 8, 16, 0.5, SLOW);
		limit.acquire("test").release(Outcome.OVERLOADED);
		assertThat(output).contains("Bulk Twilio concurrency limit 8 -> 4");
		List<Permit> permits = acquire(limit, 2);
		permits.forEach((permit) -> permit.release(Outcome.GOOD));
		assertThat(limit.limit()).isEqualTo(5);
		assertThat(output).doesNotContain("limit 4 -> 5");
	}

}
