package io.twilioprovisioning.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error of the JSON API into an RFC 9457 problem detail with a stable
 * {@code type}, a readable {@code title}/{@code detail}, the bad fields when validation
 * failed, and never a stack trace.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern
		.compile("Duplicate (?:Object property|field) \"([^\"]*)\"");

	@ExceptionHandler(DomainException.class)
	ProblemDetail domain(DomainException ex) {
		HttpStatus status = Problems.statusOf(ex.kind());
		ProblemDetail problem = Problems.of(status, ex.problem(), Problems.titleOf(ex.kind()), ex.getMessage());
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"Parameter '" + ex.getName() + "' has an invalid value.");
		problem.setProperty("errors", List.of(Problems.fieldError(ex.getName(), "has an invalid value")));
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail illegalArgument(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "bad-request", "Invalid request", ex.getMessage());
	}

	/**
	 * The database cannot be reached (down, no connection within the pool's timeout, a
	 * transaction that cannot begin): the truth is "try again shortly", not an internal
	 * error. Nothing was changed: a transaction that could not reach the database commits
	 * nothing.
	 */
	@ExceptionHandler({ DataAccessResourceFailureException.class, CannotCreateTransactionException.class })
	ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
		log.warn("The database is unreachable, answered 503: {}", ex.getClass().getSimpleName());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "10")
			.body(Problems.databaseUnavailable());
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error in the API", ex);
		return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
				"Something went wrong on our side. The error has been logged.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest().body(validationProblem(ex.getBindingResult()));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<Map<String, String>> errors = new ArrayList<>();
		ex.getParameterValidationResults().forEach((result) -> {
			String name = parameterName(result.getMethodParameter());
			if (result instanceof ParameterErrors bodyErrors) {
				bodyErrors.getFieldErrors()
					.forEach((error) -> errors.add(Problems.fieldError(error.getField(), error.getDefaultMessage())));
				bodyErrors.getGlobalErrors()
					.forEach((error) -> errors.add(Problems.fieldError(name, error.getDefaultMessage())));
			}
			else {
				result.getResolvableErrors()
					.forEach((error) -> errors.add(Problems.fieldError(name, error.getDefaultMessage())));
			}
		});
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has invalid parameters.");
		problem.setProperty("errors", errors);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
				"The request body is not valid JSON of the expected shape.");
		Throwable cause = ex.getMostSpecificCause();
		if (cause instanceof RequestSizeLimitFilter.BodyTooLargeException) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.tooLarge());
		}
		if (cause instanceof java.nio.charset.CharacterCodingException) {
			problem.setDetail("The request body is not well-formed UTF-8.");
		}
		else if (cause instanceof UnrecognizedPropertyException unknown) {
			problem.setDetail("Unknown field '" + unknown.getPropertyName() + "'.");
			problem.setProperty("errors",
					List.of(Problems.fieldError(unknown.getPropertyName(), "is not a known field")));
		}
		else if (cause instanceof StreamReadException && duplicateKey(cause) != null) {
			String field = duplicateKey(cause);
			problem.setDetail("Field '" + field + "' is given more than once.");
			problem.setProperty("errors", List.of(Problems.fieldError(field, "must be given once")));
		}
		else if (cause instanceof JacksonException jackson && !path(jackson).isEmpty()) {
			String field = path(jackson);
			String message = (cause instanceof StrictJsonConfiguration.ControlCharacterException)
					? StrictJsonConfiguration.ControlCharacterException.MESSAGE
					: "has a value of the wrong type or format";
			problem.setDetail("Field '" + field + "' " + message + ".");
			problem.setProperty("errors", List.of(Problems.fieldError(field, message)));
		}
		else if (cause instanceof JacksonException) {
			problem.setDetail("The request body is not valid JSON.");
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
			WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
			problem.setType(Problems.type(Problems.slugOf(statusCode.value())));
		}
		return super.createResponseEntity(body, headers, statusCode, request);
	}

	private static String parameterName(MethodParameter parameter) {
		RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
		if (header != null && !header.name().isEmpty()) {
			return header.name();
		}
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		if (param != null && !param.name().isEmpty()) {
			return param.name();
		}
		return parameter.getParameterName();
	}

	private static ProblemDetail validationProblem(BindingResult result) {
		List<Map<String, String>> errors = new ArrayList<>();
		result.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.forEach((error) -> errors.add(Problems.fieldError(error.getField(), error.getDefaultMessage())));
		result.getGlobalErrors()
			.forEach((error) -> errors.add(Problems.fieldError(error.getObjectName(), error.getDefaultMessage())));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
				"The request has " + errors.size() + " invalid field" + ((errors.size() == 1) ? "" : "s") + ".");
		problem.setProperty("errors", errors);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type",
				"Unsupported media type",
				"The API reads JSON only: send the body with Content-Type: application/json.");
		HttpHeaders accept = new HttpHeaders();
		accept.setAccept(List.of(MediaType.APPLICATION_JSON));
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(accept).body(problem);
	}

	/**
	 * The key a duplicate-key refusal of the parser names, or {@code null}.
	 */
	private static String duplicateKey(Throwable ex) {
		java.util.regex.Matcher matcher = DUPLICATE_KEY.matcher(String.valueOf(ex.getMessage()));
		return matcher.find() ? LogText.of(matcher.group(1)) : null;
	}

	private static String path(JacksonException ex) {
		StringBuilder path = new StringBuilder();
		ex.getPath().forEach((reference) -> {
			if (reference.getPropertyName() != null) {
				if (!path.isEmpty()) {
					path.append('.');
				}
				path.append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		});
		return path.toString();
	}

}
