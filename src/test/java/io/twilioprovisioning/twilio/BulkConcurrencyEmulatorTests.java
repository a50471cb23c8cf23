package io.twilioprovisioning.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.platform.BulkWork;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.OwnedRecord;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.twilio.BulkConcurrencyLimit.Outcome;
import io.twilioprovisioning.twilio.BulkConcurrencyLimit.Permit;
import io.twilioprovisioning.twilio.TwilioFixtures.Adapter;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Bulk calls through the real adapter against the emulator with its account concurrency
 * limit (429 above it): nothing is lost, the adaptive limit backs off and grows again,
 * retries wait for a permit, interactive calls pass the bulk limit by, and an interrupt
 * gives the permit back. Overlaps are made certain by holding requests in the emulator
 * until the test releases them, never by timing.
 */
class BulkConcurrencyEmulatorTests {

	private static final Duration PATIENCE = Duration.ofSeconds(60);

	private static final Duration HOLD = Duration.ofMinutes(10);

	private static final WebhookConfig REPOINTED = new WebhookConfig("https://new.example.com/voice",
			WebhookMethod.POST, null, "https://new.example.com/sms", WebhookMethod.POST, null,
			"https://new.example.com/status");

	private TwilioEmulator emulator;

	private StandaloneTwilioEmulator server;

	private Adapter adapter;

	private ExecutorService pool;

	@BeforeEach
	void start() {
		this.emulator = new TwilioEmulator(ACCOUNT_SID, AUTH_TOKEN);
		this.server = StandaloneTwilioEmulator.start(this.emulator, 64);
		this.pool = Executors.newFixedThreadPool(24);
	}

	@AfterEach
	void stop() throws InterruptedException {
		this.emulator.faults().clear();
		this.pool.shutdownNow();
		this.pool.awaitTermination(30, TimeUnit.SECONDS);
		if (this.adapter != null) {
			this.adapter.close();
		}
		this.server.close();
	}

	private BulkConcurrencyLimit connect(int min, int initial, int max) {
		TwilioProperties base = TwilioFixtures.properties(URI.create(this.server.baseUrl()));
		TwilioProperties properties = new TwilioProperties(base.accountSid(), base.authToken(), null, null,
				base.apiBaseUrl(), base.connectTimeout(), base.readTimeout(), 2, 2, Duration.ofMillis(5),
				Duration.ofMillis(20));
		BulkConcurrencyLimit limit = new BulkConcurrencyLimit(
				new BulkConcurrencyProperties(min, initial, max, 0.5, PATIENCE, 20), properties.readTimeout());
		this.adapter = TwilioFixtures.adapter(properties, limit);
		return limit;
	}

	private Future<?> bulkUpdate(String sid) {
		return this.pool.submit(() -> BulkWork
			.run(() -> this.adapter.carrier().update(sid, new NumberUpdate("Re-pointed", REPOINTED))));
	}

	@Test
	void bulkCallsOverTheAccountLimitAllSucceedWhileTheLimitBacksOffAndGrowsAgain() throws Exception {
		BulkConcurrencyLimit limit = connect(1, 12, 32);
		List<String> sids = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			sids.add(this.emulator.addOwned("+1415555%04d".formatted(1000 + i)).sid());
		}
		this.emulator.faults().concurrencyLimit(4).latency(HOLD);

		List<Future<?>> calls = new ArrayList<>();
		sids.forEach((sid) -> calls.add(bulkUpdate(sid)));
		await().atMost(PATIENCE).until(() -> this.emulator.faults().waiting() == 4 && limit.stats().decreases() > 0);
		assertThat(limit.limit()).as("cut below the 12 it started with").isLessThan(12);

		this.emulator.faults().latency(Duration.ofMillis(20)).releaseWaits();
		for (Future<?> call : calls) {
			call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		}

