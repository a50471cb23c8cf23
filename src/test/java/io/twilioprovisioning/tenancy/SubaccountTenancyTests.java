package io.twilioprovisioning.tenancy;

import java.util.List;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.AddressRequirement;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberRecovery;
import io.twilioprovisioning.numbers.NumberRef;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.PurchaseResult;
import io.twilioprovisioning.numbers.SearchCriteria;
import io.twilioprovisioning.numbers.TrackedNumber;
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
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code subaccount-per-client} mode against the in-process emulator, through the real
 * adapter, with faults: each client's numbers live in its own subaccount and Messaging
 * Service, a reassign is a transfer that survives a lost answer, a purchase replays by
 * idempotency key, and a number that needs an Address is refused before Twilio is called
 * when the client has none.
 */
@RunningServerTest
@TestPropertySource(
		properties = { "provisioning.tenancy=subaccount-per-client", "provisioning.messaging-service-per-client=true" })
class SubaccountTenancyTests {

	static final String ADMIN = "ops@test.local";

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	NumberRecovery recovery;

	@Autowired
	ClientManagement clients;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	TenancyDrift drift;

	@Autowired
	io.twilioprovisioning.numbers.NumberCarrier carrier;

	@Autowired
	JdbcClient jdbc;

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

	PurchaseResult buy(E164Number number, Client client, String key) {
		return this.lifecycle.purchase(new PurchaseCommand(number, null, client.id(), null, key, ADMIN));
	}

