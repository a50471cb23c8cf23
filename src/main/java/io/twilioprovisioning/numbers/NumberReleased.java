package io.twilioprovisioning.numbers;

import java.time.Instant;
import java.util.Map;

/**
 * A number was released back to Twilio (or was found already gone).
 *
 * @param actor who released it
 * @param occurredAt when
 * @param before the number before
 * @param number the number after
 * @param alreadyGone whether Twilio said the account no longer owned it
 */
public record NumberReleased(String actor, Instant occurredAt, TrackedNumber before, TrackedNumber number,
		boolean alreadyGone) implements NumberEvent {

	@Override
	public String action() {
		return "RELEASE";
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

	@Override
	public String detail() {
		return this.alreadyGone ? "Twilio no longer had the number (404); recorded as released" : null;
	}

}
