package io.twilioprovisioning.web;

import java.io.IOException;
import java.util.List;

import io.twilioprovisioning.platform.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * What a console page shows when its controller gives up: an unknown number or client is
 * the 404 page, an invalid request a 400 page that says what is wrong, Twilio's refusal
 * or outage the matching page; never a 500. The page is rendered by
 * {@link ErrorPagesController}, like every other error page. Ordered after
 * {@link ApiExceptionHandler}, which answers the API's controllers with problem details.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(DomainException.class)
	void domain(DomainException ex, HttpServletRequest request, HttpServletResponse response) throws IOException {
		ErrorPagesController.send(request, response, Problems.statusOf(ex.kind()), ex.getMessage(), List.of());
	}

	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	void databaseUnavailable(Exception ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		response.setHeader("Retry-After", "10");
		ErrorPagesController.send(request, response, HttpStatus.SERVICE_UNAVAILABLE,
				Problems.databaseUnavailable().getDetail(), List.of());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	void typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		String name = LogText.of(ex.getName());
		ErrorPagesController.send(request, response, HttpStatus.BAD_REQUEST,
				"'" + name + "' has a value of the wrong type: "
						+ ((ex.getRequiredType() != null) ? expected(ex.getRequiredType()) : "check it") + ".",
				List.of(Problems.fieldError(name, "has a value of the wrong type")));
	}

	private static String expected(Class<?> type) {
		if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
			return "a whole number is expected";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "true or false is expected";
		}
		if (type.isEnum()) {
			return "one of " + java.util.Arrays.toString(type.getEnumConstants());
		}
		return "check it";
	}

}
