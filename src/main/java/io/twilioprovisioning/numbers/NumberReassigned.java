package io.twilioprovisioning.numbers;

import java.time.Instant;
import java.util.Map;

/**
 * A number moved from one client to another.
 *
 * @param actor who moved it
 * @param occurredAt when
 * @param before the number before
 * @param number the number after
 */
public record NumberReassigned(String actor, Instant occurredAt, TrackedNumber before,
		TrackedNumber number) implements NumberEvent {

	@Override
	public String action() {
		return "REASSIGN";
	}

	@Override
	public String outcome() {
		return "SUCCEEDED";
	}

	@Override
	public Long numberId() {
		return this.number.id();
	}

	@Override
	public String phoneNumber() {
		return this.number.e164();
	}

	@Override
	public String sid() {
		return this.number.sid();
	}

	@Override
	public Long clientId() {
		return this.number.clientId();
	}

	@Override
	public Long otherClientId() {
		return this.before.clientId();
	}

	@Override
	public Map<String, Object> beforeSnapshot() {
		return NumberSnapshots.of(this.before);
	}

	@Override
	public Map<String, Object> afterSnapshot() {
		return NumberSnapshots.of(this.number);
	}

}
