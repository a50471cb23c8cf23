package io.twilioprovisioning.numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Purchases by area code that run at once pick different numbers, and when the area code
 * runs out the rest get a plain "no number for sale" answer, never a Twilio error code
 * Twilio did not send. Each test uses an area code no other test buys in.
 */
@RunningServerTest
class PurchaseByAreaCodeTests {

	static final String ADMIN = "area-ops@test.local";

	@LocalServerPort
	int port;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	JdbcClient jdbc;

	Client client;

	@BeforeEach
	void setUp() {
		this.emulator.faults().clear();
		this.client = this.clients.create("Area " + UUID.randomUUID(), null);
	}

	List<String> forSale(String areaCode) {
		return this.lifecycle
			.search(SearchCriteria.local("US").withAreaCode(areaCode).withLimit(SearchCriteria.MAX_LIMIT))
			.numbers()
			.stream()
			.map((n) -> n.phoneNumber().value())
			.toList();
	}

	/** Runs the purchases at once, each answer a result or the domain exception. */
	List<Object> buyAtOnce(String areaCode, int purchases) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(purchases);
		CountDownLatch start = new CountDownLatch(1);
		try {
			List<Future<Object>> answers = new ArrayList<>();
			for (int i = 0; i < purchases; i++) {
				answers.add(pool.submit((Callable<Object>) () -> {
					start.await();
					try {
						return this.lifecycle
							.purchase(new PurchaseCommand(null, areaCode, this.client.id(), null, null, ADMIN));
					}
					catch (DomainException ex) {
						return ex;
					}
				}));
			}
			start.countDown();
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> answer : answers) {
				outcomes.add(answer.get(120, TimeUnit.SECONDS));
			}
			return outcomes;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void thirtyConcurrentPurchasesInOneAreaCodeBuyThirtyDifferentNumbers() throws Exception {
		assertThat(forSale("702")).hasSize(30);
		int before = this.emulator.purchaseCount();

		List<Object> outcomes = buyAtOnce("702", 30);

		assertThat(outcomes).allSatisfy((o) -> assertThat(o).isInstanceOf(PurchaseResult.class));
		List<String> bought = outcomes.stream().map((o) -> ((PurchaseResult) o).number().e164()).toList();
		assertThat(bought).hasSize(30).doesNotHaveDuplicates().allSatisfy((n) -> assertThat(n).startsWith("+1702"));
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 30);
		assertThat(bought).allSatisfy((n) -> assertThat(this.emulator.ownedByNumber(n)).isPresent());
		assertThat(this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE client_id = :client AND state = 'ACTIVE'")
			.param("client", this.client.id())
			.query(Long.class)
			.single()).isEqualTo(30);
	}

	@Test
	void whenFewerNumbersAreForSaleTheRestAreToldSoWithoutATwilioCode() throws Exception {
		List<String> offered = forSale("510");
		for (int i = 0; i < 100; i++) {
			String number = String.format("+1510555%04d", 100 + i);
			if (!offered.subList(0, 3).contains(number)) {
				this.emulator.addOwned(number);
			}
		}
		assertThat(forSale("510")).hasSize(3);
		int before = this.emulator.purchaseCount();

		List<Object> outcomes = buyAtOnce("510", 6);

		assertThat(outcomes).filteredOn(PurchaseResult.class::isInstance).hasSize(3);
		assertThat(outcomes).filteredOn(NumberConflictException.class::isInstance).hasSize(3).allSatisfy((o) -> {
			NumberConflictException ex = (NumberConflictException) o;
			assertThat(ex.problem()).isEqualTo("no-number-for-sale");
			assertThat(ex.getMessage()).contains("No number is left for sale in area code 510");
			assertThat(ex.properties()).doesNotContainKeys("twilioCode", "moreInfo");
		});
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 3);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM phone_numbers WHERE requested_area_code = '510' AND state = 'FAILED'
				  AND failure_code IS NULL AND failure_problem = 'no-number-for-sale'""").query(Long.class).single())
			.isGreaterThanOrEqualTo(3);
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM audit_events WHERE action = 'PURCHASE' AND outcome = 'FAILED'
				  AND twilio_code IS NOT NULL AND detail LIKE 'No number is left for sale%'""")
			.query(Long.class)
			.single()).isZero();

		Response answer = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.post("/api/admin/twilio/purchase", "{\"areaCode\":\"510\",\"clientId\":" + this.client.id() + "}");
		assertThat(answer.status()).as(answer.body()).isEqualTo(409);
		assertThat(answer.json().get("type").asString()).endsWith("/no-number-for-sale");
		assertThat(answer.json().has("twilioCode")).isFalse();
		assertThat(answer.json().has("moreInfo")).isFalse();
	}

	@Test
	void aReplayOfAPurchaseThatFoundNoNumberRepeatsTheSameAnswer() {
		String key = "none-" + UUID.randomUUID();
		PurchaseCommand command = new PurchaseCommand(null, TwilioEmulator.MAGIC_EMPTY_AREA_CODE, this.client.id(),
				null, key, ADMIN);

		assertThatExceptionOfType(NumberConflictException.class).isThrownBy(() -> this.lifecycle.purchase(command))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("no-number-for-sale"));
		assertThatExceptionOfType(NumberConflictException.class).isThrownBy(() -> this.lifecycle.purchase(command))
			.satisfies((ex) -> {
				assertThat(ex.problem()).isEqualTo("no-number-for-sale");
				assertThat(ex.getMessage()).contains("idempotency key");
				assertThat(ex.properties()).doesNotContainKey("twilioCode");
			});
	}

	@Test
	void aReplayOfARefusalKeepsTwilioCodeAndClass() {
		String key = "refused-" + UUID.randomUUID();
		PurchaseCommand command = new PurchaseCommand(E164Number.parse(TwilioEmulator.MAGIC_UNAVAILABLE), null,
				this.client.id(), null, key, ADMIN);

		assertThatExceptionOfType(CarrierRefusedException.class).isThrownBy(() -> this.lifecycle.purchase(command));
		assertThatExceptionOfType(CarrierRefusedException.class).isThrownBy(() -> this.lifecycle.purchase(command))
			.satisfies((ex) -> assertThat(ex.carrierCode()).isEqualTo(21422));
	}

}
