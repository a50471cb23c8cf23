package io.twilioprovisioning.numbers.web;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.SyncActionResult;
import io.twilioprovisioning.numbers.SyncReport;
import io.twilioprovisioning.numbers.SyncReportNotFoundException;
import io.twilioprovisioning.platform.ApiProblems;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;
import static io.twilioprovisioning.platform.DomainException.Kind.REFUSED;
import static io.twilioprovisioning.platform.DomainException.Kind.UNAVAILABLE;

/**
 * Sync with Twilio (docs/design.md, invariant 7): run a check, read the latest report,
 * and fix names. Adopting, fixing webhooks and closing missing numbers are jobs
 * ({@code jobs} module), under the same paths.
 */
@RestController
@RequestMapping("/api/admin/twilio/sync")
@Tag(name = "Sync", description = "Compare Twilio's inventory with ours; adopt, fix webhooks or names, close missing")
class SyncApiController {

	private final NumberSync sync;

	SyncApiController(NumberSync sync) {
		this.sync = sync;
	}

	@ApiProblems({ REFUSED, UNAVAILABLE })
	@PostMapping
	@Operation(operationId = "checkSync", summary = "Compare Twilio's inventory with the database and store the report",
			description = "Reports untracked numbers, numbers gone from Twilio, webhooks other than the policy's and "
					+ "friendly names other than the client's; changes nothing. A Twilio failure stores no report.")
	SyncReport check(Principal principal) {
		return this.sync.check(principal.getName());
	}

	@ApiProblems(NOT_FOUND)
	@GetMapping
	@Operation(operationId = "getLatestSyncReport",
			summary = "The latest sync report, from any instance; 404 before the first check")
	SyncReport latest() {
		return this.sync.latest().orElseThrow(SyncReportNotFoundException::new);
	}

	@ApiProblems({ REFUSED, UNAVAILABLE })
	@PostMapping("/fix-names")
	@Operation(operationId = "fixNames",
			summary = "Set Twilio's friendly name of every active number back to its client's name where it differs")
	SyncActionResult fixNames(Principal principal) {
		return this.sync.fixNames(principal.getName());
	}

}