	long audits(String action, String outcome, long numberId) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_events WHERE action = :action AND outcome = :outcome"
					+ " AND phone_number_id = :id")
			.param("action", action)
			.param("outcome", outcome)
			.param("id", numberId)
			.query(Long.class)
			.single();
	}

	@Test
	void aNewClientGetsItsSubaccountNamedAfterItAndAMessagingService() {
		ClientTenancy acme = this.tenancy.of(this.acme.id());

		assertThat(acme.accountSid()).matches("AC[0-9a-f]{32}").isNotEqualTo(this.emulator.accountSid());
		assertThat(acme.accountName()).startsWith(this.acme.name()).endsWith("(client " + this.acme.id() + ")");
		assertThat(acme.messagingServiceSid()).matches("MG[0-9a-f]{32}");
		assertThat(this.tenancy.of(this.globex.id()).accountSid()).isNotEqualTo(acme.accountSid());
	}

	@Test
	void aSubaccountWhoseCreationAnswerWasLostIsFoundByNameNotCreatedTwice() {
		this.emulator.faults().failNext(Operation.ACCOUNT_CREATE, Fault.DROP_AFTER_COMMIT, 1);
		int before = this.emulator.requestCount(Operation.ACCOUNT_CREATE);

		Client initech = this.clients.create("Initech " + UUID.randomUUID(), null);

		String account = this.tenancy.of(initech.id()).accountSid();
		assertThat(account).matches("AC[0-9a-f]{32}");
		assertThat(this.emulator.requestCount(Operation.ACCOUNT_CREATE)).isEqualTo(before + 1);
		assertThat(this.tenancy.ensureAccount(initech, ADMIN)).isEqualTo(account);
	}

	@Test
	void aPurchaseGoesIntoTheClientsSubaccountAndServiceAndReplaysByIdempotencyKey() {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "415");
		String key = "tenancy-" + UUID.randomUUID();

		PurchaseResult first = buy(number, this.acme, key);
		int purchases = this.emulator.purchaseCount();
		PurchaseResult again = buy(number, this.acme, key);

		ClientTenancy acme = this.tenancy.of(this.acme.id());
		assertThat(first.number().state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(first.warnings()).isEmpty();
		assertThat(this.emulator.owned(first.number().sid()).orElseThrow().accountSid()).isEqualTo(acme.accountSid());
		assertThat(this.emulator.serviceOf(first.number().sid())).hasValue(acme.messagingServiceSid());
		assertThat(this.lifecycle.accountOf(first.number().id())).isEqualTo(acme.accountSid());
		assertThat(again.replayed()).isTrue();
		assertThat(again.number().id()).isEqualTo(first.number().id());
		assertThat(this.emulator.purchaseCount()).isEqualTo(purchases);
	}

	@Test
	void aReassignWhoseTransferAnswerIsLostEndsOwnedOnceInTheGainingSubaccountTrackedOnce() {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "212");
		TrackedNumber bought = buy(number, this.acme, null).number();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.DROP_AFTER_COMMIT, 1);

		NumberLifecycle.ReassignResult moved = this.lifecycle.reassign(NumberRef.of(number), this.globex.id(),
				this.acme.id(), ADMIN);

		ClientTenancy globex = this.tenancy.of(this.globex.id());
		assertThat(moved.number().clientId()).isEqualTo(this.globex.id());
		assertThat(this.emulator.ownedNumbers()).filteredOn((owned) -> owned.phoneNumber().equals(number.value()))
			.singleElement()
			.satisfies((owned) -> assertThat(owned.accountSid()).isEqualTo(globex.accountSid()));
		assertThat(this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE e164 = :e164 AND state = 'ACTIVE'")
			.param("e164", number.value())
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.lifecycle.accountOf(bought.id())).isEqualTo(globex.accountSid());
		assertThat(this.emulator.serviceOf(bought.sid())).hasValue(globex.messagingServiceSid());
		assertThat(this.lifecycle.history(bought.id())).hasSize(2);
		assertThat(audits("TRANSFER", "SUCCEEDED", bought.id())).isEqualTo(1);
		assertThat(audits("REASSIGN", "SUCCEEDED", bought.id())).isEqualTo(1);
	}

	@Test
	void aTransferWhoseAnswerAndLookupsFailStaysWithItsClientUntilRecoveryFindsItMoved() {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "312");
		TrackedNumber bought = buy(number, this.acme, null).number();
		this.emulator.faults().failNext(Operation.UPDATE, Fault.DROP_AFTER_COMMIT, 1);
		this.emulator.faults().failNext(Operation.FETCH, Fault.SERVICE_UNAVAILABLE, 100);

		assertThatExceptionOfType(CarrierOutcomeUnknownException.class)
			.isThrownBy(() -> this.lifecycle.reassign(NumberRef.of(number), this.globex.id(), null, ADMIN));
		assertThat(this.lifecycle.get(bought.id()).clientId()).isEqualTo(this.acme.id());
		assertThat(audits("TRANSFER", "UNKNOWN", bought.id())).isEqualTo(1);

		this.emulator.faults().clear();
		this.jdbc.sql("UPDATE phone_numbers SET updated_at = now() - interval '1 hour' WHERE id = :id")
			.param("id", bought.id())
			.update();
		this.recovery.recover();

		assertThat(this.lifecycle.get(bought.id()).clientId()).isEqualTo(this.globex.id());
		assertThat(this.lifecycle.accountOf(bought.id())).isEqualTo(this.tenancy.of(this.globex.id()).accountSid());
		assertThat(this.lifecycle.history(bought.id())).hasSize(2);
	}

	@Test
	void aBritishNumberNeedingAnAddressIsRefusedBeforeTwilioWithoutOneAndBoughtWithIt() {
		AvailableNumber offer = this.lifecycle.search(SearchCriteria.local("GB").withLimit(SearchCriteria.MAX_LIMIT))
			.numbers()
			.stream()
			.filter((n) -> n.addressRequirements() == AddressRequirement.ANY
					|| n.addressRequirements() == AddressRequirement.LOCAL)
			.filter((n) -> this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE e164 = :e164")
				.param("e164", n.phoneNumber().value())
				.query(Long.class)
				.single() == 0)
			.findFirst()
			.orElseThrow();
		assertThat(this.tenancy.canBuy(this.acme.id(), offer.addressRequirements(), "GB")).isFalse();
		int purchaseCalls = this.emulator.requestCount(Operation.PURCHASE);

		assertThatExceptionOfType(TenancyRefusedException.class)
			.isThrownBy(() -> buy(offer.phoneNumber(), this.acme, null))
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo("address-required"))
			.withMessageContaining("Nothing was sent to Twilio");
		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isEqualTo(purchaseCalls);

		ClientTenancy withAddress = this.tenancy.createAddress(this.acme.id(),
				new AddressForm("Acme Ltd", "1 Fictional Street", "London", "Greater London", "W1A 1AA", "GB"), ADMIN);
		assertThat(this.tenancy.canBuy(this.acme.id(), offer.addressRequirements(), "GB")).isTrue();
		TrackedNumber bought = buy(offer.phoneNumber(), this.acme, null).number();

		assertThat(bought.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(this.emulator.owned(bought.sid()).orElseThrow().extras().addressSid())
			.isEqualTo(withAddress.addressSid());
		assertThat(this.emulator.owned(bought.sid()).orElseThrow().accountSid()).isEqualTo(withAddress.accountSid());
	}

	@Test
	void aTransferTwilioRefusesForAMissingAddressIsExplainedAndChangesNothing() {
		AvailableNumber offer = this.lifecycle.search(SearchCriteria.local("GB").withLimit(SearchCriteria.MAX_LIMIT))
			.numbers()
			.stream()
			.filter((n) -> n.addressRequirements() == AddressRequirement.ANY)
			.filter((n) -> this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE e164 = :e164")
				.param("e164", n.phoneNumber().value())
				.query(Long.class)
				.single() == 0)
			.findFirst()
			.orElseThrow();
		this.tenancy.createAddress(this.acme.id(),
				new AddressForm("Acme Ltd", "1 Fictional Street", "London", "Greater London", "W1A 1AA", "GB"), ADMIN);
		TrackedNumber bought = buy(offer.phoneNumber(), this.acme, null).number();

		assertThatExceptionOfType(CarrierRefusedException.class)
			.isThrownBy(() -> this.lifecycle.reassign(NumberRef.of(offer.phoneNumber()), this.globex.id(), null, ADMIN))
			.satisfies((ex) -> assertThat(ex.carrierCode()).isEqualTo(21613))
			.withMessageContaining("Add the client's address");
		assertThat(this.lifecycle.get(bought.id()).clientId()).isEqualTo(this.acme.id());
		assertThat(this.emulator.owned(bought.sid()).orElseThrow().accountSid())
			.isEqualTo(this.tenancy.of(this.acme.id()).accountSid());
		assertThat(audits("TRANSFER", "REFUSED", bought.id())).isEqualTo(1);
		assertThat(this.lifecycle.history(bought.id())).hasSize(1);
	}

	@Test
	void aNumberInTheWrongSubaccountIsDriftThatTheFixMovesBack() {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "206");
		TrackedNumber bought = buy(number, this.acme, null).number();
		String acmeAccount = this.tenancy.of(this.acme.id()).accountSid();
		String globexAccount = this.tenancy.of(this.globex.id()).accountSid();
		this.carrier.inAccount(acmeAccount).transfer(bought.sid(), globexAccount);

		TenancyDrift.Report report = this.drift.check();

		assertThat(report.items()).filteredOn((item) -> bought.sid().equals(item.sid()))
			.singleElement()
			.satisfies((item) -> {
				assertThat(item.foundInAccount()).isEqualTo(globexAccount);
				assertThat(item.foundWithClientId()).isEqualTo(this.globex.id());
				assertThat(item.clientId()).isEqualTo(this.acme.id());
			});

		this.drift.fix(ADMIN);

		assertThat(this.emulator.owned(bought.sid()).orElseThrow().accountSid()).isEqualTo(acmeAccount);
		assertThat(this.lifecycle.accountOf(bought.id())).isEqualTo(acmeAccount);
		assertThat(this.lifecycle.get(bought.id()).clientId()).isEqualTo(this.acme.id());
		assertThat(this.drift.check().items()).noneMatch((item) -> bought.sid().equals(item.sid()));
	}

	@Test
	void releaseTakesTheNumberOutOfTheSubaccountAndItsService() {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "512");
		TrackedNumber bought = buy(number, this.acme, null).number();

		this.lifecycle.release(NumberRef.of(number), number.value(), ADMIN);

		assertThat(this.emulator.owned(bought.sid())).isEmpty();
		assertThat(this.emulator.serviceOf(bought.sid())).isEmpty();
		assertThat(List.of(this.lifecycle.get(bought.id()).state())).containsExactly(PhoneNumberState.RELEASED);
	}

}
