package io.twilioprovisioning.numbers;

import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.NullMarked;

/**
 * What a sync action did.
 *
 * @param action {@code ADOPT}, {@code FIX_WEBHOOKS}, {@code FIX_NAMES} or
 * {@code CLOSE_MISSING}
 * @param changed numbers changed
 * @param skipped numbers left alone because they changed meanwhile (tracked, fixed or
 * found owned after all)
 * @param failed numbers Twilio failed for (each recorded in the audit trail)
 */
@NullMarked
public record SyncActionResult(@Schema(allowableValues = {
		"ADOPT", "FIX_WEBHOOKS", "FIX_NAMES", "CLOSE_MISSING" }) String action, int changed, int skipped, int failed){

}
