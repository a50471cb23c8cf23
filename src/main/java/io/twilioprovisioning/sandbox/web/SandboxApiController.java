package io.twilioprovisioning.sandbox.web;

import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.sandbox.SandboxConsole;
import io.twilioprovisioning.sandbox.SandboxModeCondition;
import jakarta.validation.Valid;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.INVALID;

/**
 * The sandbox at run time (sandbox mode only; in live mode these routes do not exist):
 * the emulator's fault plan, and a reset of both sides.
 */
@RestController
@RequestMapping("/api/admin/sandbox")
@Conditional(SandboxModeCondition.class)
@Tag(name = "Sandbox", description = "Sandbox mode only: inject Twilio faults at run time, start the sandbox over")
class SandboxApiController {

	private final SandboxConsole sandbox;

	SandboxApiController(SandboxConsole sandbox) {
		this.sandbox = sandbox;
	}

	@GetMapping("/faults")
	@Operation(operationId = "getSandboxFaults",
			summary = "The emulator's fault plan on this instance (faults are kept per instance, in memory)")
	FaultPlanView faults() {
		return FaultPlanView.of(this.sandbox.faults().snapshot());
	}

	@PutMapping("/faults")
	@Operation(operationId = "setSandboxFaults",
			summary = "Replace the emulator's fault plan: latency, failure rates or the next calls per operation, "
					+ "an account concurrency limit")
	FaultPlanView setFaults(@Valid @RequestBody FaultPlanRequest request) {
		request.applyTo(this.sandbox.faults());
		return faults();
	}

	@DeleteMapping("/faults")
	@Operation(operationId = "clearSandboxFaults",
			summary = "Remove every fault; requests waiting in a latency or a hang go on at once; answers the empty plan")
	FaultPlanView clearFaults() {
		this.sandbox.faults().clear();
		return faults();
	}

	@ApiProblems(INVALID)
	@PostMapping("/reset")
	@Operation(operationId = "resetSandbox",
			summary = "Start over on both sides: empty the emulated account and the number inventory together",
			description = "Removes every number, its assignment history and the sync reports, and the emulator's "
					+ "numbers, subaccounts, addresses, Messaging Services, counts and faults; the balance starts over. "
					+ "Clients, users and the audit trail stay; the trail records the reset. 'confirm' must be RESET.")
	SandboxStatus reset(@Valid @RequestBody ResetRequest request, Principal principal) {
		this.sandbox.reset(principal.getName(), request.confirm());
		return new SandboxStatus(this.sandbox.balance(), this.sandbox.ownedNumbers(), faults());
	}

}
