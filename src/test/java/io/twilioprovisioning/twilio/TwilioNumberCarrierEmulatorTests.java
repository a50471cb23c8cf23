package io.twilioprovisioning.twilio;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.twilioprovisioning.numbers.AccountInfo;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.SearchCriteria;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.OwnedRecord;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.twilio.TwilioFixtures.Adapter;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The adapter against the sandbox's Twilio emulator on a loopback port, with its fault
 * injection: for each operation, success and each failure class (refusal, 429 then
 * success, 429 forever, 5xx, timeout, an answer dropped after the change was committed).
 * Settings: 3 retries, backoff 5–20 ms, a read timeout far longer than any answer takes;
 * calls meant to time out use a short one against an emulator that hangs until it is
 * released or closed, so no test depends on the machine's speed.
 */
class TwilioNumberCarrierEmulatorTests {

	private static final String OWNED = "+14155550199";

	private static final WebhookConfig WEBHOOKS = new WebhookConfig("https://app.example.com/voice", WebhookMethod.POST,
			"https://app.example.com/voice-fallback", "https://app.example.com/sms", WebhookMethod.POST, null,
			"https://app.example.com/status");

	private TwilioEmulator emulator;

	private StandaloneTwilioEmulator server;

	private Adapter adapter;

	private String ownedSid;

	@BeforeEach
	void start() {
		this.emulator = new TwilioEmulator(ACCOUNT_SID, AUTH_TOKEN);
		this.emulator.faults().hangUntilReleased();
		this.server = StandaloneTwilioEmulator.start(this.emulator);
		this.adapter = TwilioFixtures.adapter(TwilioFixtures.properties(URI.create(this.server.baseUrl())));
		this.ownedSid = this.emulator.addOwned(OWNED).sid();
	}

	@AfterEach
	void stop() {
		this.adapter.close();
		this.server.close();
	}

	/**
	 * An adapter with a short read timeout that records its waits between attempts.
	 */
	private Adapter impatient(List<Duration> retries) {
		return impatient(TwilioFixtures.IMPATIENT, retries);
	}

	private Adapter impatient(Duration readTimeout, List<Duration> retries) {
		return TwilioFixtures.adapter(
				TwilioFixtures.impatient(TwilioFixtures.properties(URI.create(this.server.baseUrl())), readTimeout),
				retries::add);
	}

	private NumberCarrier carrier() {
		return this.adapter.carrier();
	}

	/**
	 * One call of the operation that succeeds when nothing goes wrong (the operations the
	 * number carrier calls).
	 */
	private Object call(Operation operation) {
		return call(carrier(), operation);
	}

