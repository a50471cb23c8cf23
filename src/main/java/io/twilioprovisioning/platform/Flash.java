package io.twilioprovisioning.platform;

import java.util.Map;

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

	/**
	 * Shows the failure on the page the redirect leads to.
	 */
	public static void error(RedirectAttributes redirect, DomainException ex) {
		redirect.addFlashAttribute("flashProblem", Problem.of(ex));
	}

	/**
	 * A failure as a page shows it.
	 *
	 * @param message the explanation
	 * @param twilioCode Twilio's error code, or {@code null}
	 * @param moreInfo Twilio's documentation link (only twilio.com links are kept), or
	 * {@code null}
	 */
	public record Problem(String message, Object twilioCode, String moreInfo) {

		public static Problem of(DomainException ex) {
			Map<String, Object> properties = ex.properties();
			Object link = properties.get("moreInfo");
			String safeLink = (link != null && link.toString().startsWith("https://www.twilio.com/")) ? link.toString()
					: null;
			return new Problem(ex.getMessage(), properties.get("twilioCode"), safeLink);
		}

	}

}
