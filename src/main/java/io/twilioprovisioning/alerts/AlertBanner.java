package io.twilioprovisioning.alerts;

import java.util.List;

import io.twilioprovisioning.platform.ConsolePage;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the active alerts into every admin page's model for the banner
 * ({@code fragments/alerts.html}). Others see none, and a database that cannot be asked
 * shows no banner rather than failing the page.
 */
@ControllerAdvice(annotations = ConsolePage.class)
class AlertBanner {

	private static final Logger log = LoggerFactory.getLogger(AlertBanner.class);

	private final Alerts alerts;

	AlertBanner(Alerts alerts) {
		this.alerts = alerts;
	}

	@ModelAttribute("activeAlerts")
	List<ActiveAlert> activeAlerts(HttpServletRequest request) {
		if (!request.isUserInRole("ADMIN")) {
			return List.of();
		}
		try {
			return this.alerts.activeForBanner();
		}
		catch (DataAccessException ex) {
			log.debug("No alert banner: {}", ex.getMessage());
			return List.of();
		}
	}

}
