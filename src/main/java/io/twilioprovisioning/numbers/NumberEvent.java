package io.twilioprovisioning.numbers;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a number, published by the lifecycle in the same transaction
 * as the change (or, for a refusal, on its own), so the audit trail records every step,
 * its outcome and Twilio's error code.
 */
public interface NumberEvent {

	/** Who did it: the admin's email, or {@code system} for recovery. */
	String actor();

	Instant occurredAt();

	/** The lifecycle step, e.g. {@code PURCHASE}. */
	String action();

	/** {@code SUCCEEDED}, {@code REFUSED}, {@code FAILED} or {@code UNKNOWN}. */
	String outcome();

	/** The inventory row, when there is one. */
	Long numberId();

	/** The number in E.164, when known. */
	String phoneNumber();

	/** Twilio's SID, when known. */
	String sid();

	/** The client the step was for. */
	Long clientId();

	/** The other client of a reassignment (where the number came from). */
	default Long otherClientId() {
		return null;
	}

	/** What the number looked like before, for the audit trail. */
	default Map<String, Object> beforeSnapshot() {
		return Map.of();
	}

	/** What it looks like after. */
	default Map<String, Object> afterSnapshot() {
		return Map.of();
	}

	/** Twilio's error code of a failed step. */
	default Integer twilioCode() {
		return null;
	}

	/** A short explanation. */
	default String detail() {
		return null;
	}

}
