package io.twilioprovisioning.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after login: admins go to the console, other users see where they are.
 */
@Controller
class HomeController {

	@GetMapping("/")
	String home(Authentication authentication) {
		boolean admin = authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> "ROLE_ADMIN".equals(authority.getAuthority()));
		return admin ? "redirect:/admin/twilio" : "home";
	}

}
