package io.twilioprovisioning.alerts;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * What raises alerts and where they go ({@code PROVISIONING_ALERTS_*}, docs/alerts.md).
 *
 * @param lowBalance fire when the Twilio balance is below this amount (in the account's
 * currency); unset: no balance alert
 * @param webhookUrl where alerts are POSTed, signed; unset: no webhook
 * @param webhookSecret the HMAC-SHA256 key of the signature, at least 16 characters;
 * required with a webhook URL
 * @param emailTo who gets alert e-mails (needs {@code spring.mail.host}); empty: none
 * @param emailFrom the sender of alert e-mails
 * @param checkInterval how often the conditions are checked (once per period across the
 * instances)
 * @param deliveryInterval how often the outbox is looked at for notifications due
 * @param initialBackoff the wait after a failed delivery, doubled per further failure
 * @param maxBackoff the longest wait between deliveries
 * @param maxAttempts deliveries tried before a notification is abandoned (logged)
 * @param webhookTimeout how long one webhook delivery may take
 * @param stuckThreshold fire when at least this many numbers are stuck
 * @param driftThreshold fire when the latest sync check found at least this many
 * differences
 * @param jobFailedShownFor how long a failed-job alert stays in the banner
 */
@Validated
@ConfigurationProperties("provisioning.alerts")
public record AlertProperties(BigDecimal lowBalance, URI webhookUrl, String webhookSecret,
		@DefaultValue List<String> emailTo, @DefaultValue("twilio-provisioning@localhost") String emailFrom,
		@DefaultValue("1m") Duration checkInterval, @DefaultValue("5s") Duration deliveryInterval,
		@DefaultValue("30s") Duration initialBackoff, @DefaultValue("1h") Duration maxBackoff,
		@DefaultValue("12") @Min(1) @Max(100) int maxAttempts, @DefaultValue("10s") Duration webhookTimeout,
		@DefaultValue("1") @Min(1) long stuckThreshold, @DefaultValue("1") @Min(1) long driftThreshold,
		@DefaultValue("24h") Duration jobFailedShownFor) {

	public AlertProperties {
		if (webhookUrl != null) {
			String scheme = webhookUrl.getScheme();
			if (!webhookUrl.isAbsolute() || webhookUrl.getHost() == null
					|| !("http".equals(scheme) || "https".equals(scheme))) {
				throw new IllegalArgumentException(
						"provisioning.alerts.webhook-url (PROVISIONING_ALERTS_WEBHOOK_URL) must be an absolute http(s) URL");
			}
			if (webhookSecret == null || webhookSecret.strip().length() < 16) {
				throw new IllegalArgumentException(
						"provisioning.alerts.webhook-secret (PROVISIONING_ALERTS_WEBHOOK_SECRET)"
								+ " must be set, at least 16 characters, when a webhook URL is");
			}
		}
		if (lowBalance != null && lowBalance.signum() < 0) {
			throw new IllegalArgumentException("provisioning.alerts.low-balance must not be negative");
		}
		if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
			throw new IllegalArgumentException(
					"provisioning.alerts.max-backoff must not be shorter than initial-backoff, both positive");
		}
		emailTo = List.copyOf(emailTo);
	}

	/**
	 * The wait after the given failed attempt: {@code initialBackoff} doubled per earlier
	 * failure, at most {@code maxBackoff}. No jitter: few notifications, and a receiver
	 * that is down is not stampeded by them.
	 * @param attempt 1 after the first failure
	 */
	Duration backoff(int attempt) {
		Duration wait = this.initialBackoff;
		for (int i = 1; i < attempt && wait.compareTo(this.maxBackoff) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		return (wait.compareTo(this.maxBackoff) > 0) ? this.maxBackoff : wait;
	}

	@Override
	public String toString() {
		return "AlertProperties[lowBalance=" + this.lowBalance + ", webhook=" + (this.webhookUrl != null) + ", emailTo="
				+ this.emailTo.size() + " address(es)]";
	}

}
