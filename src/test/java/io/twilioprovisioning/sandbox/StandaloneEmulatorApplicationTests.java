package io.twilioprovisioning.sandbox;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * {@code java -jar … --emulator} runs the Twilio emulator alone: on loopback, without a
 * database, saying where each Twilio host is and which credentials to use.
 */
@ExtendWith(OutputCaptureExtension.class)
class StandaloneEmulatorApplicationTests {

	private static final String OTHER_SID = "AC" + "ab".repeat(16);

	@Test
	void onlyTheFlagAsksForTheEmulator() {
		assertThat(StandaloneEmulatorApplication.requested("--emulator")).isTrue();
		assertThat(StandaloneEmulatorApplication.requested("--server.port=0", "--emulator")).isTrue();
		assertThat(StandaloneEmulatorApplication.requested()).isFalse();
		assertThat(StandaloneEmulatorApplication.requested("--emulator=false", "--sandbox.emulator.port=1")).isFalse();
	}

	@Test
	void servesOnLoopbackWithoutADatabaseAndPrintsWhereAndHow(CapturedOutput output) {
		try (EmulatorCommand command = EmulatorCommand.start()) {
			StandaloneTwilioEmulator server = command.server();
			String base = server.baseUrl();

			assertThat(server.listening()).isEqualTo("127.0.0.1:" + server.port());
			assertThat(command.context().getBeansOfType(DataSource.class)).isEmpty();
			assertThat(output).contains("https://api.twilio.com       -> " + base + "\n")
				.contains("https://messaging.twilio.com -> " + base + "/messaging")
				.contains("https://pricing.twilio.com   -> " + base + "/pricing")
				.contains("https://numbers.twilio.com   -> " + base + "/numbers")
				.contains("account SID: " + TwilioEmulator.DEFAULT_ACCOUNT_SID)
				.contains("auth token:  " + TwilioEmulator.DEFAULT_AUTH_TOKEN);
			EmulatorClient client = EmulatorClient.of(server);
			EmulatorClient.Reply balance = client.get(client.account("/Balance.json"));
			assertThat(balance.status()).isEqualTo(200);
			assertThat(balance.text("balance")).isEqualTo("500.00");
			assertThat(client.get("/pricing/v1/PhoneNumbers/Countries/US").status()).isEqualTo(200);
		}
	}

	@Test
	void takesItsAccountTokenAndPreloadFromTheSandboxSettingsAndNeverPrintsAConfiguredToken(CapturedOutput output) {
		String token = "configured-token-" + System.nanoTime();
		try (EmulatorCommand command = EmulatorCommand.start("--sandbox.account-sid=" + OTHER_SID,
				"--sandbox.auth-token=" + token, "--sandbox.preload=3")) {
			StandaloneTwilioEmulator server = command.server();
			EmulatorClient client = new EmulatorClient(server.baseUrl(), OTHER_SID, token);

			EmulatorClient.Reply list = client.get(client.account("/IncomingPhoneNumbers.json"));
			assertThat(list.status()).isEqualTo(200);
			assertThat(list.json().get("incoming_phone_numbers").size()).isEqualTo(3);
			assertError(EmulatorClient.of(server).get(EmulatorClient.account(OTHER_SID, "/Balance.json")), 401, 20003);
			assertThat(output).contains("account SID: " + OTHER_SID)
				.contains("auth token:  the one in SANDBOX_AUTH_TOKEN")
				.doesNotContain(token);
		}
	}

	@Test
	void aBadSettingStopsTheStartWithTheSettingNamed() {
		assertThatException().isThrownBy(() -> EmulatorCommand.start("--sandbox.emulator.port=70000").close())
			.withStackTraceContaining("sandbox.emulator.port");
		assertThatException().isThrownBy(() -> EmulatorCommand.start("--sandbox.account-sid=nope").close())
			.withStackTraceContaining("sandbox.account-sid");
	}

	@Test
	void aTakenPortIsSaid() {
		try (EmulatorCommand first = EmulatorCommand.start()) {
			int port = first.server().port();
			assertThatException().isThrownBy(() -> EmulatorCommand.start("--sandbox.emulator.port=" + port).close())
				.withStackTraceContaining("Cannot start the Twilio emulator on 127.0.0.1 port " + port);
		}
	}

}
