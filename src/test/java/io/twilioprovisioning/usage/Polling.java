package io.twilioprovisioning.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a generous upper bound, never for a fixed time.
 */
final class Polling {

	private static final Duration LIMIT = Duration.ofSeconds(60);

	private Polling() {
	}

	static void until(String what, BooleanSupplier condition) {
		Instant deadline = Instant.now().plus(LIMIT);
		while (!condition.getAsBoolean()) {
			if (Instant.now().isAfter(deadline)) {
				throw new AssertionError("Not within " + LIMIT.toSeconds() + " s: " + what);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError(ex);
			}
		}
	}

}
