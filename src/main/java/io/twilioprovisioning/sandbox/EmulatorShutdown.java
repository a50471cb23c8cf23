package io.twilioprovisioning.sandbox;

import org.springframework.context.SmartLifecycle;

/**
 * Stops the in-app emulator's injected waits when the application shuts down, before the
 * web server's graceful shutdown waits for requests in progress: a request asleep in a
 * latency or a hang would otherwise hold the shutdown for its whole length. It is not
 * pauseable (Spring's test context cache pauses contexts it is not using), and a stop is
 * not final either: when a stopped application starts again, the emulator's waits come
 * back.
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
		this.emulator.start();
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

	/**
	 * Not stopped when the context is only paused.
	 */
	@Override
	public boolean isPauseable() {
		return false;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}

}
