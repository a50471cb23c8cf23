package io.twilioprovisioning.users;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.twilioprovisioning.platform.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.NestedExceptionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the 401, 403 and 429 (throttled sign-in) answers of the JSON API as RFC 9457
 * problem details, before any controller is reached, and the 503 when credentials cannot
 * be checked at all.
 */
final class ProblemResponses {

	private static final Logger log = LoggerFactory.getLogger(ProblemResponses.class);

	/** When a client may retry after a 503 of sign-in. */
	static final String RETRY_AFTER_SECONDS = "10";

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (request, response, exception) -> {
			if (exception instanceof InternalAuthenticationServiceException) {
				unavailable(json, request, response, exception);
				return;
			}
			if (exception instanceof LoginThrottledException throttled) {
				response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
				write(json, request, response, HttpStatus.TOO_MANY_REQUESTS, "too-many-login-attempts",
						"Too many sign-in attempts", "Too many sign-in attempts from this address or for this account. "
								+ "Try again in " + throttled.retryAfterSeconds() + " seconds.");
				return;
			}
			response.setHeader("WWW-Authenticate", "Basic realm=\"twilio-provisioning\"");
			write(json, request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Authentication required",
					unauthorizedDetail(exception));
		};
	}

	static AccessDeniedHandler forbidden(JsonMapper json) {
		return (request, response, exception) -> write(json, request, response, HttpStatus.FORBIDDEN, "forbidden",
				"Forbidden", "This API is for admins only; your account does not have the ADMIN role.");
	}

	/**
	 * The credentials could not be checked (the user store, i.e. the database, is
	 * unreachable): the truth is "try again later", not "wrong password".
	 */
	private static void unavailable(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		log.warn("Sign-in could not be checked, answered 503: {}",
				NestedExceptionUtils.getMostSpecificCause(exception).getClass().getSimpleName());
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		write(json, request, response, HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				"Credentials cannot be checked right now because the service cannot reach its database. "
						+ "Try again shortly.");
	}

	private static String unauthorizedDetail(AuthenticationException exception) {
		if (exception instanceof DisabledException) {
			return "This account is disabled.";
		}
		return "Send valid credentials with HTTP Basic authentication.";
	}

	private static void write(JsonMapper json, HttpServletRequest request, HttpServletResponse response,
			HttpStatus status, String type, String title, String detail) throws IOException {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", ProblemTypes.of(type));
		body.put("title", title);
		body.put("status", status.value());
		body.put("detail", detail);
		body.put("instance", request.getRequestURI());
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		json.writeValue(response.getOutputStream(), body);
	}

}
