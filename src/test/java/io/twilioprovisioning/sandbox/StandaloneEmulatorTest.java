package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

/**
 * One emulator on a random loopback port per test class, reset before each test. A
 * subclass may start it another way ({@link EmulatorCommand}: as {@code --emulator} runs
 * it).
 */
@TestInstance(Lifecycle.PER_CLASS)
abstract class StandaloneEmulatorTest {

	StandaloneTwilioEmulator server;

	TwilioEmulator emulator;

	EmulatorClient client;

	@BeforeAll
	void startEmulator() {
		this.server = startServer();
		this.emulator = this.server.emulator();
	}

	@AfterAll
	void stopEmulator() {
		stopServer();
	}

	/**
	 * Starts the emulator the tests talk to, with the default credentials.
	 * @return the running server
	 */
	StandaloneTwilioEmulator startServer() {
		return StandaloneTwilioEmulator.start(TwilioEmulator.withDefaultCredentials());
	}

	void stopServer() {
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

	/**
	 * Buys a number in an account with the main account's credentials.
	 */
	EmulatorClient.Reply buyIn(String accountSid, String... namesAndValues) {
		return this.client.post(EmulatorClient.account(accountSid, "/IncomingPhoneNumbers.json"), namesAndValues);
	}

	/**
	 * A new subaccount of the main account.
	 */
	Subaccount subaccount(String friendlyName) {
		EmulatorClient.Reply reply = this.client.post("/2010-04-01/Accounts.json", "FriendlyName", friendlyName);
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not create a subaccount: " + reply.body());
		}
		return new Subaccount(reply.text("sid"), reply.text("auth_token"),
				this.client.as(reply.text("sid"), reply.text("auth_token")));
	}

	/**
	 * An Address of an account, created with the main account's credentials.
	 */
	String address(String accountSid, String isoCountry) {
		EmulatorClient.Reply reply = this.client.post(EmulatorClient.account(accountSid, "/Addresses.json"),
				"CustomerName", "Acme Dental", "Street", "1 Fictional Way", "City", "Springfield", "Region", "XX",
				"PostalCode", "00000", "IsoCountry", isoCountry);
		if (reply.status() != 201) {
			throw new IllegalStateException("Could not create an address: " + reply.body());
		}
		return reply.text("sid");
	}

	/**
	 * A subaccount with a client on its own credentials.
	 */
	record Subaccount(String sid, String authToken, EmulatorClient client) {

	}

}
