package io.twilioprovisioning.web;

import io.twilioprovisioning.platform.ConsolePage;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The landing page after login: admins go to the console, other users see where they are.
 */
@Controller
@ConsolePage
class HomeController {

	@GetMapping("/")
	String home(HttpServletRequest request) {
		return request.isUserInRole("ADMIN") ? "redirect:/admin/twilio" : "home";
	}

}
