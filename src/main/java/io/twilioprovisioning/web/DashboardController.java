package io.twilioprovisioning.web;

import io.twilioprovisioning.audit.AuditQuery;
import io.twilioprovisioning.audit.AuditTrail;
import io.twilioprovisioning.numbers.AccountStatus;
import io.twilioprovisioning.numbers.NumberListing;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberSync;
import io.twilioprovisioning.numbers.NumberSort;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The Twilio dashboard: the account, its balance, the inventory counts, numbers stuck
 * between states, the latest sync with Twilio and the latest audit events. The account,
 * balance and counts come from {@link AccountStatus}'s copy, refreshed in the background,
 * shown with their age and marked when stale or failing (docs/adr/0022), so the page
 * renders at once even when Twilio is slow, unreachable or refusing the credentials.
 */
@Controller
@ConsolePage
class DashboardController {

	private final AccountStatus status;

	private final NumberListing listing;

	private final AuditTrail audit;

	private final NumberSync sync;

	DashboardController(AccountStatus status, NumberListing listing, AuditTrail audit, NumberSync sync) {
		this.status = status;
		this.listing = listing;
		this.audit = audit;
		this.sync = sync;
	}

	/**
	 * Renders from the database and the cached account alone: never waits on Twilio.
	 */
	@GetMapping("/admin/twilio")
	String dashboard(Model model) {
		model.addAttribute("status", this.status.current());
		NumberSort oldestFirst = new NumberSort(NumberSort.Field.CREATED_AT, false);
		model.addAttribute("purchasing", this.listing
			.list(new NumberQuery(null, PhoneNumberState.PURCHASING, null, false, oldestFirst), null, 10));
		model.addAttribute("releasing", this.listing
			.list(new NumberQuery(null, PhoneNumberState.RELEASING, null, false, oldestFirst), null, 10));
		model.addAttribute("sync", this.sync.latest().orElse(null));
		model.addAttribute("events", this.audit.search(AuditQuery.all(), null, 10));
		return "dashboard";
	}

	/**
	 * The account, balance and counts card alone, which the page asks for again while a
	 * refresh runs.
	 */
	@GetMapping("/admin/twilio/account-status")
	String accountStatus(Model model) {
		model.addAttribute("status", this.status.peek());
		model.addAttribute("sync", this.sync.latest().orElse(null));
		return "dashboard :: account";
	}

}
