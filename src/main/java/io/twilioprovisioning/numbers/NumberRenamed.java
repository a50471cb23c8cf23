package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * Twilio's friendly name of a number was set back to the inventory's (its client's name)
 * after it had drifted.
 *
 * @param actor who asked
 * @param occurredAt when
 * @param number the number, with the name Twilio has now
 * @param twilioNameBefore the name Twilio had
 */
public record NumberRenamed(String actor, Instant occurredAt, TrackedNumber number,
		String twilioNameBefore) implements NumberChanged {

	@Override
	public String action() {
		return "RENAME";
	}

	@Override
	public String detail() {
		return "friendly name in Twilio was '" + this.twilioNameBefore + "', now '" + this.number.friendlyName() + "'";
	}

}
