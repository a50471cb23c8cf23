package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number the account owns, as the carrier reports it.
 *
 * @param sid the carrier's id ({@code PN} + 32 hex)
 * @param phoneNumber the number
 * @param friendlyName its friendly name
 * @param capabilities what it can receive
 * @param webhooks its webhook configuration
 * @param createdAt when it was bought
 * @param updatedAt when it last changed
 */
public record OwnedNumber(String sid, E164Number phoneNumber, String friendlyName, Capabilities capabilities,
		WebhookConfig webhooks, Instant createdAt, Instant updatedAt) {

}
