package io.twilioprovisioning.webhooks;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

import io.twilioprovisioning.numbers.WebhookProperties;
import io.twilioprovisioning.platform.ProvisioningMode;

/**
 * Picks the token Twilio signs webhooks with for the provisioning mode: the account's
 * auth token ({@code TWILIO_AUTH_TOKEN}) in live mode, the emulator's
 * ({@code SANDBOX_AUTH_TOKEN}) in sandbox mode. Read from the environment rather than
 * from the {@code twilio} module, which this module must not depend on.
 */
@Configuration(proxyBeanMethods = false)
class WebhooksConfiguration {

	static final String LIVE_AUTH_TOKEN = "twilio.auth-token";

	static final String SANDBOX_AUTH_TOKEN = "sandbox.auth-token";

	private static final Logger log = LoggerFactory.getLogger(WebhooksConfiguration.class);

	@Bean
	WebhookSignatures webhookSignatures(ProvisioningMode mode, WebhookProperties properties, Environment environment) {
		String property = (mode == ProvisioningMode.LIVE) ? LIVE_AUTH_TOKEN : SANDBOX_AUTH_TOKEN;
		String source = (mode == ProvisioningMode.LIVE) ? "the account's auth token (TWILIO_AUTH_TOKEN)"
				: "the sandbox auth token (SANDBOX_AUTH_TOKEN)";
		String token = environment.getProperty(property);
		WebhookSignatures signatures = new WebhookSignatures(properties.baseUrl(),
				StringUtils.hasText(token) ? token : null, source);
		if (signatures.canVerify()) {
			log.info("Inbound Twilio webhooks: {}", signatures);
		}
		else if (mode == ProvisioningMode.LIVE) {
			log.warn("Inbound Twilio webhooks: TWILIO_AUTH_TOKEN is not set (the service uses an API key), so "
					+ "X-Twilio-Signature cannot be checked and every webhook will be answered 403. "
					+ "Twilio signs webhooks with the account's auth token: set TWILIO_AUTH_TOKEN to accept them.");
		}
		else {
			log.warn("Inbound Twilio webhooks: {} is not set, so every webhook will be answered 403",
					SANDBOX_AUTH_TOKEN);
		}
		return signatures;
	}

}
