package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

class FaultInjectionTests extends StandaloneEmulatorTest {

	private final ExecutorService callers = Executors.newFixedThreadPool(10);

	@AfterAll
	void stopCallers() {
		this.callers.shutdownNow();
	}

	@Test
	void tooManyRequestsAnswers429WithoutPurchasing() {
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.TOO_MANY_REQUESTS, 1);

		EmulatorClient.Reply refused = buy("PhoneNumber", "+14155550100");
		EmulatorClient.Reply retried = buy("PhoneNumber", "+14155550100");

		assertError(refused, 429, 20429);
		assertThat(retried.status()).isEqualTo(201);
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isEqualTo(2);
	}

	@Test
	void failNextHitsOnlyTheNextCallsOfThatOperation() {
		this.emulator.faults().failNext(Operation.LIST, Fault.SERVER_ERROR, 2);

		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			statuses.add(this.client.get(this.client.account("/IncomingPhoneNumbers.json")).status());
		}

		assertThat(statuses).containsExactly(500, 500, 200);
		assertThat(this.client.get(this.client.account("/Balance.json")).status()).isEqualTo(200);
	}

	@Test
	void serverErrorAnswers500WithTwilioBody() {
		this.emulator.faults().failNext(Operation.FETCH, Fault.SERVER_ERROR, 1);
		String sid = buy("PhoneNumber", "+14155550100").text("sid");

		assertError(this.client.get(this.client.account("/IncomingPhoneNumbers/" + sid + ".json")), 500, 20500);
	}

	@Test
	void serviceUnavailableAnswers503AndChangesNothing() {
		String sid = buy("PhoneNumber", "+14155550100").text("sid");
		this.emulator.faults().failNext(Operation.RELEASE, Fault.SERVICE_UNAVAILABLE, 1);

		assertError(this.client.delete(this.client.account("/IncomingPhoneNumbers/" + sid + ".json")), 503, 20503);
		assertThat(this.emulator.owned(sid)).isPresent();
	}

	@Test
	void timeoutHangsUntilTheClientGivesUpWhateverItsTimeout() {
		this.emulator.faults().hangUntilReleased().failNext(Operation.SEARCH, Fault.TIMEOUT, 1);
		EmulatorClient impatient = EmulatorClient.of(this.server).withTimeout(Duration.ofMillis(150));

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> impatient.getOrFail(impatient.account("/AvailablePhoneNumbers/US/Local.json")));
	}

	@Test
	void aReleasedHangAnswersNormally() throws Exception {
		this.emulator.faults().hangUntilReleased().failNext(Operation.BALANCE, Fault.TIMEOUT, 1);

		CompletableFuture<EmulatorClient.Reply> reply = CompletableFuture
			.supplyAsync(() -> this.client.get(this.client.account("/Balance.json")));
		awaitWaiting(1);
		assertThat(reply).isNotDone();
		this.emulator.faults().releaseWaits();

		assertThat(reply.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(this.emulator.faults().waiting()).isZero();
	}

	@Test
	void timeoutAnswersNoEarlierThanTheHang() {
		this.emulator.faults().hangFor(Duration.ofMillis(300)).failNext(Operation.BALANCE, Fault.TIMEOUT, 1);

		long started = System.nanoTime();
		EmulatorClient.Reply reply = this.client.get(this.client.account("/Balance.json"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
	}

	@Test
	void stoppingTheEmulatorEndsEveryWaitAndSkipsLaterOnes() throws Exception {
		try (StandaloneTwilioEmulator stopping = StandaloneTwilioEmulator
			.start(TwilioEmulator.withDefaultCredentials())) {
			EmulatorClient client = EmulatorClient.of(stopping);
			stopping.emulator().faults().hangUntilReleased().failNext(Operation.BALANCE, Fault.TIMEOUT, 1);
			CompletableFuture<EmulatorClient.Reply> hanging = CompletableFuture
				.supplyAsync(() -> client.get(client.account("/Balance.json")));
			await().atMost(Duration.ofSeconds(60)).until(() -> stopping.emulator().faults().waiting() == 1);

			stopping.emulator().stop();

			assertError(hanging.get(60, TimeUnit.SECONDS), 503, 20503);
			stopping.emulator().faults().latency(Duration.ofDays(1));
			assertError(client.get(client.account("/Balance.json")), 503, 20503);
			assertThat(stopping.emulator().faults().waiting()).isZero();
		}
	}

	@Test
	void anEmulatorStartedAgainAfterAStopWaitsAsPlannedAgain() throws Exception {
		this.emulator.stop();
		this.emulator.start();

		this.emulator.faults().latency(Duration.ofMillis(1));
		assertThat(this.client.get(this.client.account("/Balance.json")).status()).isEqualTo(200);
		this.emulator.faults().latency(Duration.ZERO).hangUntilReleased().failNext(Operation.BALANCE, Fault.TIMEOUT, 1);
		CompletableFuture<EmulatorClient.Reply> hanging = CompletableFuture
			.supplyAsync(() -> this.client.get(this.client.account("/Balance.json")), this.callers);
		awaitWaiting(1);
		assertThat(hanging).isNotDone();
		this.emulator.faults().releaseWaits();

		assertThat(hanging.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
	}

	@Test
	void dropAfterCommitBuysTheNumberAndDropsTheConnection() {
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.DROP_AFTER_COMMIT, 1);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client
			.postOrFail(this.client.account("/IncomingPhoneNumbers.json"), "PhoneNumber", "+14155550100"));

		assertThat(this.emulator.ownedByNumber("+14155550100")).isPresent();
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
		assertThat(this.client.get(this.client.account("/IncomingPhoneNumbers.json?PhoneNumber=%2B14155550100"))
			.json()
			.get("incoming_phone_numbers")
			.size()).isEqualTo(1);
	}

	@Test
	void failRateIsRepeatableWithTheSameSeed() {
		List<Integer> first = statusesWithRate(7);
		List<Integer> second = statusesWithRate(7);

		assertThat(first).isEqualTo(second).contains(200, 429).containsOnly(200, 429);
	}

	@Test
	void failRateWithoutOperationHitsEveryOperation() {
		this.emulator.faults().failRate(null, Fault.SERVICE_UNAVAILABLE, 1.0);

		assertThat(this.client.get(this.client.account(".json")).status()).isEqualTo(503);
		assertThat(this.client.get(this.client.account("/Balance.json")).status()).isEqualTo(503);
	}

	@Test
	void failRateOfAnOperationWinsOverTheGeneralRate() {
		this.emulator.faults()
			.failRate(null, Fault.SERVICE_UNAVAILABLE, 1.0)
			.failRate(Operation.BALANCE, Fault.TOO_MANY_REQUESTS, 1.0);

		assertThat(this.client.get(this.client.account("/Balance.json")).status()).isEqualTo(429);
	}

	@Test
	void latencyDelaysEveryRequest() {
		this.emulator.faults().latency(Duration.ofMillis(200));

		long started = System.nanoTime();
		this.client.get(this.client.account("/Balance.json"));

		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
	}

	@Test
	void clearRemovesEveryFault() {
		this.emulator.faults()
			.latency(Duration.ofSeconds(5))
			.hangUntilReleased()
			.failNext(Operation.ACCOUNT, Fault.SERVER_ERROR, 3)
			.failRate(null, Fault.TOO_MANY_REQUESTS, 1.0)
			.clear();

		assertThat(this.emulator.faults().nextLatency()).isZero();
		assertThat(this.emulator.faults().hangFor()).isEqualTo(FaultPlan.DEFAULT_HANG);
		assertThat(this.client.get(this.client.account(".json")).status()).isEqualTo(200);
		assertThat(this.client.get(this.client.account("/Balance.json")).status()).isEqualTo(200);
	}

	@Test
	void concurrentRequestsAreServedInParallel() throws Exception {
		this.emulator.faults().hangUntilReleased().failNext(Operation.PURCHASE, Fault.TIMEOUT, 10);
		List<CompletableFuture<Integer>> purchases = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			String number = "+130355501" + (10 + i);
			purchases.add(CompletableFuture.supplyAsync(() -> buy("PhoneNumber", number).status(), this.callers));
		}

		awaitWaiting(10);
		this.emulator.faults().releaseWaits();

		List<Integer> statuses = new ArrayList<>();
		for (CompletableFuture<Integer> purchase : purchases) {
			statuses.add(purchase.get(60, TimeUnit.SECONDS));
		}
		assertThat(statuses).hasSize(10).containsOnly(201);
		assertThat(this.emulator.ownedCount()).isEqualTo(10);
	}

	private void awaitWaiting(int requests) {
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() == requests);
	}

	private List<Integer> statusesWithRate(long seed) {
		this.emulator.faults().clear().seed(seed).failRate(Operation.BALANCE, Fault.TOO_MANY_REQUESTS, 0.5);
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			statuses.add(this.client.get(this.client.account("/Balance.json")).status());
		}
		return statuses;
	}

}
