package io.twilioprovisioning.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class TwilioEmulatorTests {

	private final TwilioEmulator emulator = TwilioEmulator.withDefaultCredentials();

	@Test
	void preloadsOneHundredThousandNumbers() {
		this.emulator.preload(100_000);

		assertThat(this.emulator.ownedCount()).isEqualTo(100_000);
		assertThat(this.emulator.purchaseCount()).isZero();
		assertThat(this.emulator.ownedByNumber("+12905550000")).isPresent();
		EmulatorResponse firstPage = list("PageSize=1000");
		assertThat(firstPage.status()).isEqualTo(200);
		assertThat(firstPage.body()).contains("\"next_page_uri\":\"/2010-04-01/Accounts/");
	}

	@Test
	void preloadedNumbersAreNeverForSale() {
		this.emulator.preload(10);

		assertThat(this.emulator.ownedNumbers()).allSatisfy((number) -> {
			assertThat(number.phoneNumber()).matches("\\+1[2-9]9\\d555\\d{4}");
			assertThat(Catalog.find(number.phoneNumber())).isNull();
		});
	}

	@Test
	void preloadContinuesAfterEarlierPreloads() {
		this.emulator.preload(5);
		this.emulator.preload(5);

		assertThat(this.emulator.ownedCount()).isEqualTo(10);
	}

	@Test
	void resetForgetsNumbersCountsAndFaults() {
		this.emulator.preload(3);
		this.emulator.faults().failNext(Operation.LIST, Fault.SERVER_ERROR, 1);
		list("");

		this.emulator.reset();

		assertThat(this.emulator.ownedCount()).isZero();
		assertThat(this.emulator.requestCount(Operation.LIST)).isZero();
		assertThat(list("").status()).isEqualTo(200);
	}

	@Test
	void addOwnedMakesTheAccountOwnANumberWithoutAPurchase() {
		OwnedRecord owned = this.emulator.addOwned("+14155550100");

		assertThat(owned.sid()).matches("PN[0-9a-f]{32}");
		assertThat(owned.friendlyName()).isEqualTo("(415) 555-0100");
		assertThat(this.emulator.owned(owned.sid())).contains(owned);
		assertThat(this.emulator.purchaseCount()).isZero();
	}

	@Test
	void randomLatencyStaysWithinItsBounds() {
		FaultPlan faults = this.emulator.faults().latency(Duration.ofMillis(10), Duration.ofMillis(20));

		for (int i = 0; i < 100; i++) {
			assertThat(faults.nextLatency()).isBetween(Duration.ofMillis(10), Duration.ofMillis(20));
		}
	}

	@Test
	void dropAfterCommitAsksTheTransportToDrop() {
		this.emulator.faults().failNext(Operation.BALANCE, Fault.DROP_AFTER_COMMIT, 1);

		EmulatorResponse response = this.emulator
			.handle(request("GET", "/Balance.json", Map.of(), TwilioEmulator.DEFAULT_AUTH_TOKEN));

		assertThat(response.dropConnection()).isTrue();
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void credentialsMustHaveTwiliosShape() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TwilioEmulator("AC123", "token"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new TwilioEmulator(TwilioEmulator.DEFAULT_ACCOUNT_SID, " "));
	}

	@Test
	void defaultCredentialsAreValidAndObviouslyFake() {
		assertThat(TwilioEmulator.DEFAULT_ACCOUNT_SID).matches("AC[0-9a-f]{32}");
		assertThat(TwilioEmulator.DEFAULT_AUTH_TOKEN).hasSize(32).contains("sandbox");
	}

	private EmulatorResponse list(String query) {
		return this.emulator.handle(request("GET", "/IncomingPhoneNumbers.json", FormEncoding.decode(query),
				TwilioEmulator.DEFAULT_AUTH_TOKEN));
	}

	private static EmulatorRequest request(String method, String suffix, Map<String, List<String>> query,
			String token) {
		String credentials = Base64.getEncoder()
			.encodeToString((TwilioEmulator.DEFAULT_ACCOUNT_SID + ":" + token).getBytes(StandardCharsets.UTF_8));
		return new EmulatorRequest(method, "/2010-04-01/Accounts/" + TwilioEmulator.DEFAULT_ACCOUNT_SID + suffix, query,
				Map.of(), "Basic " + credentials);
	}

}
