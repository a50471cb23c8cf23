package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number's release was scheduled with an undo window (ADR 0031): it stays active and
 * routed until {@link TrackedNumber#releaseScheduledAt()}.
 *
 * @param actor who asked for the release
 * @param occurredAt when
 * @param previous the number before
 * @param number the number after
 */
public record NumberReleaseScheduled(String actor, Instant occurredAt, TrackedNumber previous,
		TrackedNumber number) implements NumberChanged {

	@Override
	public String action() {
		return "RELEASE_SCHEDULE";
	}

	@Override
	public String detail() {
		return "Releasing at " + this.number.releaseScheduledAt() + " unless undone";
	}

}
