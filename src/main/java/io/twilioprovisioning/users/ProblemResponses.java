package io.twilioprovisioning.users;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import io.twilioprovisioning.platform.ProblemTypes;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Writes the 401, 403 and 429 (throttled sign-in) answers of the JSON API as RFC 9457
 * problem details, before any controller is reached.
 */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized(JsonMapper json) {
		return (request, response, exception) -> {
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
