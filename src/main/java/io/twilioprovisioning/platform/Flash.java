package io.twilioprovisioning.platform;

import java.util.Map;

import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The one-line messages pages show after an action, in words an operator understands. A
 * failure from Twilio keeps Twilio's code and documentation link.
 */
public final class Flash {

	private Flash() {
	}

	public static void success(RedirectAttributes redirect, String message) {
		redirect.addFlashAttribute("flashSuccess", message);
	}

	public static void error(RedirectAttributes redirect, DomainException ex) {
		redirect.addFlashAttribute("flashError", ex.getMessage());
		details(ex).forEach(redirect::addFlashAttribute);
	}

	public static void error(Model model, DomainException ex) {
		model.addAttribute("flashError", ex.getMessage());
		details(ex).forEach(model::addAttribute);
	}

	private static Map<String, Object> details(DomainException ex) {
		Map<String, Object> properties = ex.properties();
		Object code = properties.get("twilioCode");
		Object link = properties.get("moreInfo");
		if (link != null && !link.toString().startsWith("https://www.twilio.com/")) {
			link = null;
		}
		if (code != null && link != null) {
			return Map.of("flashTwilioCode", code, "flashMoreInfo", link);
		}
		if (code != null) {
			return Map.of("flashTwilioCode", code);
		}
		return Map.of();
	}

}
