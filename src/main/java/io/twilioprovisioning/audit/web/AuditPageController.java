package io.twilioprovisioning.audit.web;

import io.twilioprovisioning.audit.AuditEntry;
import io.twilioprovisioning.audit.AuditQuery;
import io.twilioprovisioning.audit.AuditTrail;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import io.twilioprovisioning.platform.ConsolePage;

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
@ConsolePage
class AuditPageController {

	static final int PAGE_SIZE = 50;

	private final AuditTrail trail;

	AuditPageController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/admin/audit")
	String audit(@RequestParam(required = false) String phoneNumber, @RequestParam(required = false) Long clientId,
			@RequestParam(required = false) String action, @RequestParam(required = false) String outcome,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String cursor,
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
		model.addAttribute("events", page(new AuditQuery(e164, cleanClient, cleanAction, cleanOutcome), page, cursor));
		return (htmx != null) ? "audit :: results" : "audit";
	}

	/**
	 * The page a link asks for: by cursor (the pager's links), by a shallow page number
	 * (old bookmarks), or the first page when the cursor is not one of ours.
	 */
	private PageResult<AuditEntry> page(AuditQuery query, int page, String cursor) {
		if (cursor != null && !cursor.isBlank() && cursor.length() <= Cursor.MAX_TOKEN_LENGTH) {
			try {
				return this.trail.search(query, cursor, PAGE_SIZE);
			}
			catch (InvalidParameterException ex) {
				return this.trail.search(query, null, PAGE_SIZE);
			}
		}
		int shallow = Math.max(0, Math.min(page, (int) (PageRequest.MAX_OFFSET / PAGE_SIZE) - 1));
		return (shallow == 0) ? this.trail.search(query, null, PAGE_SIZE)
				: this.trail.search(query, new PageRequest(shallow, PAGE_SIZE));
	}

}
