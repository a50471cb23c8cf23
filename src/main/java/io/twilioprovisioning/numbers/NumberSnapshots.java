package io.twilioprovisioning.numbers;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of a number the audit trail keeps as before/after.
 */
final class NumberSnapshots {

	private NumberSnapshots() {
	}

	static Map<String, Object> of(TrackedNumber number) {
		Map<String, Object> snapshot = new LinkedHashMap<>();
		if (number == null) {
			return snapshot;
		}
		snapshot.put("state", number.state().name());
		put(snapshot, "phoneNumber", number.e164());
		put(snapshot, "sid", number.sid());
		put(snapshot, "friendlyName", number.friendlyName());
		put(snapshot, "clientId", number.clientId());
		WebhookConfig webhooks = number.webhooks();
		if (webhooks != null) {
			put(snapshot, "voiceUrl", webhooks.voiceUrl());
			put(snapshot, "voiceMethod", (webhooks.voiceMethod() != null) ? webhooks.voiceMethod().name() : null);
			put(snapshot, "voiceFallbackUrl", webhooks.voiceFallbackUrl());
			put(snapshot, "smsUrl", webhooks.smsUrl());
			put(snapshot, "smsMethod", (webhooks.smsMethod() != null) ? webhooks.smsMethod().name() : null);
			put(snapshot, "smsFallbackUrl", webhooks.smsFallbackUrl());
			put(snapshot, "statusCallback", webhooks.statusCallback());
		}
		return snapshot;
	}

	private static void put(Map<String, Object> map, String key, Object value) {
		if (value != null) {
			map.put(key, value);
		}
	}

}
