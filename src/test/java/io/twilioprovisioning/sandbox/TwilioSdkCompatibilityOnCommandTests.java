package io.twilioprovisioning.sandbox;

/**
 * {@link TwilioSdkCompatibilityTests} against the emulator as {@code --emulator} runs it
 * alone.
 */
class TwilioSdkCompatibilityOnCommandTests extends TwilioSdkCompatibilityTests {

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
