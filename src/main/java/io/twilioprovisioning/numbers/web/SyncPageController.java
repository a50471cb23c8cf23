package io.twilioprovisioning.numbers.web;

import java.security.Principal;
import java.util.function.Supplier;

import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.SyncActionResult;
import io.twilioprovisioning.numbers.SyncReport;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons of the dashboard's "Sync with Twilio" card that run at once (check, fix
 * names); after an action the check runs again, so the card shows what is left. Adopt,
 * fix webhooks and close missing start jobs ({@code jobs} module).
 */
@Controller
@ConsolePage
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

	@PostMapping("/fix-names")
	String fixNames(Principal principal, RedirectAttributes redirect) {
		return run(() -> this.sync.fixNames(principal.getName()), "Set the client's name in Twilio on %d number(s)",
				principal, redirect);
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
