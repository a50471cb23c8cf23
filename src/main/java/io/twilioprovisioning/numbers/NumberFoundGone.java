package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * Sync found that Twilio no longer has a number tracked as active (released outside this
 * application) and recorded it as released.
 *
 * @param actor who closed it
 * @param occurredAt when
 * @param previous the number before
 * @param number the number after
 */
public record NumberFoundGone(String actor, Instant occurredAt, TrackedNumber previous,
		TrackedNumber number) implements NumberChanged {

	@Override
	public String action() {
		return "RECONCILE";
	}

	@Override
	public Long clientId() {
		return this.previous.clientId();
	}

	@Override
	public String detail() {
		return "gone from Twilio";
	}

}
