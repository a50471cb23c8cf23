package io.twilioprovisioning.webhooks;

import java.time.Instant;

/**
 * A signed inbound call or message reached a number of the inventory: published for every
 * such webhook (synchronously and in memory, so a listener must be cheap), for whoever
 * keeps activity.
 *
 * @param numberId the inventory id of the number called or texted
 * @param kind a call or a message
 * @param receivedAt when the webhook arrived
 */
public record InboundTraffic(long numberId, Kind kind, Instant receivedAt) {

	/** What arrived. */
	public enum Kind {

		CALL, MESSAGE

	}

}
