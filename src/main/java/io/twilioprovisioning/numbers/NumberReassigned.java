package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number moved from one client to another.
 *
 * @param actor who moved it
 * @param occurredAt when
 * @param previous the number before (with the client it came from)
 * @param number the number after
 */
public record NumberReassigned(String actor, Instant occurredAt, TrackedNumber previous,
		TrackedNumber number) implements NumberChanged {

	@Override
	public String action() {
		return "REASSIGN";
	}

	@Override
	public Long otherClientId() {
		return this.previous.clientId();
	}

}
