package io.twilioprovisioning.numbers.web;

import java.time.Instant;
import java.util.Map;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;

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
 */
record NumberView(long id, String phoneNumber, String nationalFormat, String sid, String friendlyName, String state,
		ClientRef client, Capabilities capabilities, WebhookConfig webhooks, boolean webhooksMatchPolicy,
		Failure failure, Instant purchasedAt, Instant releasedAt, Instant createdAt, Instant updatedAt) {

	static NumberView of(TrackedNumber number, Map<Long, Client> clients, boolean webhooksMatchPolicy) {
		Client client = (number.clientId() != null) ? clients.get(number.clientId()) : null;
		ClientRef ref = (number.clientId() != null)
				? new ClientRef(number.clientId(), (client != null) ? client.name() : null) : null;
		Failure failure = (number.failureReason() != null) ? new Failure(number.failureCode(), number.failureReason())
				: null;
		return new NumberView(number.id(), number.e164(), number.nationalFormat(), number.sid(), number.friendlyName(),
				number.state().name(), ref, number.capabilities(), number.webhooks(), webhooksMatchPolicy, failure,
				number.purchasedAt(), number.releasedAt(), number.createdAt(), number.updatedAt());
	}

	/**
	 * The client a number belongs to.
	 *
	 * @param id client id
	 * @param name client name
	 */
	record ClientRef(long id, String name) {

	}

	/**
	 * Why a purchase failed.
	 *
	 * @param twilioCode Twilio's error code, if Twilio refused
	 * @param reason the explanation
	 */
	record Failure(Integer twilioCode, String reason) {

	}

}
