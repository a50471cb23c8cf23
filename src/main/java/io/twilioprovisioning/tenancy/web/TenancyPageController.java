package io.twilioprovisioning.tenancy.web;

import java.security.Principal;

import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.Flash;
import io.twilioprovisioning.tenancy.AddressForm;
import io.twilioprovisioning.tenancy.Tenancy;
import io.twilioprovisioning.tenancy.TenancyViews;
import io.twilioprovisioning.platform.ConsolePage;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The client's tenancy page: its subaccount, Messaging Service and A2P 10DLC status,
 * Address and Bundle, with forms to create what is missing.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/clients/{clientId}/tenancy")
class TenancyPageController {

	private static final String BUNDLE_SID = "BU[0-9a-fA-F]{32}";

	private final Tenancy tenancy;

	private final TenancyViews views;

	private final ClientManagement clients;

	TenancyPageController(Tenancy tenancy, TenancyViews views, ClientManagement clients) {
		this.tenancy = tenancy;
		this.views = views;
		this.clients = clients;
	}

	@GetMapping
	String page(@PathVariable long clientId, Model model) {
		return render(clientId, new AddressForm(null, null, null, null, null, null), model);
	}

	private String render(long clientId, AddressForm address, Model model) {
		model.addAttribute("client", this.clients.get(clientId));
		model.addAttribute("t", this.views.of(clientId));
		model.addAttribute("address", address);
		return "tenancy/client";
	}

	@PostMapping("/provision")
	String provision(@PathVariable long clientId, Principal principal, RedirectAttributes redirect) {
		try {
			this.tenancy.provision(clientId, principal.getName());
			Flash.success(redirect, "The client's Twilio resources are in place.");
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/clients/" + clientId + "/tenancy";
	}

	@PostMapping("/settings")
	String settings(@PathVariable long clientId, @RequestParam(defaultValue = "false") boolean messagingEnabled,
			@RequestParam(defaultValue = "") String bundleSid, Principal principal, RedirectAttributes redirect) {
		String bundle = bundleSid.strip();
		if (!bundle.isEmpty() && !bundle.matches(BUNDLE_SID)) {
			redirect.addFlashAttribute("flashError", "The Bundle SID must be BU and 32 hex digits.");
			return "redirect:/admin/clients/" + clientId + "/tenancy";
		}
		this.tenancy.update(clientId, messagingEnabled, bundle.isEmpty() ? null : bundle, principal.getName());
		Flash.success(redirect, "Saved.");
		return "redirect:/admin/clients/" + clientId + "/tenancy";
	}

	@PostMapping("/address")
	String address(@PathVariable long clientId, @Valid @ModelAttribute("address") AddressForm address,
			BindingResult errors, Principal principal, Model model, RedirectAttributes redirect) {
		if (errors.hasErrors()) {
			model.addAttribute("flashError", "Check the address.");
			return render(clientId, address, model);
		}
		try {
			this.tenancy.createAddress(clientId, address, principal.getName());
			Flash.success(redirect, "The address was created in Twilio; purchases that need one carry it.");
		}
		catch (DomainException ex) {
			Flash.error(redirect, ex);
		}
		return "redirect:/admin/clients/" + clientId + "/tenancy";
	}

}
