package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number was bought for a client (or a lost purchase was found in Twilio and adopted).
 *
 * @param actor who bought it
 * @param occurredAt when
 * @param number the number as tracked now
 * @param adopted whether the purchase answer was lost and the number was found owned
 */
public record NumberPurchased(String actor, Instant occurredAt, TrackedNumber number,
		boolean adopted) implements NumberChanged {

	@Override
	public String action() {
		return "PURCHASE";
	}

	@Override
	public String detail() {
		return this.adopted ? "Twilio's answer was lost; the number was found in the account and adopted" : null;
	}

}
