package io.twilioprovisioning.sandbox.web;

import io.twilioprovisioning.sandbox.SandboxConsole;
import io.twilioprovisioning.sandbox.SandboxModeCondition;
import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.context.annotation.Conditional;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the emulator's active faults into every page's model, so the SANDBOX banner says
 * when Twilio answers are being made to fail or slow down.
 */
@ControllerAdvice(annotations = ConsolePage.class)
@Conditional(SandboxModeCondition.class)
class SandboxBanner {

	private final SandboxConsole sandbox;

	SandboxBanner(SandboxConsole sandbox) {
		this.sandbox = sandbox;
	}

	@ModelAttribute("sandboxFaults")
	String sandboxFaults() {
		FaultPlanView plan = FaultPlanView.of(this.sandbox.faults().snapshot());
		return plan.active() ? plan.summary() : null;
	}

}
