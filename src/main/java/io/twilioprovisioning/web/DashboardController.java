package io.twilioprovisioning.web;

import io.twilioprovisioning.audit.AuditQuery;
import io.twilioprovisioning.audit.AuditTrail;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.NumberSort;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.platform.PageRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Twilio dashboard: the account, its balance, the inventory counts, numbers stuck
 * between states, the latest sync with Twilio and the latest audit events. It renders
 * even when Twilio is unreachable or the credentials are wrong, and says so.
 */
@Controller
class DashboardController {

	private final NumberLifecycle lifecycle;

	private final AuditTrail audit;

	private final NumberSync sync;

	DashboardController(NumberLifecycle lifecycle, AuditTrail audit, NumberSync sync) {
		this.lifecycle = lifecycle;
		this.audit = audit;
		this.sync = sync;
	}

	@GetMapping("/admin/twilio")
	String dashboard(Model model) {
		model.addAttribute("overview", this.lifecycle.overview());
		NumberSort oldestFirst = new NumberSort(NumberSort.Field.CREATED_AT, false);
		model.addAttribute("purchasing", this.lifecycle.list(
				new NumberQuery(null, PhoneNumberState.PURCHASING, null, false, oldestFirst), new PageRequest(0, 10)));
		model.addAttribute("releasing", this.lifecycle
			.list(new NumberQuery(null, PhoneNumberState.RELEASING, null, false, oldestFirst), new PageRequest(0, 10)));
		model.addAttribute("sync", this.sync.latest().orElse(null));
		model.addAttribute("events", this.audit.search(AuditQuery.all(), new PageRequest(0, 10)));
		return "dashboard";
	}

}
