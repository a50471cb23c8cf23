package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number in the inventory, as the rest of the application sees it.
 *
 * @param id the database id
 * @param phoneNumber the number, or {@code null} while a purchase by area code has not
 * picked one
 * @param sid Twilio's SID, once known
 * @param friendlyName the friendly name set in Twilio
 * @param state where it is in its lifecycle
 * @param capabilities what it can receive
 * @param webhooks the webhook configuration last applied
 * @param clientId the client it belongs to, or {@code null}
 * @param requestedAreaCode the area code of a purchase by area code
 * @param failureCode Twilio's error code when the purchase failed
 * @param failureReason why the purchase failed
 * @param purchasedAt when Twilio sold it
 * @param releasedAt when it was released
 * @param createdAt when the row was created (the purchase intent)
 * @param updatedAt when the row last changed
 * @param version optimistic version, incremented by every change
 * @param releaseScheduledAt when a release scheduled with an undo window happens, or
 * {@code null} (ADR 0031)
 */
public record TrackedNumber(long id, E164Number phoneNumber, String sid, String friendlyName, PhoneNumberState state,
		Capabilities capabilities, WebhookConfig webhooks, Long clientId, String requestedAreaCode, Integer failureCode,
		String failureReason, Instant purchasedAt, Instant releasedAt, Instant createdAt, Instant updatedAt,
		long version, Instant releaseScheduledAt) {

	/**
	 * The number in E.164, or {@code null}.
	 */
	public String e164() {
		return (this.phoneNumber != null) ? this.phoneNumber.value() : null;
	}

	/**
	 * The number as written in its country, e.g. {@code (415) 555-0100}.
	 */
	public String nationalFormat() {
		return (this.phoneNumber != null) ? this.phoneNumber.national() : null;
	}

}
