package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

@RunningServerTest
class SandboxMountTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	EmulatorShutdown shutdown;

	private EmulatorClient client;

	@BeforeEach
	void connect() {
		this.emulator.reset();
		this.client = new EmulatorClient(base(), TwilioEmulator.DEFAULT_ACCOUNT_SID, TwilioEmulator.DEFAULT_AUTH_TOKEN);
	}

	@AfterEach
	void resetEmulator() {
		this.emulator.reset();
	}

	@Test
	void theStandaloneEmulatorIsNotPartOfTheApplication(@Autowired ApplicationContext context) {
		assertThat(context.getBeansOfType(StandaloneTwilioEmulator.class)).isEmpty();
		assertThat(context.getBeansOfType(TwilioEmulator.class)).containsOnlyKeys("twilioEmulator");
	}

	@Test
	void searchAnswersWithTheDefaultCredentials() {
		EmulatorClient.Reply reply = this.client
			.get(this.client.account("/AvailablePhoneNumbers/US/Local.json?AreaCode=415&PageSize=3"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.json().get("available_phone_numbers").size()).isEqualTo(3);
		assertThat(reply.json().get("available_phone_numbers").get(0).get("phone_number").asString())
			.isEqualTo("+14155550100");
	}

	@Test
	void searchWithoutCredentialsIs401() {
		EmulatorClient anonymous = new EmulatorClient(base(), TwilioEmulator.DEFAULT_ACCOUNT_SID, null);

		EmulatorClient.Reply reply = anonymous.get(anonymous.account("/AvailablePhoneNumbers/US/Local.json"));

		assertError(reply, 401, 20003);
	}

	@Test
	void formPostIsReadApartFromTheQueryString() {
		EmulatorClient.Reply reply = this.client.post(
				this.client.account("/IncomingPhoneNumbers.json?FriendlyName=from-query"), "PhoneNumber",
				"+15125550177", "FriendlyName", "from body", "VoiceUrl", "https://example.test/voice?a=1&b=2");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.text("friendly_name")).isEqualTo("from body");
		assertThat(reply.text("voice_url")).isEqualTo("https://example.test/voice?a=1&b=2");
		assertThat(this.emulator.ownedByNumber("+15125550177")).isPresent();
	}

	@Test
	void updateAndDeleteReachTheEmulator() {
		String sid = this.client.post(this.client.account("/IncomingPhoneNumbers.json"), "AreaCode", "206").text("sid");

		assertThat(this.client
			.post(this.client.account("/IncomingPhoneNumbers/" + sid + ".json"), "SmsUrl", "https://example.test/sms")
			.text("sms_url")).isEqualTo("https://example.test/sms");
		assertThat(this.client.delete(this.client.account("/IncomingPhoneNumbers/" + sid + ".json")).status())
			.isEqualTo(204);
		assertThat(this.emulator.owned(sid)).isEmpty();
	}

	@Test
	void theOtherTwilioHostsAreServedUnderTheSameMount() {
		String service = this.client.post("/messaging/v1/Services", "FriendlyName", "in-app").text("sid");

		assertThat(this.client.get("/messaging/v1/Services/" + service).text("friendly_name")).isEqualTo("in-app");
		assertThat(this.client.get("/pricing/v1/PhoneNumbers/Countries/US").text("price_unit")).isEqualTo("USD");
		assertThat(this.client.get("/numbers/v2/RegulatoryCompliance/Bundles").json().get("results")).hasSize(3);
		assertThat(this.client.post("/2010-04-01/Accounts.json", "FriendlyName", "in-app sub").status()).isEqualTo(201);
	}

	@Test
	void dropAfterCommitBuysThenBreaksTheAnswerOffInApp() {
		this.emulator.faults().failNext(Operation.PURCHASE, Fault.DROP_AFTER_COMMIT, 1);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> this.client
			.postOrFail(this.client.account("/IncomingPhoneNumbers.json"), "PhoneNumber", "+15125550178"));

		assertThat(this.emulator.ownedByNumber("+15125550178")).isPresent();
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
		assertThat(this.client.get(this.client.account("/Balance.json")).status()).isEqualTo(200);
	}

	@Test
	void theEmulatorStopsBeforeTheWebServerWaitsForRequestsInProgress() {
		assertThat(EmulatorShutdown.PHASE).isGreaterThan(WebServerApplicationContext.GRACEFUL_SHUTDOWN_PHASE);
		assertThat(this.shutdown.isRunning()).isTrue();
	}

	/**
	 * What the TestContext framework does to a cached context on a context switch (pause,
	 * then restart): the emulator of the shared context must inject latency again
	 * afterwards instead of answering 503 to every request that should wait.
	 */
	@Test
	void anApplicationStoppedAndStartedAgainKeepsTheEmulatorsLatency() {
		this.shutdown.stop();
		this.shutdown.start();
		this.emulator.faults().latency(Duration.ofMillis(1));

		EmulatorClient.Reply reply = this.client.get(this.client.account("/Balance.json"));

		assertThat(reply.status()).as(reply.body()).isEqualTo(200);
		assertThat(this.shutdown.isRunning()).isTrue();
	}

	@Test
	void theEmulatorWaitsAgainWhenItsLifecycleRestarts() throws Exception {
		this.shutdown.stop();
		this.shutdown.start();
		this.emulator.faults().hangUntilReleased().failNext(Operation.BALANCE, Fault.TIMEOUT, 1);

		CompletableFuture<EmulatorClient.Reply> held = CompletableFuture
			.supplyAsync(() -> this.client.get(this.client.account("/Balance.json")));
		await().atMost(Duration.ofSeconds(60)).until(() -> this.emulator.faults().waiting() == 1);
		this.emulator.faults().releaseWaits();

		assertThat(held.get(60, TimeUnit.SECONDS).status()).isEqualTo(200);
	}

	private String base() {
		return "http://127.0.0.1:" + this.port + SandboxProperties.MOUNT_PATH;
	}

}