	private Object call(NumberCarrier carrier, Operation operation) {
		return switch (operation) {
			case SEARCH -> carrier.search(SearchCriteria.local("US").withAreaCode("415"));
			case LIST -> carrier.listOwned(50).count();
			case PURCHASE -> carrier
				.purchase(PurchaseOrder.number(new E164Number(TwilioEmulator.MAGIC_AVAILABLE), "Main", WEBHOOKS));
			case FETCH -> carrier.fetch(this.ownedSid).orElseThrow();
			case UPDATE -> carrier.update(this.ownedSid, new NumberUpdate("Renamed", null));
			case RELEASE -> carrier.release(this.ownedSid);
			case ACCOUNT -> carrier.account();
			case BALANCE -> carrier.balance();
			default -> throw new IllegalArgumentException("The number carrier does not call " + operation);
		};
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "PURCHASE", "FETCH", "UPDATE", "RELEASE", "ACCOUNT", "BALANCE" })
	void everyOperationSucceedsInOneRequest(Operation operation) {
		assertThat(call(operation)).isNotNull().isNotEqualTo(false);

		assertThat(this.emulator.requestCount(operation)).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "PURCHASE", "FETCH", "UPDATE", "RELEASE", "ACCOUNT", "BALANCE" })
	void tooManyRequestsIsRetriedThenSucceeds(Operation operation) {
		this.emulator.faults().failNext(operation, Fault.TOO_MANY_REQUESTS, 2);

		assertThat(call(operation)).isNotNull().isNotEqualTo(false);

		assertThat(this.emulator.requestCount(operation)).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "PURCHASE", "FETCH", "UPDATE", "RELEASE", "ACCOUNT", "BALANCE" })
	void tooManyRequestsForeverIsUnavailableAfterTheRetries(Operation operation) {
		this.emulator.faults().failRate(operation, Fault.TOO_MANY_REQUESTS, 1.0);

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> call(operation));

		assertThat(failure.carrierCode()).isEqualTo(20429);
		assertThat(failure.httpStatus()).isEqualTo(429);
		assertThat(this.emulator.requestCount(operation)).isEqualTo(1 + 3);
		assertThat(this.emulator.purchaseCount()).isZero();
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "FETCH", "RELEASE", "ACCOUNT", "BALANCE" })
	void serverErrorsOnGetsAndDeletesAreRetriedThenSucceed(Operation operation) {
		this.emulator.faults()
			.failNext(operation, Fault.SERVER_ERROR, 1)
			.failNext(operation, Fault.SERVICE_UNAVAILABLE, 1);

		assertThat(call(operation)).isNotNull().isNotEqualTo(false);

		assertThat(this.emulator.requestCount(operation)).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "FETCH", "ACCOUNT", "BALANCE" })
	void serverErrorsOnGetsForeverAreUnavailable(Operation operation) {
		this.emulator.faults().failRate(operation, Fault.SERVICE_UNAVAILABLE, 1.0);

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> call(operation));

		assertThat(failure.httpStatus()).isEqualTo(503);
		assertThat(this.emulator.requestCount(operation)).isEqualTo(4);
	}

	@Test
	void serverErrorOnAPurchaseIsNotRetriedAndLeavesTheOutcomeUnknown() {
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.SERVER_ERROR, 1);

		CarrierOutcomeUnknownException failure = catchThrowableOfType(CarrierOutcomeUnknownException.class,
				() -> call(Operation.PURCHASE));

		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isEqualTo(1);
		assertThat(this.emulator.purchaseCount()).isZero();
	}

	@Test
	void serverErrorOnAnUpdateIsNotRetriedAndUnavailable() {
		this.emulator.faults().failNext(Operation.UPDATE, Fault.SERVICE_UNAVAILABLE, 1);

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> call(Operation.UPDATE));

		assertThat(failure.httpStatus()).isEqualTo(503);
		assertThat(this.emulator.requestCount(Operation.UPDATE)).isEqualTo(1);
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "FETCH", "ACCOUNT", "BALANCE" })
	void aTimeoutOnEveryAttemptOfAGetIsRetriedThenUnavailable(Operation operation) {
		this.emulator.faults().failNext(operation, Fault.TIMEOUT, 10);
		List<Duration> retries = new CopyOnWriteArrayList<>();

		try (Adapter impatient = impatient(retries)) {
			CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
					() -> call(impatient.carrier(), operation));

			assertThat(failure.getMessage()).contains("did not answer in time").contains("Nothing was changed");
			assertThat(failure.httpStatus()).isNull();
		}
		assertThat(retries).hasSize(1);
	}

	@Test
	void aTimeoutOnAPurchaseLeavesTheOutcomeUnknownAndTwilioMayBuyAfterAll() {
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.TIMEOUT, 1);
		List<Duration> retries = new CopyOnWriteArrayList<>();

		try (Adapter impatient = impatient(Duration.ofSeconds(2), retries)) {
			assertThat(catchThrowableOfType(CarrierOutcomeUnknownException.class,
					() -> call(impatient.carrier(), Operation.PURCHASE)))
				.hasMessageContaining("did not answer in time");
		}

		assertThat(retries).isEmpty();
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() == 1);
		assertThat(this.emulator.ownedByNumber(TwilioEmulator.MAGIC_AVAILABLE)).isEmpty();
		this.emulator.faults().releaseWaits();
		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.emulator.ownedByNumber(TwilioEmulator.MAGIC_AVAILABLE)).isPresent());
		assertThat(carrier().findByPhoneNumber(new E164Number(TwilioEmulator.MAGIC_AVAILABLE))).isPresent();
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isEqualTo(1);
	}

	@Test
	void anAnswerDroppedAfterThePurchaseCommittedLeavesTheOutcomeUnknownWhileTheNumberIsOwned() {
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.DROP_AFTER_COMMIT, 1);

		assertThat(catchThrowableOfType(CarrierOutcomeUnknownException.class, () -> call(Operation.PURCHASE)))
			.hasMessageContaining("connection to Twilio was lost");

		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isEqualTo(1);
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
		assertThat(this.emulator.ownedByNumber(TwilioEmulator.MAGIC_AVAILABLE)).get()
			.extracting(OwnedRecord::voiceUrl)
			.isEqualTo("https://app.example.com/voice");
		Optional<OwnedNumber> adopted = carrier().findByPhoneNumber(new E164Number(TwilioEmulator.MAGIC_AVAILABLE));
		assertThat(adopted).get()
			.extracting(OwnedNumber::sid)
			.isEqualTo(this.emulator.ownedByNumber(TwilioEmulator.MAGIC_AVAILABLE).orElseThrow().sid());
	}

	@Test
	void anAnswerDroppedAfterAnUpdateCommittedIsUnavailableButTheChangeIsApplied() {
		this.emulator.faults().failNext(Operation.UPDATE, Fault.DROP_AFTER_COMMIT, 1);

		assertThat(catchThrowableOfType(CarrierUnavailableException.class, () -> call(Operation.UPDATE)))
			.hasMessageContaining("may or may not have been applied");

		assertThat(this.emulator.requestCount(Operation.UPDATE)).isEqualTo(1);
		assertThat(this.emulator.owned(this.ownedSid)).get().extracting(OwnedRecord::friendlyName).isEqualTo("Renamed");
	}

	@Test
	void anAnswerDroppedAfterAReleaseCommittedIsRetriedAndFindsTheNumberGone() {
		this.emulator.faults().failNext(Operation.RELEASE, Fault.DROP_AFTER_COMMIT, 1);

		assertThat(carrier().release(this.ownedSid)).isFalse();

		assertThat(this.emulator.requestCount(Operation.RELEASE)).isEqualTo(2);
		assertThat(this.emulator.owned(this.ownedSid)).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(names = { "SEARCH", "LIST", "FETCH", "ACCOUNT", "BALANCE" })
	void anAnswerDroppedOnAGetIsRetried(Operation operation) {
		this.emulator.faults().failNext(operation, Fault.DROP_AFTER_COMMIT, 1);

		assertThat(call(operation)).isNotNull();

		assertThat(this.emulator.requestCount(operation)).isEqualTo(2);
	}

	@Test
	void searchReturnsTheEmulatorOffersOfEachType() {
		List<AvailableNumber> local = carrier().search(SearchCriteria.local("US").withAreaCode("415").withLimit(3));
		List<AvailableNumber> tollFree = carrier().search(new SearchCriteria("US", NumberType.TOLL_FREE, "800", null,
				null, null, null, null, null, null, null, false, 2));
		List<AvailableNumber> mobile = carrier().search(new SearchCriteria("GB", NumberType.MOBILE, null, null, null,
				null, null, null, null, null, null, false, 2));

		assertThat(local).hasSize(3).allSatisfy((n) -> assertThat(n.phoneNumber().value()).startsWith("+1415555"));
		assertThat(tollFree).hasSize(2).allSatisfy((n) -> assertThat(n.phoneNumber().value()).startsWith("+1800"));
		assertThat(mobile).hasSize(2).allSatisfy((n) -> assertThat(n.phoneNumber().value()).startsWith("+447700900"));
	}

	@Test
	void purchaseSetsNameAndWebhooksInTheSameCallAndChargesTheAccount() {
		OwnedNumber bought = carrier().purchase(PurchaseOrder.areaCode("415", "Acme", WEBHOOKS));

		OwnedRecord owned = this.emulator.owned(bought.sid()).orElseThrow();
		assertThat(owned.phoneNumber()).isEqualTo(bought.phoneNumber().value()).startsWith("+1415");
		assertThat(owned.friendlyName()).isEqualTo("Acme");
		assertThat(owned.voiceUrl()).isEqualTo("https://app.example.com/voice");
		assertThat(owned.voiceFallbackUrl()).isEqualTo("https://app.example.com/voice-fallback");
		assertThat(owned.smsUrl()).isEqualTo("https://app.example.com/sms");
		assertThat(owned.statusCallback()).isEqualTo("https://app.example.com/status");
		assertThat(bought.webhooks()).isEqualTo(WEBHOOKS);
		assertThat(carrier().balance().amount())
			.isEqualByComparingTo(TwilioEmulator.INITIAL_BALANCE.subtract(TwilioEmulator.PRICE_PER_NUMBER));
	}

	@Test
	void purchaseRefusalsKeepTwilioCodes() {
		assertThat(refusal(() -> carrier().purchase(
				PurchaseOrder.number(new E164Number(TwilioEmulator.MAGIC_UNAVAILABLE), null, WebhookConfig.NONE))))
			.isEqualTo(21422);
		assertThat(refusal(() -> carrier()
			.purchase(PurchaseOrder.number(new E164Number(TwilioEmulator.MAGIC_INVALID), null, WebhookConfig.NONE))))
			.isEqualTo(21421);
		assertThat(refusal(() -> carrier()
			.purchase(PurchaseOrder.areaCode(TwilioEmulator.MAGIC_EMPTY_AREA_CODE, null, WebhookConfig.NONE))))
			.isEqualTo(21452);
		assertThat(this.emulator.purchaseCount()).isZero();
		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isEqualTo(3);
	}

	@Test
	void aFallbackWithoutAnyPrimaryIsRefused() {
		WebhookConfig fallbackOnly = new WebhookConfig(null, null, "https://app.example.com/voice-fallback", null, null,
				null, null);

		assertThat(refusal(() -> carrier().update(this.ownedSid, new NumberUpdate(null, fallbackOnly))))
			.isEqualTo(21405);
	}

	@Test
	void updateChangesOnlyWhatItSets() {
		carrier().update(this.ownedSid, new NumberUpdate(null, WEBHOOKS));

		OwnedNumber updated = carrier().update(this.ownedSid, new NumberUpdate("Renamed",
				new WebhookConfig(null, null, null, "https://app.example.com/sms-2", WebhookMethod.GET, null, null)));

		assertThat(updated.friendlyName()).isEqualTo("Renamed");
		assertThat(updated.webhooks()).isEqualTo(new WebhookConfig("https://app.example.com/voice", WebhookMethod.POST,
				"https://app.example.com/voice-fallback", "https://app.example.com/sms-2", WebhookMethod.GET, null,
				"https://app.example.com/status"));
	}

	@Test
	void unknownNumbersAreEmptyOrAlreadyReleased() {
		String unknown = "PN" + "f".repeat(32);

		assertThat(carrier().fetch(unknown)).isEmpty();
		assertThat(carrier().release(unknown)).isFalse();
		assertThat(carrier().findByPhoneNumber(new E164Number("+14155550142"))).isEmpty();
		assertThat(carrier().findByPhoneNumber(new E164Number(OWNED))).get()
			.extracting(OwnedNumber::sid)
			.isEqualTo(this.ownedSid);
	}

	@Test
	void accountIsTheEmulatedAccount() {
		AccountInfo account = carrier().account();

		assertThat(account.sid()).isEqualTo(ACCOUNT_SID);
		assertThat(account.status()).isEqualTo("active");
		assertThat(carrier().balance().amount()).isEqualByComparingTo(new BigDecimal("500.00"));
	}

	@Test
	void wrongCredentialsAreUnavailableWithAHint() {
		TwilioProperties wrong = new TwilioProperties(ACCOUNT_SID, "not-the-token", null, null,
				URI.create(this.server.baseUrl()), TwilioFixtures.GENEROUS, TwilioFixtures.GENEROUS, 4, 3,
				Duration.ofMillis(5), Duration.ofMillis(20));
		try (Adapter impostor = TwilioFixtures.adapter(wrong)) {
			CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
					() -> impostor.carrier().balance());

			assertThat(failure.carrierCode()).isEqualTo(20003);
			assertThat(failure.getMessage()).contains("TWILIO_AUTH_TOKEN").doesNotContain("not-the-token");
		}
	}

	@Test
	void listingStreamsEveryNumberThroughRandomRateLimiting() {
		this.emulator.preload(499);
		this.emulator.faults().failRate(Operation.LIST, Fault.TOO_MANY_REQUESTS, 0.3);
		TwilioProperties patient = new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, null, null,
				URI.create(this.server.baseUrl()), TwilioFixtures.GENEROUS, TwilioFixtures.GENEROUS, 4, 10,
				Duration.ofMillis(1), Duration.ofMillis(5));
		try (Adapter adapter = TwilioFixtures.adapter(patient);
				Stream<OwnedNumber> owned = adapter.carrier().listOwned(50)) {
			assertThat(owned.map(OwnedNumber::sid).distinct().count()).isEqualTo(500);
		}
		assertThat(this.emulator.requestCount(Operation.LIST)).isGreaterThan(10);
	}

	@Test
	void latencyWithinTheReadTimeoutIsNoFailure() {
		this.emulator.faults().latency(Duration.ofMillis(50));

		assertThat(carrier().fetch(this.ownedSid)).isPresent();
		assertThat(this.emulator.requestCount(Operation.FETCH)).isEqualTo(1);
	}

	@Test
	void latencyFarAboveTheReadTimeoutIsATimeoutRetriedThenUnavailable() {
		this.emulator.faults().latency(Duration.ofDays(1));
		List<Duration> retries = new CopyOnWriteArrayList<>();

		try (Adapter impatient = impatient(retries)) {
			assertThat(catchThrowableOfType(CarrierUnavailableException.class,
					() -> impatient.carrier().fetch(this.ownedSid)))
				.hasMessageContaining("did not answer in time");
		}
		assertThat(retries).hasSize(1);
	}

	private static Integer refusal(Runnable call) {
		return catchThrowableOfType(CarrierRefusedException.class, call::run).carrierCode();
	}

}
