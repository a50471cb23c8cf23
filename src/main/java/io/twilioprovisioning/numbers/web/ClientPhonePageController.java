package io.twilioprovisioning.numbers.web;

import java.security.Principal;
import java.util.UUID;

import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberListing;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.PurchaseResult;
import io.twilioprovisioning.numbers.SearchResult;
import io.twilioprovisioning.numbers.WebhookPolicy;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.platform.ConsolePage;
import jakarta.validation.Valid;

import org.springframework.beans.propertyeditors.StringTrimmerEditor;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A client's phone page: its numbers, and a search of Twilio's numbers for sale whose
 * results each have a Buy button that purchases and assigns in one step.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/clients/{clientId}/phone")
class ClientPhonePageController {

	private final NumberLifecycle lifecycle;

	private final NumberListing listing;

	private final ClientManagement clients;

	private final WebhookPolicy policy;

	ClientPhonePageController(NumberLifecycle lifecycle, NumberListing listing, ClientManagement clients,
			WebhookPolicy policy) {
		this.lifecycle = lifecycle;
		this.listing = listing;
		this.clients = clients;
		this.policy = policy;
	}

	/**
	 * Empty search fields mean "no filter", not an empty value.
	 */
	@InitBinder("search")
	void emptyFieldsAreAbsent(WebDataBinder binder) {
		binder.registerCustomEditor(String.class, new StringTrimmerEditor(true));
	}

	@GetMapping
	String page(@PathVariable long clientId, Model model) {
		model.addAttribute("client", this.clients.get(clientId));
		addClientNumbers(clientId, model);
		if (!model.containsAttribute("search")) {
			model.addAttribute("search",
					new SearchRequest("US", "local", null, null, null, null, null, null, null, null, null, null, 20));
		}
		if (model.containsAttribute("boughtId")) {
			model.addAttribute("bought", this.lifecycle.get((Long) model.getAttribute("boughtId")));
		}
		return "clients/phone";
	}

	@GetMapping("/search")
	String search(@PathVariable long clientId, @Valid @ModelAttribute("search") SearchRequest search,
			BindingResult result, @RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		model.addAttribute("client", this.clients.get(clientId));
		model.addAttribute("searched", true);
		if (!result.hasErrors()) {
			try {
				SearchResult found = this.lifecycle.search(search.toCriteria());
				model.addAttribute("results", found.numbers());
				model.addAttribute("buyKey", UUID.randomUUID().toString());
			}
			catch (DomainException ex) {
				model.addAttribute("searchProblem", Flash.Problem.of(ex));
			}
		}
		if (htmx != null) {
			return "clients/phone :: searchPanel";
		}
		addClientNumbers(clientId, model);
		return "clients/phone";
	}

	/**
	 * What the full page shows besides the search: the client's numbers and the form to
	 * buy a known number (with a fresh idempotency key).
	 */
	private void addClientNumbers(long clientId, Model model) {
		model.addAttribute("numbers", this.listing.list(NumberQuery.ofClient(clientId), null, 100));
		model.addAttribute("policy", this.policy);
		model.addAttribute("knownKey", UUID.randomUUID().toString());
	}

	@PostMapping("/buy")
	String buy(@PathVariable long clientId, @RequestParam(defaultValue = "") String phoneNumber,
			@RequestParam(required = false) String idempotencyKey, Principal principal, RedirectAttributes redirect) {
		if (phoneNumber.isBlank()) {
			redirect.addFlashAttribute("flashError",
					"No number was given: type the number to buy, or search below and pick one.");
			return "redirect:/admin/clients/" + clientId + "/phone";
		}
		String key = (idempotencyKey != null && idempotencyKey.matches("[A-Za-z0-9-]{1,64}"))
				? idempotencyKey + "-" + phoneNumber.replaceAll("[^0-9]", "") : null;
		try {
			E164Number number = E164Number.parse(phoneNumber);
			PurchaseResult result = this.lifecycle
				.purchase(new PurchaseCommand(number, null, clientId, null, key, principal.getName()));
			String how = result.replayed() ? " (already bought by this same click)"
					: result.adopted() ? " (Twilio's answer was lost; the number was found in the account)" : "";
			Flash.success(redirect,
					"Bought " + number.national() + " for " + this.clients.get(clientId).name() + how
							+ ". Its webhooks point at the platform."
							+ (result.warnings().isEmpty() ? "" : " " + String.join(" ", result.warnings())));
			redirect.addFlashAttribute("boughtId", result.number().id());
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/clients/" + clientId + "/phone";
	}

}
