package io.twilioprovisioning.clients.web;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientHoldsNumbersException;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.clients.ClientQuery;
import io.twilioprovisioning.clients.ClientStatus;
import io.twilioprovisioning.clients.DuplicateClientNameException;
import io.twilioprovisioning.platform.PageRequest;
import jakarta.validation.Valid;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The clients pages: a searchable, paged list and a form to create a client.
 */
@Controller
@RequestMapping("/admin/clients")
class ClientsPageController {

	static final int PAGE_SIZE = 25;

	private final ClientManagement clients;

	ClientsPageController(ClientManagement clients) {
		this.clients = clients;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) ClientStatus status,
			@RequestParam(defaultValue = "0") int page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String text = (q != null && q.length() > 120) ? q.substring(0, 120) : q;
		model.addAttribute("q", text);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ClientStatus.values());
		model.addAttribute("clients",
				this.clients.search(new ClientQuery(text, status), new PageRequest(Math.max(page, 0), PAGE_SIZE)));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ClientForm.empty());
		}
		return (htmx != null) ? "clients/list :: results" : "clients/list";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") ClientForm form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (!result.hasErrors()) {
			try {
				Client client = this.clients.create(form.name(), form.contactEmail());
				redirect.addFlashAttribute("flashSuccess",
						"Created client '" + client.name() + "'. Search and buy its first number below.");
				return "redirect:/admin/clients/" + client.id() + "/phone";
			}
			catch (DuplicateClientNameException ex) {
				result.rejectValue("name", ex.problem(), ex.getMessage());
			}
		}
		model.addAttribute("statuses", ClientStatus.values());
		model.addAttribute("clients", this.clients.search(ClientQuery.all(), new PageRequest(0, PAGE_SIZE)));
		model.addAttribute("flashError", "The client was not created: check the highlighted fields.");
		return "clients/list";
	}

	/**
	 * Deactivates a client; one that still holds numbers is refused, and the operator
	 * lands on its numbers to reassign or release them.
	 */
	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable long id, RedirectAttributes redirect) {
		try {
			Client client = this.clients.deactivate(id);
			redirect.addFlashAttribute("flashSuccess", "Client '" + client.name() + "' is now inactive.");
			return "redirect:/admin/clients";
		}
		catch (ClientHoldsNumbersException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage() + " Its numbers are listed below.");
			return "redirect:/admin/phone-numbers?clientId=" + ex.clientId();
		}
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable long id, RedirectAttributes redirect) {
		Client client = this.clients.get(id);
		client = this.clients.update(id, client.name(), client.contactEmail(), ClientStatus.ACTIVE);
		redirect.addFlashAttribute("flashSuccess", "Client '" + client.name() + "' is active again.");
		return "redirect:/admin/clients";
	}

}
