package io.twilioprovisioning.audit;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonRawValue;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

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
@NullMarked
public record AuditEntry(long id, Instant occurredAt, String actor, @Schema(allowableValues = {
		"PURCHASE", "CONFIGURE", "REASSIGN", "RENAME", "RELEASE", "ADOPT", "RECONCILE", "SANDBOX_RESET",
		"RELEASE_SCHEDULE", "RELEASE_UNDO" }) String action,
		@Schema(allowableValues = { "SUCCEEDED", "REFUSED", "FAILED", "UNKNOWN" }) String outcome,
		@Nullable Long numberId, @Schema(pattern = E164) @Nullable String phoneNumber, @Nullable String sid,
		@Nullable Long clientId, @Nullable Long otherClientId,
		@Schema(types = "object", description = SNAPSHOT) @JsonRawValue @Nullable String before,
		@Schema(types = "object", description = SNAPSHOT) @JsonRawValue @Nullable String after,
		@Nullable Integer twilioCode, @Nullable String detail){

	private static final String E164 = "^\\+[1-9][0-9]{1,14}$";

	private static final String SNAPSHOT = "The number as it was: state, and when they have a value phoneNumber, sid, "
			+ "friendlyName, clientId, voiceUrl, voiceMethod, voiceFallbackUrl, smsUrl, smsMethod, smsFallbackUrl "
			+ "and statusCallback";

}
