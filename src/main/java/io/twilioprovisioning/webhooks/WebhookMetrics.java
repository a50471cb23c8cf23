package io.twilioprovisioning.webhooks;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

	private static final List<String> ENDPOINTS = List.of("voice", "sms", "status", "other");

	/**
	 * One counter per endpoint and verdict, registered once: no registry look-up per
	 * webhook.
	 */
	private final Map<String, Map<WebhookSignatures.Verdict, Counter>> counters = new HashMap<>();

	WebhookMetrics(MeterRegistry registry) {
		for (String endpoint : ENDPOINTS) {
			Map<WebhookSignatures.Verdict, Counter> byVerdict = new EnumMap<>(WebhookSignatures.Verdict.class);
			for (WebhookSignatures.Verdict verdict : WebhookSignatures.Verdict.values()) {
				byVerdict.put(verdict,
						Counter.builder(REQUESTS)
							.description("Inbound Twilio webhook requests by endpoint and signature outcome")
							.tag("endpoint", endpoint)
							.tag("signature", verdict.name().toLowerCase(Locale.ROOT))
							.register(registry));
			}
			this.counters.put(endpoint, byVerdict);
		}
	}

	void received(String path, WebhookSignatures.Verdict verdict) {
		String endpoint = path.substring(path.lastIndexOf('/') + 1);
		this.counters.getOrDefault(endpoint, this.counters.get("other")).get(verdict).increment();
	}

}
