package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * One emulator on a random loopback port per test class, reset before each test.
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class StandaloneEmulatorTest {

	StandaloneTwilioEmulator server;

	TwilioEmulator emulator;

	EmulatorClient client;

	@BeforeAll
	void startEmulator() {
		this.server = StandaloneTwilioEmulator.start(TwilioEmulator.withDefaultCredentials());
		this.emulator = this.server.emulator();
	}

	@AfterAll
	void stopEmulator() {
		this.server.close();
	}

	@BeforeEach
	void resetEmulator() {
		this.emulator.reset();
		this.client = EmulatorClient.of(this.server);
	}

	EmulatorClient.Reply search(String type, String query) {
		return this.client.get(this.client.account("/AvailablePhoneNumbers/" + type + ".json?" + query));
	}

	EmulatorClient.Reply buy(String... namesAndValues) {
		return this.client.post(this.client.account("/IncomingPhoneNumbers.json"), namesAndValues);
	}

}
