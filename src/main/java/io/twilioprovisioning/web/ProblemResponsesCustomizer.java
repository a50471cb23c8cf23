package io.twilioprovisioning.web;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.platform.DomainException;
import io.twilioprovisioning.web.OpenApiConfiguration.ProblemSchemas;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to each operation of the description the problems it can answer, each with its
 * status and an {@code application/problem+json} schema: 401, 403 and 429 (login
 * throttling) on every operation (the API is for admins), 400 when it reads parameters or
 * a body, 413 and 415 when it reads a body, and one status per {@link ApiProblems} kind,
 * mapped by {@link Problems#statusOf} exactly as the answers are.
 */
class ProblemResponsesCustomizer implements GlobalOperationCustomizer {

	private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

	private static final Set<DomainException.Kind> CAUSED_BY_TWILIO = EnumSet.of(DomainException.Kind.REFUSED,
			DomainException.Kind.UNAVAILABLE, DomainException.Kind.UNKNOWN_OUTCOME);

	private static final Map<Integer, String> DESCRIPTIONS = Map.ofEntries(
			Map.entry(400,
					"Invalid request: a parameter or field is missing, malformed or out of range (listed in "
							+ "errors), or the body is not JSON of the expected shape"),
			Map.entry(401, "No valid credentials: send an admin's email and password with HTTP Basic"),
			Map.entry(403, "Signed in, but not an admin"),
			Map.entry(404, "The client, number, user or sync report named does not exist"),
			Map.entry(409,
					"Conflicts with the current state: a duplicate, a concurrent change, or a state that "
							+ "does not allow this step"),
			Map.entry(413, "The body is larger than " + (RequestSizeLimitFilter.MAX_BYTES / 1024) + " KiB"),
			Map.entry(415, "The body is not application/json"),
			Map.entry(429,
					"Too many wrong passwords from this address or for this account: the credentials were not "
							+ "checked; retry after the Retry-After seconds"),
			Map.entry(422, "Twilio refused the request: twilioCode, twilioMessage and moreInfo carry Twilio's error"),
			Map.entry(502,
					"Twilio's answer was lost and the outcome is not known yet; recovery resolves it by "
							+ "looking the number up, never by buying again"),
			Map.entry(503, "Twilio failed or could not be reached; nothing changed"));

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		Map<Integer, String> problems = new TreeMap<>();
		boolean readsBody = operation.getRequestBody() != null;
		boolean readsParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
		if (readsBody || readsParameters) {
			problems.put(400, ProblemSchemas.VALIDATION_PROBLEM);
		}
		problems.put(401, ProblemSchemas.PROBLEM);
		problems.put(403, ProblemSchemas.PROBLEM);
		problems.put(429, ProblemSchemas.PROBLEM);
		if (readsBody) {
			problems.put(413, ProblemSchemas.PROBLEM);
			problems.put(415, ProblemSchemas.PROBLEM);
		}
		ApiProblems declared = AnnotatedElementUtils.findMergedAnnotation(handlerMethod.getMethod(), ApiProblems.class);
		if (declared != null) {
			for (DomainException.Kind kind : declared.value()) {
				HttpStatus status = Problems.statusOf(kind);
				String schema = (kind == DomainException.Kind.INVALID) ? ProblemSchemas.VALIDATION_PROBLEM
						: CAUSED_BY_TWILIO.contains(kind) ? ProblemSchemas.TWILIO_PROBLEM : ProblemSchemas.PROBLEM;
				problems.put(status.value(), schema);
			}
		}
		ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses() : new ApiResponses();
		problems.forEach((status, schema) -> responses.addApiResponse(String.valueOf(status), new ApiResponse()
			.description(DESCRIPTIONS.get(status))
			.content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(ProblemSchemas.ref(schema))))));
		ApiResponses sorted = new ApiResponses();
		responses.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
			.forEach((entry) -> sorted.addApiResponse(entry.getKey(), entry.getValue()));
		operation.setResponses(sorted);
		return operation;
	}

}
