package io.twilioprovisioning.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.platform.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds problem details with the project's stable type URIs.
 */
final class Problems {

	private Problems() {
	}

	static URI type(String slug) {
		return URI.create(ProblemTypes.of(slug));
	}

	static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type(slug));
		problem.setTitle(title);
		return problem;
	}

	static ProblemDetail tooLarge() {
		return of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
				"The request body is larger than " + (RequestSizeLimitFilter.MAX_BYTES / 1024) + " KiB.");
	}

	static ProblemDetail databaseUnavailable() {
		return of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
				"The service cannot reach its database right now; nothing was changed. Try again shortly.");
	}

	static Map<String, String> fieldError(String field, String message) {
		Map<String, String> error = new LinkedHashMap<>();
		error.put("field", field);
		error.put("message", message);
		return error;
	}

	static HttpStatus statusOf(DomainException.Kind kind) {
		return switch (kind) {
			case INVALID -> HttpStatus.BAD_REQUEST;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
			case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
			case UNKNOWN_OUTCOME -> HttpStatus.BAD_GATEWAY;
		};
	}

	static String titleOf(DomainException.Kind kind) {
		return switch (kind) {
			case INVALID -> "Invalid request";
			case NOT_FOUND -> "Not found";
			case CONFLICT -> "Conflict";
			case REFUSED -> "Twilio refused the request";
			case UNAVAILABLE -> "Twilio is unavailable";
			case UNKNOWN_OUTCOME -> "Outcome unknown";
		};
	}

	static String slugOf(int status) {
		return switch (status) {
			case 400 -> "bad-request";
			case 401 -> "unauthorized";
			case 403 -> "forbidden";
			case 404 -> "not-found";
			case 405 -> "method-not-allowed";
			case 406 -> "not-acceptable";
			case 409 -> "conflict";
			case 413 -> "payload-too-large";
			case 415 -> "unsupported-media-type";
			default -> (status >= 500) ? "internal-error" : "http-" + status;
		};
	}

}
