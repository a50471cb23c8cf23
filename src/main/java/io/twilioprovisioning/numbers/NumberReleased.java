package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number was released back to Twilio (or was found already gone).
 *
 * @param actor who released it
 * @param occurredAt when
 * @param previous the number before
 * @param number the number after
 * @param alreadyGone whether Twilio said the account no longer owned it
 */
public record NumberReleased(String actor, Instant occurredAt, TrackedNumber previous, TrackedNumber number,
		boolean alreadyGone) implements NumberChanged {

	@Override
	public String action() {
		return "RELEASE";
	}

	@Override
	public Long clientId() {
		return this.previous.clientId();
	}

	@Override
	public String detail() {
		return this.alreadyGone ? "Twilio no longer had the number (404); recorded as released" : null;
	}

}
