package io.twilioprovisioning.twilio;

import io.twilioprovisioning.sandbox.EmulatorCommand;
import io.twilioprovisioning.sandbox.StandaloneTwilioEmulator;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;

/**
 * twilio-java drives the emulator that {@code java -jar … --emulator} runs alone, through
 * the new hosts (subaccounts, addresses, Messaging Services, prices, bundles), with the
 * credentials given as {@code SANDBOX_ACCOUNT_SID} and {@code SANDBOX_AUTH_TOKEN} would
 * give them.
 */
class TwilioSdkOnStandaloneEmulatorTests extends TwilioSdkOnEmulatorHostsTests {

	private EmulatorCommand command;

	@Override
	StandaloneTwilioEmulator startServer() {
		this.command = EmulatorCommand.start("--sandbox.account-sid=" + ACCOUNT_SID,
				"--sandbox.auth-token=" + AUTH_TOKEN);
		return this.command.server();
	}

	@Override
	void stopServer() {
		this.command.close();
	}

}
