package io.twilioprovisioning.audit.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.audit.AuditEntry;
import io.twilioprovisioning.audit.AuditQuery;
import io.twilioprovisioning.audit.AuditTrail;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.PhoneNumberText;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, newest first, with filters.
 */
@RestController
@RequestMapping("/api/admin/audit")
@Tag(name = "Audit", description = "Every lifecycle step: who, what, before and after, outcome, Twilio's error code")
class AuditApiController {

	private final AuditTrail trail;

	AuditApiController(AuditTrail trail) {
		this.trail = trail;
	}

	@Operation(operationId = "listAuditEntries", summary = "A page of the audit trail, newest first, filtered",
			description = "Paging: follow nextCursor / previousCursor (cursor=...), a keyset walk that costs the same "
					+ "at any depth; page=N is kept for the first " + PageRequest.MAX_OFFSET
					+ " entries only (400 beyond); give page or cursor, not both. totalElements is exact when "
					+ "totalIsExact is true; otherwise the count stopped at " + AuditTrail.COUNT_CAP
					+ " and means 'at least'.")
	@GetMapping
	PageResult<AuditEntry> list(@RequestParam(required = false) @PhoneNumberText String phoneNumber,
			@RequestParam(required = false) @Min(1) Long clientId,
			@RequestParam(required = false) @Pattern(
					regexp = "PURCHASE|CONFIGURE|REASSIGN|RENAME|RELEASE|ADOPT|RECONCILE|RELEASE_SCHEDULE|RELEASE_UNDO",
					message = "must be one of PURCHASE, CONFIGURE, REASSIGN, RENAME, RELEASE, ADOPT, RECONCILE, "
							+ "RELEASE_SCHEDULE, RELEASE_UNDO") String action,
			@RequestParam(required = false) @Pattern(regexp = "SUCCEEDED|REFUSED|FAILED|UNKNOWN",
					message = "must be one of SUCCEEDED, REFUSED, FAILED, UNKNOWN") String outcome,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(required = false) @Size(max = Cursor.MAX_TOKEN_LENGTH) String cursor,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		String e164 = (phoneNumber != null && !phoneNumber.isBlank()) ? E164Number.parse(phoneNumber).value() : null;
		if (cursor != null && page > 0) {
			throw new InvalidParameterException("cursor", "give page or cursor, not both");
		}
		AuditQuery query = new AuditQuery(e164, clientId, action, outcome);
		return (page > 0) ? this.trail.search(query, new PageRequest(page, size))
				: this.trail.search(query, cursor, size);
	}

}
