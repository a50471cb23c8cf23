package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class FaultInjectionTests extends StandaloneEmulatorTest {

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
	void timeoutHangsLongerThanAnImpatientClientWaits() {
		this.emulator.faults().hangFor(Duration.ofMillis(400)).failNext(Operation.SEARCH, Fault.TIMEOUT, 1);
		EmulatorClient impatient = EmulatorClient.of(this.server).withTimeout(Duration.ofMillis(150));

		assertThatExceptionOfType(HttpTimeoutException.class)
			.isThrownBy(() -> impatient.getOrFail(impatient.account("/AvailablePhoneNumbers/US/Local.json")));
	}

	@Test
	void timeoutAnswersAfterTheHang() {
		this.emulator.faults().hangFor(Duration.ofMillis(300)).failNext(Operation.BALANCE, Fault.TIMEOUT, 1);

		long started = System.nanoTime();
		EmulatorClient.Reply reply = this.client.get(this.client.account("/Balance.json"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
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
			.failNext(Operation.ACCOUNT, Fault.SERVER_ERROR, 3)
			.failRate(null, Fault.TOO_MANY_REQUESTS, 1.0)
			.clear();

		long started = System.nanoTime();
		assertThat(this.client.get(this.client.account(".json")).status()).isEqualTo(200);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void concurrentRequestsAreServedInParallel() throws Exception {
		this.emulator.faults().latency(Duration.ofMillis(300));
		List<Thread> threads = new ArrayList<>();
		List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
		long started = System.nanoTime();
		for (int i = 0; i < 10; i++) {
			String number = "+130355501" + (10 + i);
			Thread thread = new Thread(() -> statuses.add(buy("PhoneNumber", number).status()));
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}

		assertThat(statuses).hasSize(10).containsOnly(201);
		assertThat(this.emulator.ownedCount()).isEqualTo(10);
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2500));
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
