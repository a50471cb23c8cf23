package io.twilioprovisioning.numbers;

/**
 * A change to an owned number; {@code null} parts are left as they are.
 *
 * @param friendlyName the new friendly name, up to 64 characters
 * @param webhooks the webhooks to set
 */
public record NumberUpdate(String friendlyName, WebhookConfig webhooks) {

	public NumberUpdate {
		if (friendlyName != null && friendlyName.length() > 64) {
			throw new IllegalArgumentException("friendlyName must be at most 64 characters");
		}
	}

}
