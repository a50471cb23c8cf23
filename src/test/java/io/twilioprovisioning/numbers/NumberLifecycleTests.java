package io.twilioprovisioning.numbers;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.ClusterJobs;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The lifecycle against the in-process Twilio emulator, through the real adapter, with
 * faults injected.
 */
@RunningServerTest
class NumberLifecycleTests {

	static final String ADMIN = "ops@test.local";

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	NumberRecovery recovery;

	@Autowired
	NumberListing listing;

	@Autowired
	ClientManagement clients;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	WebhookPolicy policy;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClusterJobs jobs;

	Client acme;

	Client globex;

	@BeforeEach
	void setUp() {
		this.emulator.faults().clear();
		this.acme = this.clients.create("Acme " + UUID.randomUUID(), null);
		this.globex = this.clients.create("Globex " + UUID.randomUUID(), null);
	}

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	E164Number available(String areaCode) {
		return FreshNumbers.forSale(this.lifecycle, this.jdbc, areaCode);
	}

	PurchaseResult buy(E164Number number, Client client) {
		return this.lifecycle.purchase(new PurchaseCommand(number, null, client.id(), null, null, ADMIN));
	}

	long auditCount(Long numberId, String action, String outcome) {
		return this.jdbc.sql(
				"SELECT count(*) FROM audit_events WHERE phone_number_id = :id AND action = :action AND outcome = :outcome")
			.param("id", numberId)
			.param("action", action)
			.param("outcome", outcome)
			.query(Long.class)
			.single();
	}

	@Test
	void searchSaysItIsTheSandbox() {
		SearchResult result = this.lifecycle.search(SearchCriteria.local("US").withAreaCode("415"));
		assertThat(result.mode().isSandbox()).isTrue();
		assertThat(result.numbers()).isNotEmpty()
			.allSatisfy((n) -> assertThat(n.phoneNumber().value()).startsWith("+1415"));
	}

	@Test
	void purchaseAppliesPolicyWebhooksAndClientNameInOneCall() {
		E164Number number = available("415");
		int before = this.emulator.purchaseCount();
		PurchaseResult result = buy(number, this.acme);
		TrackedNumber tracked = result.number();
		assertThat(tracked.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(tracked.sid()).matches("PN[0-9a-f]{32}");
		assertThat(tracked.clientId()).isEqualTo(this.acme.id());
		assertThat(tracked.friendlyName())
			.isEqualTo(this.acme.name().substring(0, Math.min(64, this.acme.name().length())));
		assertThat(tracked.webhooks().voiceUrl()).isEqualTo(this.policy.defaults().voiceUrl());
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 1);
		assertThat(this.emulator.ownedByNumber(number.value())).hasValueSatisfying((owned) -> {
			assertThat(owned.friendlyName()).isEqualTo(tracked.friendlyName());
			assertThat(owned.voiceUrl()).isEqualTo(this.policy.defaults().voiceUrl());
			assertThat(owned.smsUrl()).isEqualTo(this.policy.defaults().smsUrl());
		});
		assertThat(this.lifecycle.history(tracked.id())).singleElement()
			.satisfies((a) -> assertThat(a.clientId()).isEqualTo(this.acme.id()));
		assertThat(auditCount(tracked.id(), "PURCHASE", "SUCCEEDED")).isEqualTo(1);
	}

