package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number the account owns in Twilio but nobody tracked was adopted by sync, as active
 * and unassigned.
 *
 * @param actor who adopted it
 * @param occurredAt when
 * @param number the number as tracked now
 */
public record NumberAdopted(String actor, Instant occurredAt, TrackedNumber number) implements NumberChanged {

	@Override
	public String action() {
		return "ADOPT";
	}

	@Override
	public String detail() {
		return "owned in Twilio but not tracked; adopted unassigned";
	}

}
