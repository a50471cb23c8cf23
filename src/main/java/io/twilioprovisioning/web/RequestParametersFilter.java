package io.twilioprovisioning.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.platform.SecurityHeaders;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the query string and form body of every request before anything else does, and
 * refuses what cannot be trusted as text:
 * <ul>
 * <li>bad percent-encoding ({@code %ZZ}, a lone {@code %}) or bytes that are not UTF-8
 * ({@code %FF}): Tomcat 11 throws {@link InvalidParameterException} from
 * {@code getParameter()} on every call, which would surface wherever a parameter is first
 * read (Spring Security's CSRF check, an argument resolver, a webhook) as a 500 with a
 * stack trace; here it is a 400 (413 for a form body over Tomcat's {@code maxPostSize}),
 * with one WARN line;</li>
 * <li>control characters (Unicode category Cc, among them NUL, which PostgreSQL refuses
 * in text, and line breaks, which forge log lines) in any parameter name or value;</li>
 * <li>a parameter given more than once: Spring would take the first value for a number
 * and join all values with commas for a string, so the value used would not be the one
 * checked.</li>
 * </ul>
 * The last two apply to the console and the API, not to the Twilio webhooks (an SMS body
 * may hold line breaks; the signature covers what Twilio sent) nor to the emulator. The
 * answer is a problem detail or an error page, rendered by {@link ErrorPagesController}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestParametersFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(RequestParametersFilter.class);

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
		}
		catch (IllegalStateException ex) {
			boolean tooLarge = ex instanceof InvalidParameterException invalid
					&& invalid.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value();
			HttpStatus status = tooLarge ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.BAD_REQUEST;
			String detail = tooLarge ? "The form body is larger than the server accepts."
					: "The query string or form body is not correctly percent-encoded UTF-8.";
			log.warn("Refused {} {} from {}: {}", request.getMethod(), LogText.of(path(request)),
					request.getRemoteAddr(), tooLarge ? "form body too large" : "malformed parameters");
			refuse(request, response, status, detail, List.of());
			return;
		}
		if (checksText(request)) {
			for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
				String name = parameter.getKey();
				String problem = null;
				if (!StrictJsonConfiguration.isPlainText(name) || !allPlainText(parameter.getValue())) {
					problem = "must not contain control characters or invalid Unicode";
				}
				else if (parameter.getValue().length > 1) {
					problem = "must be given once";
				}
				if (problem != null) {
					String field = LogText.of(name);
					log.debug("Refused {} {}: parameter {} {}", request.getMethod(), LogText.of(path(request)), field,
							problem);
					refuse(request, response, HttpStatus.BAD_REQUEST, "Parameter '" + field + "' " + problem + ".",
							List.of(Problems.fieldError(field, problem)));
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * Answers through the error page, with the headers Spring Security would have added
	 * had the request reached it (it runs after this filter, and not again for the error
	 * page).
	 */
	private static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status,
			String detail, List<Map<String, String>> errors) throws IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Cache-Control", "no-store");
		response.setHeader("Referrer-Policy", SecurityHeaders.REFERRER_POLICY);
		response.setHeader("Permissions-Policy", SecurityHeaders.PERMISSIONS_POLICY);
		response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'; form-action 'self'");
		ErrorPagesController.send(request, response, status, detail, errors);
	}

	private static boolean allPlainText(String[] values) {
		for (String value : values) {
			if (!StrictJsonConfiguration.isPlainText(value)) {
				return false;
			}
		}
		return true;
	}

	private static boolean checksText(HttpServletRequest request) {
		String path = path(request);
		return !path.startsWith("/webhooks/") && !path.startsWith("/sandbox/");
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
