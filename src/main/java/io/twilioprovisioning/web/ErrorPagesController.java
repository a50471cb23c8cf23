package io.twilioprovisioning.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

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
 * page for browsers. Never a stack trace.
 */
@Controller
class ErrorPagesController implements ErrorController {

	@RequestMapping("/error")
	Object error(HttpServletRequest request) {
		HttpStatus status = statusOf(request);
		if (!isApi(request) && acceptsHtml(request)) {
			return page(status);
		}
		return problem(request, status);
	}

	private static ResponseEntity<ProblemDetail> problem(HttpServletRequest request, HttpStatus status) {
		ProblemDetail problem = Problems.of(status, Problems.slugOf(status.value()), status.getReasonPhrase(),
				detailOf(status));
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		if (uri != null) {
			problem.setInstance(java.net.URI.create(uri.toString()));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	@RequestMapping("/access-denied")
	ModelAndView accessDenied() {
		return page(HttpStatus.FORBIDDEN);
	}

	private static ModelAndView page(HttpStatus status) {
		String view = switch (status.value()) {
			case 403 -> "error/403";
			case 404 -> "error/404";
			default -> "error/error";
		};
		return new ModelAndView(view,
				Map.of("status", status.value(), "reason", status.getReasonPhrase(), "message", detailOf(status)),
				status);
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
