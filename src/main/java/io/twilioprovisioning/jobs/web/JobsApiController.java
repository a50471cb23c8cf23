package io.twilioprovisioning.jobs.web;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.jobs.ItemOutcome;
import io.twilioprovisioning.jobs.Job;
import io.twilioprovisioning.jobs.JobItem;
import io.twilioprovisioning.jobs.Jobs;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.CONFLICT;
import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;

/**
 * Bulk jobs: start one (it runs in the background; the answer is at once), follow its
 * progress and per-item outcomes, pause, resume, cancel, retry its failed items.
 */
@RestController
@RequestMapping("/api/admin/jobs")
@Tag(name = "Jobs", description = "Bulk work as durable background jobs with progress and per-item outcomes")
class JobsApiController {

	private final Jobs jobs;

	JobsApiController(Jobs jobs) {
		this.jobs = jobs;
	}

	/**
	 * 202 Accepted with the job's URL, the answer of every action that starts a job.
	 */
	static ResponseEntity<Job> accepted(Job job) {
		return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/admin/jobs/" + job.id())).body(job);
	}

	@Operation(operationId = "startJob", summary = "Start a bulk job; it runs in the background",
			description = "Stores the job and queues it; the answer comes at once with the job's URL. Follow its "
					+ "progress there. The parameters each kind needs are described in the request schema.")
	@ApiResponse(responseCode = "202", description = "Queued; Location is the job's URL",
			headers = @Header(name = "Location", description = "/api/admin/jobs/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping
	ResponseEntity<Job> start(@Valid @RequestBody JobRequest request, Principal principal) {
		return accepted(this.jobs.start(request.kind(), request.toParameters(), principal.getName()));
	}

	@Operation(operationId = "listJobs", summary = "A page of the jobs, newest first")
	@GetMapping
	PageResult<Job> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.jobs.list(new PageRequest(page, size));
	}

	@Operation(operationId = "getJob", summary = "A job and its progress: counts, rate, time left")
	@ApiProblems(NOT_FOUND)
	@GetMapping("/{id}")
	Job get(@PathVariable long id) {
		return this.jobs.get(id);
	}

	@Operation(operationId = "listJobItems", summary = "A page of a job's item outcomes, in the job's order")
	@ApiProblems(NOT_FOUND)
	@GetMapping("/{id}/items")
	PageResult<JobItem> items(@PathVariable long id, @RequestParam(required = false) ItemOutcome outcome,
			@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.jobs.items(id, outcome, new PageRequest(page, size));
	}

	@Operation(operationId = "pauseJob",
			summary = "Stop a job: items in progress finish, no other starts; it can resume")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/pause")
	Job pause(@PathVariable long id) {
		return this.jobs.pause(id);
	}

	@Operation(operationId = "resumeJob", summary = "Resume a paused job where it stopped")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/resume")
	Job resume(@PathVariable long id) {
		return this.jobs.resume(id);
	}

	@Operation(operationId = "cancelJob", summary = "Stop a job for good: items in progress finish, no other starts")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/cancel")
	Job cancel(@PathVariable long id) {
		return this.jobs.cancel(id);
	}

	@Operation(operationId = "retryFailedJobItems", summary = "Run a finished job's failed items again")
	@ApiResponse(responseCode = "202", description = "Queued again; Location is the job's URL",
			headers = @Header(name = "Location", description = "/api/admin/jobs/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/retry-failed")
	ResponseEntity<Job> retryFailed(@PathVariable long id) {
		return accepted(this.jobs.retryFailed(id));
	}

}
