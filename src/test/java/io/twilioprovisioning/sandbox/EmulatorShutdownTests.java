package io.twilioprovisioning.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The in-app emulator's waits end when the application stops, but not when a test context
 * is only paused: Spring's context cache pauses the contexts it is not using and restarts
 * them when a later test class needs them again.
 */
class EmulatorShutdownTests {

	private final TwilioEmulator emulator = TwilioEmulator.withDefaultCredentials();

	@Test
	void aPausedAndRestartedContextKeepsTheEmulatorsWaitsWorking() {
		try (GenericApplicationContext context = context()) {
			context.pause();
			context.restart();
			this.emulator.faults().latency(Duration.ofMillis(1));

			assertThat(balance().status()).isEqualTo(200);
		}
	}

	@Test
	void closingTheContextStopsTheEmulatorsWaits() {
		GenericApplicationContext context = context();
		this.emulator.faults().latency(Duration.ofMillis(1));

		context.close();

		assertThat(balance().status()).isEqualTo(503);
	}

	private GenericApplicationContext context() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.registerBean(EmulatorShutdown.class, () -> new EmulatorShutdown(this.emulator));
		context.refresh();
		return context;
	}

	private EmulatorResponse balance() {
		String credentials = Base64.getEncoder()
			.encodeToString((TwilioEmulator.DEFAULT_ACCOUNT_SID + ":" + TwilioEmulator.DEFAULT_AUTH_TOKEN)
				.getBytes(StandardCharsets.UTF_8));
		return this.emulator.handle(new EmulatorRequest("GET",
				"/2010-04-01/Accounts/" + TwilioEmulator.DEFAULT_ACCOUNT_SID + "/Balance.json", Map.of(), Map.of(),
				"Basic " + credentials));
	}

}
