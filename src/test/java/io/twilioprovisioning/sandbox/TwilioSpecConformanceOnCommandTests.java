package io.twilioprovisioning.sandbox;

/**
 * {@link TwilioSpecConformanceTests} against the emulator as {@code --emulator} runs it
 * alone: every answer still validates against Twilio's descriptions.
 */
class TwilioSpecConformanceOnCommandTests extends TwilioSpecConformanceTests {

	private EmulatorCommand command;

	@Override
	StandaloneTwilioEmulator startServer() {
		this.command = EmulatorCommand.start();
		return this.command.server();
	}

	@Override
	void stopServer() {
		this.command.close();
	}

}
