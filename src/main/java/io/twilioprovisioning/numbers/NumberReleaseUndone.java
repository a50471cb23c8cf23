package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A scheduled release was undone within its window: the number stays as it was.
 *
 * @param actor who undid it
 * @param occurredAt when
 * @param previous the number before (still scheduled)
 * @param number the number after
 */
public record NumberReleaseUndone(String actor, Instant occurredAt, TrackedNumber previous,
		TrackedNumber number) implements NumberChanged {

	@Override
	public String action() {
		return "RELEASE_UNDO";
	}

}
