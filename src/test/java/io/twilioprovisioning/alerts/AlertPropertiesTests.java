package io.twilioprovisioning.alerts;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The alert settings refuse what cannot work at start, never show the secret, and space
 * retries by a doubling, capped backoff.
 */
class AlertPropertiesTests {

	private static final String SECRET = "a-secret-of-32-characters-length";

	@Test
	void backoffDoublesFromTheInitialWaitUpToTheLongest() {
		AlertProperties properties = properties(URI.create("https://alerts.example.com/hook"), SECRET);

		assertThat(List.of(1, 2, 3, 4, 8, 12, 100).stream().map(properties::backoff)).containsExactly(
				Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
				Duration.ofHours(1), Duration.ofHours(1), Duration.ofHours(1));
	}

	@Test
	void aWebhookUrlNeedsALongEnoughSecret() {
		URI url = URI.create("https://alerts.example.com/hook");

		assertThatIllegalArgumentException().isThrownBy(() -> properties(url, null))
			.withMessageContaining("PROVISIONING_ALERTS_WEBHOOK_SECRET");
		assertThatIllegalArgumentException().isThrownBy(() -> properties(url, "short"))
			.withMessageContaining("at least 16 characters");
	}

	@Test
	void theWebhookUrlMustBeAnAbsoluteHttpUrl() {
		for (String bad : List.of("/relative/hook", "ftp://alerts.example.com/hook", "mailto:ops@example.com")) {
			assertThatIllegalArgumentException().isThrownBy(() -> properties(URI.create(bad), SECRET))
				.withMessageContaining("PROVISIONING_ALERTS_WEBHOOK_URL");
		}
	}

	@Test
	void theSecretNeverShowsInTheSettingsText() {
		assertThat(properties(URI.create("https://alerts.example.com/hook"), SECRET).toString()).doesNotContain(SECRET)
			.doesNotContain("alerts.example.com");
	}

	private static AlertProperties properties(URI url, String secret) {
		return new AlertProperties(new BigDecimal("20.00"), url, secret, List.of(), "alerts@localhost",
				Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 12,
				Duration.ofSeconds(10), 1, 1, Duration.ofHours(24));
	}

}
