package io.twilioprovisioning.twilio;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exponential backoff with full jitter.
 */
class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(1));

	@Test
	void ceilingDoublesFromTheInitialBackoffUpToTheMaximum() {
		assertThat(this.policy.ceiling(1)).isEqualTo(Duration.ofMillis(200));
		assertThat(this.policy.ceiling(2)).isEqualTo(Duration.ofMillis(400));
		assertThat(this.policy.ceiling(3)).isEqualTo(Duration.ofMillis(800));
		assertThat(this.policy.ceiling(4)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.policy.ceiling(60)).isEqualTo(Duration.ofSeconds(1));
	}

	@Test
	void backoffIsSpreadBetweenZeroAndTheCeiling() {
		long below = 0;
		for (int i = 0; i < 2000; i++) {
			Duration backoff = this.policy.backoff(2);
			assertThat(backoff).isBetween(Duration.ZERO, Duration.ofMillis(400));
			if (backoff.toMillis() < 200) {
				below++;
			}
		}
		assertThat(below).as("full jitter spreads waits over the whole range").isBetween(700L, 1300L);
	}

	@Test
	void aNegativeRetryCountIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new RetryPolicy(-1, Duration.ofMillis(1), Duration.ofMillis(2)));
	}

}
