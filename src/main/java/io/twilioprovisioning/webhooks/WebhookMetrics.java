package io.twilioprovisioning.webhooks;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * Counts inbound webhook requests by endpoint ({@code voice}, {@code sms},
 * {@code status}) and signature outcome ({@code valid}, {@code missing},
 * {@code mismatch}, {@code no_auth_token}): a rise of refusals means a wrong auth token,
 * a wrong {@code APP_BASE_URL} behind a proxy, or someone probing.
 */
@Component
class WebhookMetrics {

	static final String REQUESTS = "webhooks.requests";

	private final MeterRegistry registry;

	WebhookMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void received(String path, WebhookSignatures.Verdict verdict) {
		String endpoint = path.substring(path.lastIndexOf('/') + 1);
		Counter.builder(REQUESTS)
			.description("Inbound Twilio webhook requests by endpoint and signature outcome")
			.tag("endpoint", switch (endpoint) {
				case "voice", "sms", "status" -> endpoint;
				default -> "other";
			})
			.tag("signature", verdict.name().toLowerCase(Locale.ROOT))
			.register(this.registry)
			.increment();
	}

}
