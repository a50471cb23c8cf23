package io.twilioprovisioning.numbers.web;

import java.security.Principal;
import java.util.function.Supplier;

import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.SyncActionResult;
import io.twilioprovisioning.numbers.SyncReport;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of the dashboard's "Sync with Twilio" card. After an action the check runs
 * again, so the card shows what is left.
 */
@Controller
@RequestMapping("/admin/twilio/sync")
class SyncPageController {

	private static final String DASHBOARD = "redirect:/admin/twilio";

	private final NumberSync sync;

	SyncPageController(NumberSync sync) {
		this.sync = sync;
	}

	@PostMapping("/check")
	String check(Principal principal, RedirectAttributes redirect) {
		try {
			SyncReport report = this.sync.check(principal.getName());
			Flash.success(redirect,
					report.inSync() ? "Checked " + report.checked() + " numbers: Twilio and the inventory agree."
							: "Checked " + report.checked() + " numbers: " + report.untrackedCount() + " untracked, "
									+ report.missingCount() + " gone from Twilio, " + report.webhooksDifferCount()
									+ " with other webhooks, " + report.namesDifferCount() + " with other names.");
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return DASHBOARD;
	}

	@PostMapping("/adopt")
	String adopt(Principal principal, RedirectAttributes redirect) {
		return run(() -> this.sync.adoptUntracked(principal.getName()), "Adopted %d untracked number(s)", principal,
				redirect);
	}

	@PostMapping("/fix-webhooks")
	String fixWebhooks(Principal principal, RedirectAttributes redirect) {
		return run(() -> this.sync.fixWebhooks(principal.getName()), "Applied the policy's webhooks to %d number(s)",
				principal, redirect);
	}

	@PostMapping("/fix-names")
	String fixNames(Principal principal, RedirectAttributes redirect) {
		return run(() -> this.sync.fixNames(principal.getName()), "Set the client's name in Twilio on %d number(s)",
				principal, redirect);
	}

	@PostMapping("/close-missing")
	String closeMissing(Principal principal, RedirectAttributes redirect) {
		return run(() -> this.sync.closeMissing(principal.getName()),
				"Recorded %d number(s) gone from Twilio as released", principal, redirect);
	}

	private String run(Supplier<SyncActionResult> action, String done, Principal principal,
			RedirectAttributes redirect) {
		try {
			SyncActionResult result = action.get();
			String message = done.formatted(result.changed())
					+ ((result.skipped() > 0) ? ", " + result.skipped() + " had changed meanwhile" : "")
					+ ((result.failed() > 0) ? ", " + result.failed() + " failed (see the audit trail)" : "") + ".";
			if (result.failed() > 0) {
				redirect.addFlashAttribute("flashError", message);
			}
			else {
				Flash.success(redirect, message);
			}
			this.sync.check(principal.getName());
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return DASHBOARD;
	}

}