		assertThat(this.emulator.ownedNumbers()).filteredOn((owned) -> sids.contains(owned.sid()))
			.hasSize(200)
			.extracting(OwnedRecord::voiceUrl)
			.containsOnly("https://new.example.com/voice");
		assertThat(this.emulator.requestCount(Operation.UPDATE)).as("each got past the account limit once")
			.isEqualTo(200);
		BulkConcurrencyLimit.Stats stats = limit.stats();
		assertThat(stats.increasesAfterDecrease()).as("grew again after good answers").isPositive();
		assertThat(stats.lowest()).isGreaterThanOrEqualTo(1);
		assertThat(stats.highest()).isLessThanOrEqualTo(32);
		assertThat(stats.inFlight()).isZero();
	}

	@Test
	void interactiveCallsPassWhileEveryBulkPermitIsHeld() throws Exception {
		BulkConcurrencyLimit limit = connect(2, 2, 2);
		String sid = this.emulator.addOwned("+14155550100").sid();
		Permit first = limit.acquire("held");
		Permit second = limit.acquire("held");

		assertThat(this.adapter.carrier().fetch(sid)).isPresent();

		int fetchesBefore = this.emulator.requestCount(Operation.FETCH);
		Future<?> bulk = this.pool.submit(() -> BulkWork.run(() -> this.adapter.carrier().fetch(sid)));
		await().atMost(PATIENCE).until(() -> waitingThreads() > 0);
		assertThat(this.emulator.requestCount(Operation.FETCH)).as("the bulk call waits for a permit")
			.isEqualTo(fetchesBefore);
		assertThat(bulk).isNotDone();
		assertThat(this.adapter.carrier().fetch(sid)).as("an interactive call still goes through").isPresent();

		first.release(Outcome.GOOD);
		bulk.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
		second.release(Outcome.GOOD);
		assertThat(this.emulator.requestCount(Operation.FETCH)).isEqualTo(fetchesBefore + 2);
		assertThat(limit.inFlight()).isZero();
	}

	@Test
	void eachRetryOfABulkCallAfter429WaitsForAPermitAndCountsAsAnOverload() {
		BulkConcurrencyLimit limit = connect(1, 4, 4);
		String sid = this.emulator.addOwned("+14155550101").sid();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.TOO_MANY_REQUESTS, 2);

		BulkWork.run(() -> this.adapter.carrier().update(sid, new NumberUpdate("Re-pointed", REPOINTED)));

		assertThat(this.emulator.requestCount(Operation.UPDATE)).isEqualTo(3);
		BulkConcurrencyLimit.Stats stats = limit.stats();
		assertThat(stats.decreases()).as("4 -> 2 -> 1: each attempt held its own permit").isEqualTo(2);
		assertThat(stats.lowest()).isEqualTo(1);
		assertThat(stats.inFlight()).isZero();
		assertThat(this.emulator.owned(sid).orElseThrow().voiceUrl()).isEqualTo("https://new.example.com/voice");
	}

	@Test
	void aBulkCallOutlasts429sBeyondTheRetriesOfAnInteractiveOne() {
		connect(1, 4, 4);
		String sid = this.emulator.addOwned("+14155550104").sid();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.TOO_MANY_REQUESTS, 5);

		BulkWork.run(() -> this.adapter.carrier().update(sid, new NumberUpdate("Re-pointed", REPOINTED)));

		assertThat(this.emulator.requestCount(Operation.UPDATE)).isEqualTo(6);
		this.emulator.faults().failNext(Operation.UPDATE, Fault.TOO_MANY_REQUESTS, 5);
		assertThatExceptionOfType(CarrierUnavailableException.class)
			.isThrownBy(() -> this.adapter.carrier().update(sid, new NumberUpdate("Again", REPOINTED)))
			.withMessageContaining("rate limiting");
		assertThat(this.emulator.requestCount(Operation.UPDATE)).as("twilio.max-retries = 2").isEqualTo(9);
	}

	@Test
	void interactiveCallsDoNotMoveTheBulkLimit() {
		BulkConcurrencyLimit limit = connect(1, 4, 4);
		String sid = this.emulator.addOwned("+14155550102").sid();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.TOO_MANY_REQUESTS, 2);

		this.adapter.carrier().update(sid, new NumberUpdate("Re-pointed", REPOINTED));

		assertThat(this.emulator.requestCount(Operation.UPDATE)).isEqualTo(3);
		assertThat(limit.stats().decreases()).isZero();
		assertThat(limit.limit()).isEqualTo(4);
	}

	@Test
	void interruptingABulkCallInFlightGivesItsPermitBack() throws Exception {
		BulkConcurrencyLimit limit = connect(1, 1, 1);
		String sid = this.emulator.addOwned("+14155550103").sid();
		this.emulator.faults().latency(HOLD);
		AtomicReference<Thread> worker = new AtomicReference<>();
		AtomicReference<Throwable> failure = new AtomicReference<>();
		Future<?> call = this.pool.submit(() -> {
			worker.set(Thread.currentThread());
			try {
				BulkWork.run(() -> this.adapter.carrier().fetch(sid));
			}
			catch (RuntimeException ex) {
				failure.set(ex);
			}
		});
		await().atMost(PATIENCE).until(() -> this.emulator.faults().waiting() == 1 && limit.inFlight() == 1);

		worker.get().interrupt();
		call.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

		assertThat(failure.get()).isInstanceOf(CarrierUnavailableException.class).hasMessageContaining("interrupted");
		assertThat(limit.inFlight()).isZero();
		this.emulator.faults().latency(Duration.ZERO).releaseWaits();
		assertThat(BulkWork.call(() -> this.adapter.carrier().fetch(sid))).as("the permit is free again").isPresent();
	}

	private long waitingThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getState() == Thread.State.WAITING
					|| thread.getState() == Thread.State.TIMED_WAITING)
			.filter((thread) -> List.of(thread.getStackTrace())
				.stream()
				.anyMatch((frame) -> frame.getClassName().endsWith("BlockingLimiter")))
			.count();
	}

}
