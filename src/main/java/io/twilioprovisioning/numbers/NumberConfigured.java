package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number's webhooks were changed.
 *
 * @param actor who changed them
 * @param occurredAt when
 * @param previous the number before
 * @param number the number after
 */
public record NumberConfigured(String actor, Instant occurredAt, TrackedNumber previous,
		TrackedNumber number) implements NumberChanged {

	@Override
	public String action() {
		return "CONFIGURE";
	}

}
