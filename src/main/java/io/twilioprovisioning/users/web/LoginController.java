package io.twilioprovisioning.users.web;

import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in page; a signed-in user is sent on to the start page.
 */
@Controller
@ConsolePage
class LoginController {

	private static final long MAX_WAIT_SECONDS = 24 * 60 * 60;

	@GetMapping("/login")
	String login(Authentication authentication, @RequestParam(name = "wait", required = false) String wait,
			Model model) {
		if (authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken)) {
			return "redirect:/";
		}
		if (wait != null) {
			model.addAttribute("waitSeconds", seconds(wait));
		}
		return "login";
	}

	/**
	 * The wait the throttle asked for, from the query string: whole seconds, at least
	 * one; anything else (a hand-made link) is shown as a minute.
	 */
	private static long seconds(String wait) {
		if (wait.matches("[0-9]{1,6}")) {
			long seconds = Long.parseLong(wait);
			if (seconds >= 1 && seconds <= MAX_WAIT_SECONDS) {
				return seconds;
			}
		}
		return 60;
	}

}