	@Test
	void purchaseByAreaCodeResolvesToOneNumber() {
		PurchaseResult result = this.lifecycle
			.purchase(new PurchaseCommand(null, "212", this.acme.id(), null, null, ADMIN));
		assertThat(result.number().state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(result.number().e164()).startsWith("+1212");
		assertThat(result.number().requestedAreaCode()).isEqualTo("212");
	}

	@Test
	void refusalMarksTheIntentFailedWithTwilioCode() {
		assertThatExceptionOfType(CarrierRefusedException.class)
			.isThrownBy(() -> buy(E164Number.parse("+15005550000"), this.acme))
			.satisfies((ex) -> {
				assertThat(ex.carrierCode()).isEqualTo(21422);
				assertThat(ex.moreInfo()).contains("21422");
			});
		Long id = this.jdbc.sql("SELECT max(id) FROM phone_numbers WHERE e164 = '+15005550000'")
			.query(Long.class)
			.single();
		TrackedNumber failed = this.lifecycle.get(id);
		assertThat(failed.state()).isEqualTo(PhoneNumberState.FAILED);
		assertThat(failed.failureCode()).isEqualTo(21422);
		assertThat(auditCount(id, "PURCHASE", "REFUSED")).isEqualTo(1);
	}

	@Test
	void sameIdempotencyKeyReplaysTheFirstResultWithoutBuyingAgain() {
		E164Number number = available("312");
		String key = "key-" + UUID.randomUUID();
		PurchaseCommand command = new PurchaseCommand(number, null, this.acme.id(), null, key, ADMIN);
		PurchaseResult first = this.lifecycle.purchase(command);
		int purchases = this.emulator.purchaseCount();
		PurchaseResult second = this.lifecycle.purchase(command);
		assertThat(second.replayed()).isTrue();
		assertThat(second.number().id()).isEqualTo(first.number().id());
		assertThat(this.emulator.purchaseCount()).isEqualTo(purchases);
	}

	@Test
	void sameIdempotencyKeyReplaysAPurchaseByAreaCode() {
		String key = "area-" + UUID.randomUUID();
		PurchaseCommand command = new PurchaseCommand(null, "305", this.acme.id(), null, key, ADMIN);
		PurchaseResult first = this.lifecycle.purchase(command);
		int purchases = this.emulator.purchaseCount();
		PurchaseResult again = this.lifecycle.purchase(command);
		assertThat(again.replayed()).isTrue();
		assertThat(again.number().e164()).isEqualTo(first.number().e164());
		assertThat(this.emulator.purchaseCount()).isEqualTo(purchases);
	}

	@Test
	void idempotencyKeyOfAnotherPurchaseIsAConflict() {
		String key = "key-" + UUID.randomUUID();
		this.lifecycle.purchase(new PurchaseCommand(available("512"), null, this.acme.id(), null, key, ADMIN));
		assertThatExceptionOfType(NumberConflictException.class)
			.isThrownBy(() -> this.lifecycle
				.purchase(new PurchaseCommand(available("512"), null, this.acme.id(), null, key, ADMIN)))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("idempotency-key-reused"));
	}

	@Test
	void replayOfARefusedPurchaseRepeatsTheRefusal() {
		String key = "key-" + UUID.randomUUID();
		PurchaseCommand command = new PurchaseCommand(E164Number.parse("+15005550001"), null, this.acme.id(), null, key,
				ADMIN);
		assertThatExceptionOfType(CarrierRefusedException.class).isThrownBy(() -> this.lifecycle.purchase(command));
		assertThatExceptionOfType(CarrierRefusedException.class).isThrownBy(() -> this.lifecycle.purchase(command))
			.satisfies((ex) -> assertThat(ex.carrierCode()).isEqualTo(21421));
	}

	@Test
	void purchaseAdoptsNumberWhenTwilioResponseWasLost() {
		E164Number number = available("206");
		int before = this.emulator.purchaseCount();
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.DROP_AFTER_COMMIT, 1);
		PurchaseResult result = buy(number, this.acme);
		assertThat(result.adopted()).isTrue();
		assertThat(result.number().state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(result.number().clientId()).isEqualTo(this.acme.id());
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 1);
		assertThat(this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE e164 = :e AND state = 'ACTIVE'")
			.param("e", number.value())
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	@Test
	void serverErrorOnPurchaseIsLookedUpAndReportedAsNothingBought() {
		E164Number number = available("617");
		int before = this.emulator.purchaseCount();
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.SERVER_ERROR, 1);
		assertThatExceptionOfType(CarrierUnavailableException.class).isThrownBy(() -> buy(number, this.acme));
		assertThat(this.emulator.purchaseCount()).isEqualTo(before);
		assertThat(this.emulator.ownedByNumber(number.value())).isEmpty();
		assertThat(
				this.listing.list(new NumberQuery(null, PhoneNumberState.FAILED, number.value(), false, null), null, 5)
					.content())
			.hasSize(1);
	}

