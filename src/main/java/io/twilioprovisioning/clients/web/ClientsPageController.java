package io.twilioprovisioning.clients.web;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientHoldsNumbersException;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.clients.ClientQuery;
import io.twilioprovisioning.clients.ClientStatus;
import io.twilioprovisioning.clients.DuplicateClientNameException;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import io.twilioprovisioning.platform.ConsolePage;
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
@ConsolePage
@RequestMapping("/admin/clients")
class ClientsPageController {

	static final int PAGE_SIZE = 25;

	private final ClientManagement clients;

	ClientsPageController(ClientManagement clients) {
		this.clients = clients;
	}

	@GetMapping
	String list(@RequestParam(required = false) String q, @RequestParam(required = false) ClientStatus status,
			@RequestParam(defaultValue = "0") int page, @RequestParam(required = false) String cursor,
			@RequestHeader(name = "HX-Request", required = false) String htmx, Model model) {
		String text = (q != null && q.length() > 120) ? q.substring(0, 120) : q;
		model.addAttribute("q", text);
		model.addAttribute("status", status);
		model.addAttribute("statuses", ClientStatus.values());
		model.addAttribute("clients", page(new ClientQuery(text, status), page, cursor));
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ClientForm.empty());
		}
		return (htmx != null) ? "clients/list :: results" : "clients/list";
	}

	/**
	 * The page a link asks for: by cursor (the pager's links), by a shallow page number
	 * (old bookmarks), or the first page when the cursor is not one of ours.
	 */
	private PageResult<Client> page(ClientQuery query, int page, String cursor) {
		if (cursor != null && !cursor.isBlank() && cursor.length() <= Cursor.MAX_TOKEN_LENGTH) {
			try {
				return this.clients.search(query, cursor, PAGE_SIZE);
			}
			catch (InvalidParameterException ex) {
				return this.clients.search(query, null, PAGE_SIZE);
			}
		}
		int shallow = Math.max(0, Math.min(page, (int) (PageRequest.MAX_OFFSET / PAGE_SIZE) - 1));
		return (shallow == 0) ? this.clients.search(query, null, PAGE_SIZE)
				: this.clients.search(query, new PageRequest(shallow, PAGE_SIZE));
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
		model.addAttribute("clients", this.clients.search(ClientQuery.all(), null, PAGE_SIZE));
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
