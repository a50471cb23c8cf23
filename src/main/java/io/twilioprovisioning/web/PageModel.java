package io.twilioprovisioning.web;

import java.security.Principal;

import io.twilioprovisioning.platform.ProvisioningMode;
import io.twilioprovisioning.platform.ConsolePage;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What the shared layout shows on every page: the mode banner and the signed-in user.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class PageModel {

	private final ProvisioningMode mode;

	PageModel(ProvisioningMode mode) {
		this.mode = mode;
	}

	@ModelAttribute("mode")
	String mode() {
		return this.mode.label();
	}

	@ModelAttribute("currentPath")
	String currentPath(jakarta.servlet.http.HttpServletRequest request) {
		return request.getRequestURI();
	}

	@ModelAttribute("isAdmin")
	boolean isAdmin(jakarta.servlet.http.HttpServletRequest request) {
		return request.isUserInRole("ADMIN");
	}

	@ModelAttribute("currentUser")
	String currentUser(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

}