	@Test
	void twentyConcurrentPurchasesOfOneNumberBuyItOnce() throws Exception {
		E164Number number = available("415");
		int before = this.emulator.purchaseCount();
		this.emulator.faults().latency(Duration.ofMillis(50));
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Callable<Object>> tasks = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				tasks.add(() -> {
					try {
						return buy(number, this.acme);
					}
					catch (NumberConflictException ex) {
						return ex;
					}
				});
			}
			List<Object> outcomes = new ArrayList<>();
			for (Future<Object> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
				outcomes.add(future.get());
			}
			assertThat(outcomes).filteredOn(PurchaseResult.class::isInstance).hasSize(1);
			assertThat(outcomes).filteredOn(NumberConflictException.class::isInstance).hasSize(19);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.emulator.purchaseCount()).isEqualTo(before + 1);
	}

	@Test
	void configureAppliesExplicitValuesAndKeepsTheRest() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		TrackedNumber configured = this.lifecycle.configure(NumberRef.ofSid(number.sid()),
				new WebhookConfig("https://hooks.example.com/voice", WebhookMethod.GET, null, null, null, null, null),
				false, ADMIN);
		assertThat(configured.webhooks().voiceUrl()).isEqualTo("https://hooks.example.com/voice");
		assertThat(configured.webhooks().voiceMethod()).isEqualTo(WebhookMethod.GET);
		assertThat(configured.webhooks().smsUrl()).isEqualTo(this.policy.defaults().smsUrl());
		assertThat(this.emulator.owned(number.sid()))
			.hasValueSatisfying((owned) -> assertThat(owned.voiceUrl()).isEqualTo("https://hooks.example.com/voice"));
		assertThat(this.policy.matches(configured.webhooks())).isFalse();
		TrackedNumber reset = this.lifecycle.configure(NumberRef.of(number.phoneNumber()), null, true, ADMIN);
		assertThat(this.policy.matches(reset.webhooks())).isTrue();
		assertThat(auditCount(number.id(), "CONFIGURE", "SUCCEEDED")).isEqualTo(2);
	}

	@Test
	void configureRefusesUrlsTwilioCannotUse() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		assertThatExceptionOfType(InvalidWebhookUrlException.class)
			.isThrownBy(() -> this.lifecycle.configure(NumberRef.ofSid(number.sid()),
					new WebhookConfig("ftp://example.com/x", null, null, null, null, null, null), false, ADMIN))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("voiceUrl"));
	}

	@Test
	void reassignMovesTheNumberAndKeepsHistory() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		NumberLifecycle.ReassignResult result = this.lifecycle.reassign(NumberRef.of(number.phoneNumber()),
				this.globex.id(), this.acme.id(), ADMIN);
		assertThat(result.warnings()).isEmpty();
		assertThat(result.number().clientId()).isEqualTo(this.globex.id());
		assertThat(result.number().friendlyName()).isEqualTo(NumberLifecycle.friendlyNameFor(this.globex));
		assertThat(this.emulator.owned(number.sid()))
			.hasValueSatisfying((owned) -> assertThat(owned.friendlyName()).isEqualTo(result.number().friendlyName()));
		List<NumberLifecycle.Assignment> history = this.lifecycle.history(number.id());
		assertThat(history).extracting(NumberLifecycle.Assignment::clientId)
			.containsExactly(this.acme.id(), this.globex.id());
		assertThat(history.get(0).unassignedAt()).isNotNull();
		assertThat(history.get(1).unassignedAt()).isNull();
		assertThat(this.jdbc
			.sql("""
					SELECT client_id || '>' || other_client_id || '>' || (before_state->>'clientId') || '>' || (after_state->>'clientId')
					FROM audit_events WHERE phone_number_id = :id AND action = 'REASSIGN'""")
			.param("id", number.id())
			.query(String.class)
			.single())
			.isEqualTo(this.globex.id() + ">" + this.acme.id() + ">" + this.acme.id() + ">" + this.globex.id());
	}

	@Test
	void reassignWithTheWrongCurrentClientIsAConflict() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		assertThatExceptionOfType(NumberConflictException.class).isThrownBy(
				() -> this.lifecycle.reassign(NumberRef.ofSid(number.sid()), this.globex.id(), this.globex.id(), ADMIN))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("client-mismatch"));
		assertThat(this.lifecycle.get(number.id()).clientId()).isEqualTo(this.acme.id());
	}

	@Test
	void concurrentReassignsLeaveAConsistentOwnerAndHistory() throws Exception {
		TrackedNumber number = buy(available("415"), this.acme).number();
		List<Client> targets = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			targets.add(this.clients.create("Target " + i + " " + UUID.randomUUID(), null));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		List<Object> outcomes = new ArrayList<>();
		try {
			List<Callable<Object>> tasks = new ArrayList<>();
			for (Client target : targets) {
				tasks.add(() -> {
					try {
						return this.lifecycle.reassign(NumberRef.ofSid(number.sid()), target.id(), null, ADMIN);
					}
					catch (NumberConflictException ex) {
						return ex;
					}
				});
			}
			for (Future<Object> future : pool.invokeAll(tasks, 60, TimeUnit.SECONDS)) {
				outcomes.add(future.get());
			}
		}
		finally {
			pool.shutdownNow();
		}
		long succeeded = outcomes.stream().filter(NumberLifecycle.ReassignResult.class::isInstance).count();
		assertThat(succeeded).isGreaterThanOrEqualTo(1);
		List<NumberLifecycle.Assignment> history = this.lifecycle.history(number.id());
		assertThat(history).hasSize((int) succeeded + 1);
		assertThat(history).filteredOn((a) -> a.unassignedAt() == null).hasSize(1);
		TrackedNumber last = this.lifecycle.get(number.id());
		assertThat(history.get(history.size() - 1).clientId()).isEqualTo(last.clientId());
		assertThat(auditCount(number.id(), "REASSIGN", "SUCCEEDED")).isEqualTo(succeeded);
		assertThat(last.friendlyName()).isEqualTo(NumberLifecycle.friendlyNameFor(this.clients.get(last.clientId())));
		assertThat(this.emulator.owned(number.sid()).orElseThrow().friendlyName()).isEqualTo(last.friendlyName());
	}

	@Test
	void aLateRenameOfAnEarlierReassignmentDoesNotWinInTwilio() throws Exception {
		TrackedNumber number = buy(available("415"), this.acme).number();
		Client initech = this.clients.create("Initech " + UUID.randomUUID(), null);
		this.emulator.faults().hangUntilReleased().failNext(Operation.UPDATE, Fault.TIMEOUT, 1);
		ExecutorService pool = Executors.newSingleThreadExecutor();
		try {
			Future<NumberLifecycle.ReassignResult> toGlobex = pool.submit(() -> this.lifecycle
				.reassign(NumberRef.ofSid(number.sid()), this.globex.id(), this.acme.id(), ADMIN));
			await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() == 1);

			NumberLifecycle.ReassignResult toInitech = this.lifecycle.reassign(NumberRef.ofSid(number.sid()),
					initech.id(), this.globex.id(), ADMIN);
			assertThat(this.emulator.owned(number.sid()).orElseThrow().friendlyName())
				.isEqualTo(NumberLifecycle.friendlyNameFor(initech));
			this.emulator.faults().releaseWaits();

			assertThat(toGlobex.get(60, TimeUnit.SECONDS).warnings()).isEmpty();
			assertThat(toInitech.warnings()).isEmpty();
		}
		finally {
			pool.shutdownNow();
		}
		TrackedNumber last = this.lifecycle.get(number.id());
		assertThat(last.clientId()).isEqualTo(initech.id());
		assertThat(last.friendlyName()).isEqualTo(NumberLifecycle.friendlyNameFor(initech));
		assertThat(this.emulator.owned(number.sid()).orElseThrow().friendlyName()).isEqualTo(last.friendlyName());
	}

	@Test
	void aRenameTwilioRefusesIsAWarningAndAFailedRenameInTheAudit() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.SERVICE_UNAVAILABLE, 1);

		NumberLifecycle.ReassignResult result = this.lifecycle.reassign(NumberRef.ofSid(number.sid()), this.globex.id(),
				null, ADMIN);

		assertThat(result.number().clientId()).isEqualTo(this.globex.id());
		assertThat(result.warnings()).singleElement()
			.asString()
			.contains("friendly name in Twilio could not be changed")
			.contains("503");
		assertThat(auditCount(number.id(), "RENAME", "FAILED")).isEqualTo(1);
		assertThat(this.emulator.owned(number.sid()).orElseThrow().friendlyName())
			.isEqualTo(NumberLifecycle.friendlyNameFor(this.acme));
	}

	@Test
	void releaseNeedsTheNumberRepeated() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		assertThatExceptionOfType(ConfirmationMismatchException.class)
			.isThrownBy(() -> this.lifecycle.release(NumberRef.ofSid(number.sid()), "+19999999999", ADMIN));
		assertThat(this.lifecycle.get(number.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
	}

	@Test
	void releaseIsIdempotentAndTheClientLosesTheNumber() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		TrackedNumber released = this.lifecycle.release(NumberRef.of(number.phoneNumber()), number.nationalFormat(),
				ADMIN);
		assertThat(released.state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(released.clientId()).isNull();
		assertThat(this.emulator.owned(number.sid())).isEmpty();
		TrackedNumber again = this.lifecycle.release(NumberRef.of(number.phoneNumber()), number.e164(), ADMIN);
		assertThat(again.state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(auditCount(number.id(), "RELEASE", "SUCCEEDED")).isEqualTo(1);
		assertThat(this.lifecycle.history(number.id())).singleElement()
			.satisfies((a) -> assertThat(a.unassignedAt()).isNotNull());
	}

	@Test
	void releaseThatTwilioFailsStaysReleasingAndARetryEndsReleasedOnce() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		this.emulator.faults().failNext(Operation.RELEASE, Fault.SERVICE_UNAVAILABLE, 10);
		assertThatExceptionOfType(CarrierUnavailableException.class)
			.isThrownBy(() -> this.lifecycle.release(NumberRef.ofSid(number.sid()), number.e164(), ADMIN));
		assertThat(this.lifecycle.get(number.id()).state()).isEqualTo(PhoneNumberState.RELEASING);
		this.emulator.faults().clear();
		TrackedNumber released = this.lifecycle.release(NumberRef.ofSid(number.sid()), number.e164(), ADMIN);
		assertThat(released.state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(this.emulator.owned(number.sid())).isEmpty();
		assertThat(auditCount(number.id(), "RELEASE", "SUCCEEDED")).isEqualTo(1);
		assertThat(auditCount(number.id(), "RELEASE", "FAILED")).isEqualTo(1);
	}

	@Test
	void releaseOfANumberAlreadyGoneFromTwilioEndsReleased() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		this.emulator.reset();
		TrackedNumber released = this.lifecycle.release(NumberRef.ofSid(number.sid()), number.e164(), ADMIN);
		assertThat(released.state()).isEqualTo(PhoneNumberState.RELEASED);
	}

	@Test
	void recoveryAdoptsAPurchaseLeftInFlightWhenTwilioOwnsIt() {
		E164Number number = available("415");
		PurchaseResult bought = buy(number, this.acme);
		this.jdbc.sql(
				"UPDATE phone_numbers SET state = 'PURCHASING', twilio_sid = NULL, updated_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", bought.number().id())
			.update();
		this.jdbc.sql("DELETE FROM number_assignments WHERE phone_number_id = :id")
			.param("id", bought.number().id())
			.update();
		E164Number lost = available("212");
		long lostId = this.jdbc.sql("""
				INSERT INTO phone_numbers (state, e164, client_id, updated_at)
				VALUES ('PURCHASING', :e164, :client, now() - interval '1 hour') RETURNING id""")
			.param("e164", lost.value())
			.param("client", this.acme.id())
			.query(Long.class)
			.single();
		assertThat(this.recovery.recover()).isGreaterThanOrEqualTo(2);
		TrackedNumber adopted = this.lifecycle.get(bought.number().id());
		assertThat(adopted.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(adopted.sid()).isEqualTo(bought.number().sid());
		assertThat(this.lifecycle.history(adopted.id())).hasSize(1);
		assertThat(this.lifecycle.get(lostId).state()).isEqualTo(PhoneNumberState.FAILED);
	}

	@Test
	void recoveryFinishesAReleaseLeftInFlight() {
		TrackedNumber number = buy(available("415"), this.acme).number();
		this.jdbc
			.sql("UPDATE phone_numbers SET state = 'RELEASING', updated_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", number.id())
			.update();
		this.recovery.recover();
		assertThat(this.lifecycle.get(number.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(this.emulator.owned(number.sid())).isEmpty();
	}

	@Test
	void scheduledRecoveryRunsOncePerPeriodWhoeverCallsIt() {
		this.jdbc.sql("""
				UPDATE shedlock SET lock_until = lock_until - interval '1 day', locked_at = locked_at - interval '1 day'
				WHERE name = 'number-recovery'""").update();
		TrackedNumber number = buy(available("415"), this.acme).number();
		this.jdbc
			.sql("UPDATE phone_numbers SET state = 'RELEASING', updated_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", number.id())
			.update();

		assertThat(this.recovery.scheduled()).isTrue();
		assertThat(this.lifecycle.get(number.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(this.recovery.scheduled()).isFalse();
		assertThat(this.jdbc.sql("SELECT locked_by FROM shedlock WHERE name = 'number-recovery'")
			.query(String.class)
			.single()).isEqualTo(this.jobs.instanceId());
	}

	@Test
	void overviewCountsTheInventoryAndReadsTheAccount() {
		buy(available("415"), this.acme);
		AccountOverview overview = this.lifecycle.overview();
		assertThat(overview.carrierError()).isNull();
		assertThat(overview.account().maskedSid()).startsWith("AC").contains("****");
		assertThat(overview.balance().currency()).isEqualTo("USD");
		assertThat(overview.counts().owned()).isGreaterThanOrEqualTo(1);
		assertThat(overview.counts().assigned() + overview.counts().unassigned()).isEqualTo(overview.counts().owned());
	}

	@Test
	void overviewReportsAnOutageInsteadOfFailing() {
		this.emulator.faults().failNext(Operation.ACCOUNT, Fault.SERVICE_UNAVAILABLE, 20);
		AccountOverview overview = this.lifecycle.overview();
		assertThat(overview.carrierError()).isInstanceOf(CarrierUnavailableException.class);
		assertThat(overview.counts()).isNotNull();
	}

}
