package io.twilioprovisioning.audit.web;

import io.twilioprovisioning.audit.AuditQuery;
import io.twilioprovisioning.audit.AuditTrail;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.platform.PageRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit page: the trail, newest first, filterable by number, client, action and
 * outcome.
 */
@Controller
class AuditPageController {

	private final AuditTrail trail;

	AuditPageController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String phoneNumber, @RequestParam(required = false) Long clientId,
			@RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String number = (phoneNumber == null || phoneNumber.isBlank()) ? null : phoneNumber.strip();
		String e164 = (number != null) ? E164Number.tryParse(number, "US").map(E164Number::value).orElse(null) : null;
		if (number != null && e164 == null) {
			model.addAttribute("flashError", "'" + number + "' is not a phone number; showing every number.");
		}
		String cleanAction = (action != null && this.trail.actions().contains(action)) ? action : null;
		String cleanOutcome = (outcome != null && this.trail.outcomes().contains(outcome)) ? outcome : null;
		Long cleanClient = (clientId != null && clientId > 0) ? clientId : null;
		model.addAttribute("phoneNumber", number);
		model.addAttribute("clientId", cleanClient);
		model.addAttribute("action", cleanAction);
		model.addAttribute("outcome", cleanOutcome);
		model.addAttribute("actions", this.trail.actions());
		model.addAttribute("outcomes", this.trail.outcomes());
		model.addAttribute("events", this.trail.search(new AuditQuery(e164, cleanClient, cleanAction, cleanOutcome),
				new PageRequest(Math.max(0, Math.min(page, 100_000)), 50)));
		return (htmx != null) ? "audit :: results" : "audit";
	}

}
