package io.twilioprovisioning.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One step in the audit trail.
 *
 * @param id the entry's id
 * @param occurredAt when it happened
 * @param actor who did it ({@code system} for recovery)
 * @param action the lifecycle step, e.g. {@code PURCHASE}
 * @param outcome {@code SUCCEEDED}, {@code REFUSED}, {@code FAILED} or {@code UNKNOWN}
 * @param numberId the inventory row
 * @param phoneNumber the number in E.164
 * @param sid Twilio's SID
 * @param clientId the client the step was for
 * @param otherClientId the previous client of a reassignment
 * @param before the number before, as JSON
 * @param after the number after, as JSON
 * @param twilioCode Twilio's error code of a failed step
 * @param detail a short explanation
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String outcome, Long numberId,
		String phoneNumber, String sid, Long clientId, Long otherClientId, @JsonRawValue String before,
		@JsonRawValue String after, Integer twilioCode, String detail) {

}
