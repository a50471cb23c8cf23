package io.twilioprovisioning.sandbox;

import org.springframework.context.SmartLifecycle;

/**
 * Stops the in-app emulator's injected waits when the application shuts down, before the
 * web server's graceful shutdown waits for requests in progress: a request asleep in a
 * latency or a hang would otherwise hold the shutdown for its whole length.
 */
class EmulatorShutdown implements SmartLifecycle {

	/**
	 * Stops first: phases stop from the highest down, and the web server's graceful
	 * shutdown has {@code Integer.MAX_VALUE - 1024}.
	 */
	static final int PHASE = Integer.MAX_VALUE;

	private final TwilioEmulator emulator;

	private volatile boolean running;

	EmulatorShutdown(TwilioEmulator emulator) {
		this.emulator = emulator;
	}

	@Override
	public void start() {
		this.emulator.resume();
		this.running = true;
	}

	@Override
	public void stop() {
		this.running = false;
		this.emulator.stop();
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
