package io.twilioprovisioning.web;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import io.twilioprovisioning.platform.ConsolePage;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one place errors end up when no controller handled them (unknown path, wrong
 * method, a filter's error): a problem detail for the API and API clients, a friendly
 * page for browsers. Never a stack trace. Code that refuses a request before or outside a
 * controller (a filter, the console's exception handler) sends it here with {@link #send}
 * and its own explanation.
 */
@Controller
@ConsolePage
class ErrorPagesController implements ErrorController {

	private static final String DETAIL = ErrorPagesController.class.getName() + ".detail";

	private static final String ERRORS = ErrorPagesController.class.getName() + ".errors";

	/**
	 * Answers the request with an error: a problem detail for the API and API clients, an
	 * error page for browsers.
	 * @param detail what is wrong, in words for the person who sent it
	 * @param errors the bad fields, from {@link Problems#fieldError}
	 */
	static void send(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail,
			List<Map<String, String>> errors) throws IOException {
		request.setAttribute(DETAIL, detail);
		request.setAttribute(ERRORS, errors);
		response.sendError(status.value());
	}

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		if (!isApi(request) && acceptsHtml(request)) {
			return page(status, detailOf(request, status));
		}
		return problem(request, status);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status) {
		Object errors = request.getAttribute(ERRORS);
		boolean invalid = status == HttpStatus.BAD_REQUEST && errors instanceof List<?> list && !list.isEmpty();
		ProblemDetail problem = Problems.of(status, invalid ? "validation" : Problems.slugOf(status.value()),
				invalid ? "Invalid request" : status.getReasonPhrase(), detailOf(request, status));
		if (invalid) {
			problem.setProperty("errors", errors);
		}
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			try {
				problem.setInstance(new java.net.URI(uri.toString()));
			}
			catch (java.net.URISyntaxException ex) {
				// an address Tomcat let through but java.net.URI refuses: no instance
				// then
			}
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@RequestMapping("/access-denied")
	ModelAndView accessDenied() {
		return page(HttpStatus.FORBIDDEN, detailOf(HttpStatus.FORBIDDEN));
	}

	private static ModelAndView page(HttpStatus status, String message) {
		String view = switch (status.value()) {
			case 403 -> "error/403";
			case 404 -> "error/404";
			default -> "error/error";
		};
		return new ModelAndView(view,
				Map.of("status", status.value(), "reason", status.getReasonPhrase(), "message", message), status);
	}

	private static boolean acceptsHtml(HttpServletRequest request) {
		String accept = request.getHeader("Accept");
		return accept != null && accept.contains(MediaType.TEXT_HTML_VALUE);
	}

	private static boolean isApi(HttpServletRequest request) {
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return uri != null && uri.toString().startsWith(request.getContextPath() + "/api/");
	}

	private static HttpStatus statusOf(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static String detailOf(HttpServletRequest request, HttpStatus status) {
		return (request.getAttribute(DETAIL) instanceof String detail) ? detail : detailOf(status);
	}

	private static String detailOf(HttpStatus status) {
		return switch (status.value()) {
			case 400 -> "The request could not be understood.";
			case 401 -> "You need to sign in first.";
			case 403 -> "This area is for admins only.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This address does not accept that HTTP method.";
			case 413 -> "The request body is too large.";
			case 415 -> "This content type is not supported here.";
			default -> (status.is5xxServerError()) ? "Something went wrong on our side. The error has been logged."
					: status.getReasonPhrase();
		};
	}

}
