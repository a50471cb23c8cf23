package io.twilioprovisioning.numbers;

import java.time.Instant;

/**
 * A lifecycle step did not go through: Twilio refused it, failed, or its outcome is not
 * known yet.
 *
 * @param actor who tried
 * @param occurredAt when
 * @param action the step, e.g. {@code PURCHASE}
 * @param outcome {@code REFUSED}, {@code FAILED} or {@code UNKNOWN}
 * @param numberId the inventory row, if any
 * @param phoneNumber the number, if known
 * @param sid Twilio's SID, if known
 * @param clientId the client the step was for
 * @param twilioCode Twilio's error code, if any
 * @param detail what went wrong
 */
public record NumberStepFailed(String actor, Instant occurredAt, String action, String outcome, Long numberId,
		String phoneNumber, String sid, Long clientId, Integer twilioCode, String detail) implements NumberEvent {

}
