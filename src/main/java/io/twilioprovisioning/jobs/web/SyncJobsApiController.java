package io.twilioprovisioning.jobs.web;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.jobs.Job;
import io.twilioprovisioning.jobs.JobKind;
import io.twilioprovisioning.jobs.JobParameters;
import io.twilioprovisioning.jobs.Jobs;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sync actions that may touch thousands of numbers (adopt, fix webhooks, close
 * missing) start a job and answer at once with its URL, instead of blocking until the
 * work is done.
 */
@RestController
@RequestMapping("/api/admin/twilio/sync")
@Tag(name = "Sync")
class SyncJobsApiController {

	private final Jobs jobs;

	SyncJobsApiController(Jobs jobs) {
		this.jobs = jobs;
	}

	@PostMapping("/adopt")
	@Operation(operationId = "adoptUntrackedNumbers",
			summary = "Start a job that tracks every number owned in Twilio but not tracked, as active and unassigned")
	@ApiResponse(responseCode = "202", description = "Queued; Location is the job's URL",
			headers = @Header(name = "Location", description = "/api/admin/jobs/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	ResponseEntity<Job> adopt(Principal principal) {
		return JobsApiController
			.accepted(this.jobs.start(JobKind.ADOPT_UNTRACKED, JobParameters.NONE, principal.getName()));
	}

	@PostMapping("/fix-webhooks")
	@Operation(operationId = "fixWebhooks",
			summary = "Start a job that applies the policy's webhooks to every active number whose webhooks differ")
	@ApiResponse(responseCode = "202", description = "Queued; Location is the job's URL",
			headers = @Header(name = "Location", description = "/api/admin/jobs/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	ResponseEntity<Job> fixWebhooks(Principal principal) {
		return JobsApiController
			.accepted(this.jobs.start(JobKind.REPOINT_WEBHOOKS, JobParameters.outOfPolicy(), principal.getName()));
	}

	@PostMapping("/close-missing")
	@Operation(operationId = "closeMissingNumbers",
			summary = "Start a job that records as released every active number Twilio no longer has",
			description = "The job fails and closes nothing when more numbers look missing than "
					+ "provisioning.sync.close-missing-limit (the wrong account or credentials, not vanished numbers).")
	@ApiResponse(responseCode = "202", description = "Queued; Location is the job's URL",
			headers = @Header(name = "Location", description = "/api/admin/jobs/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	ResponseEntity<Job> closeMissing(Principal principal) {
		return JobsApiController
			.accepted(this.jobs.start(JobKind.CLOSE_MISSING, JobParameters.NONE, principal.getName()));
	}

}
