package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A number moved between two Twilio accounts of the family (a transfer with
 * {@code AccountSid}), for the audit trail; the reassignment itself is
 * {@link NumberReassigned}.
 *
 * @param actor who moved it
 * @param occurredAt when
 * @param numberId the inventory row
 * @param phoneNumber the number
 * @param sid its Twilio SID
 * @param clientId the gaining client
 * @param detail from which account to which, and how the outcome was learned
 */
public record NumberTransferred(String actor, Instant occurredAt, Long numberId, String phoneNumber, String sid,
		Long clientId, String detail) implements NumberEvent {

	@Override
	public String action() {
		return "TRANSFER";
	}

	@Override
	public String outcome() {
		return "SUCCEEDED";
	}

}
