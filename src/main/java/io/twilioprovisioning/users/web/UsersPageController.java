package io.twilioprovisioning.users.web;

import java.security.Principal;

import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.users.Role;
import io.twilioprovisioning.users.UserAccount;
import io.twilioprovisioning.users.UserManagement;
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
 * The users page: list users, create one, disable or enable one, change a role.
 */
@Controller
@ConsolePage
@RequestMapping("/admin/users")
class UsersPageController {

	private final UserManagement users;

	UsersPageController(UserManagement users) {
		this.users = users;
	}

	@GetMapping
	String list(@RequestParam(defaultValue = "0") int page, Model model) {
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new CreateUserRequest("", "", Role.USER));
		}
		model.addAttribute("users", this.users.list(new PageRequest(Math.max(page, 0), 50)));
		model.addAttribute("roles", Role.values());
		return "users/list";
	}

	@PostMapping
	String create(@Valid @ModelAttribute("form") CreateUserRequest form, BindingResult result, Model model,
			RedirectAttributes redirect) {
		if (result.hasErrors()) {
			model.addAttribute("users", this.users.list(new PageRequest(0, 50)));
			model.addAttribute("roles", Role.values());
			return "users/list";
		}
		try {
			UserAccount user = this.users.create(form.email(), form.password(), form.role());
			redirect.addFlashAttribute("flashSuccess", "Created " + user.email() + " (" + user.role() + ").");
			return "redirect:/admin/users";
		}
		catch (DomainException ex) {
			result.rejectValue("email", ex.problem(), ex.getMessage());
			model.addAttribute("users", this.users.list(new PageRequest(0, 50)));
			model.addAttribute("roles", Role.values());
			return "users/list";
		}
	}

	@PostMapping("/{id}/disable")
	String disable(@PathVariable long id, Principal principal, RedirectAttributes redirect) {
		try {
			UserAccount user = this.users.disable(id, principal.getName());
			redirect.addFlashAttribute("flashSuccess", "Disabled " + user.email() + ".");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/role")
	String changeRole(@PathVariable long id, @RequestParam Role role, Principal principal,
			RedirectAttributes redirect) {
		try {
			UserAccount user = this.users.changeRole(id, role, principal.getName());
			redirect.addFlashAttribute("flashSuccess", user.email() + " is now " + user.role() + ".");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

	@PostMapping("/{id}/enable")
	String enable(@PathVariable long id, RedirectAttributes redirect) {
		try {
			UserAccount user = this.users.enable(id);
			redirect.addFlashAttribute("flashSuccess", "Enabled " + user.email() + ".");
		}
		catch (DomainException ex) {
			redirect.addFlashAttribute("flashError", ex.getMessage());
		}
		return "redirect:/admin/users";
	}

}
