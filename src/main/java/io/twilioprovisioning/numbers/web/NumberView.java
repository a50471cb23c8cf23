package io.twilioprovisioning.numbers.web;

import java.time.Instant;
import java.util.Map;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A tracked number as the JSON API shows it.
 *
 * @param id the inventory id
 * @param phoneNumber E.164
 * @param nationalFormat as written in its country
 * @param sid Twilio's SID
 * @param friendlyName the friendly name in Twilio
 * @param state lifecycle state
 * @param client the client it belongs to, or {@code null}
 * @param capabilities what it can receive
 * @param webhooks the webhook configuration last applied
 * @param webhooksMatchPolicy whether the webhooks are the platform's defaults
 * @param failure why the purchase failed, or {@code null}
 * @param purchasedAt when Twilio sold it
 * @param releasedAt when it was released
 * @param createdAt when it was first requested
 * @param updatedAt when it last changed
 * @param releaseScheduledAt when a release scheduled with an undo window happens, or
 * {@code null}
 */
@NullMarked
record NumberView(long id, @Schema(pattern = E164) @Nullable String phoneNumber, @Nullable String nationalFormat,
		@Schema(pattern = SID) @Nullable String sid, @Nullable String friendlyName, @Schema(allowableValues = {
				"PURCHASING", "ACTIVE", "RELEASING", "RELEASED", "FAILED" }) String state,
		@Nullable ClientRef client, Capabilities capabilities, WebhookConfig webhooks, boolean webhooksMatchPolicy,
		@Nullable Failure failure, @Nullable Instant purchasedAt, @Nullable Instant releasedAt, Instant createdAt,
		Instant updatedAt, @Schema(description = "When a release scheduled with an undo window happens; the number "
				+ "stays owned and routed until then (POST /api/admin/phone-numbers/{id}/release/undo takes it back)") @Nullable Instant releaseScheduledAt){

	static final String E164 = "^\\+[1-9][0-9]{1,14}$";

	static final String SID = "^PN[0-9a-fA-F]{32}$";

	static NumberView of(TrackedNumber number, Map<Long, Client> clients, boolean webhooksMatchPolicy) {
		Client client = (number.clientId() != null) ? clients.get(number.clientId()) : null;
		ClientRef ref = (number.clientId() != null)
				? new ClientRef(number.clientId(), (client != null) ? client.name() : null) : null;
		Failure failure = (number.failureReason() != null) ? new Failure(number.failureCode(), number.failureReason())
				: null;
		return new NumberView(number.id(), number.e164(), number.nationalFormat(), number.sid(), number.friendlyName(),
				number.state().name(), ref, number.capabilities(), number.webhooks(), webhooksMatchPolicy, failure,
				number.purchasedAt(), number.releasedAt(), number.createdAt(), number.updatedAt(),
				number.releaseScheduledAt());
	}

	/**
	 * The client a number belongs to.
	 *
	 * @param id client id
	 * @param name client name
	 */
	@NullMarked
	record ClientRef(long id, @Nullable String name) {

	}

	/**
	 * Why a purchase failed.
	 *
	 * @param twilioCode Twilio's error code, if Twilio refused
	 * @param reason the explanation
	 */
	@NullMarked
	record Failure(@Nullable Integer twilioCode, String reason) {

	}

}
