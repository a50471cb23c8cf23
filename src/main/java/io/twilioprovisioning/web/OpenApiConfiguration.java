package io.twilioprovisioning.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.swagger.v3.core.converter.ModelConverter;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import io.twilioprovisioning.platform.ProblemTypes;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description served at {@code /v3/api-docs}: title, security scheme, the
 * problem-detail schemas, and the beans that make every operation exact (its problems,
 * JSON only, required members) without repeating that on each controller.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	/**
	 * The tags in the order a reader meets them: the inventory first, Twilio next, the
	 * administration last.
	 */
	static final List<String> TAG_ORDER = List.of("Phone numbers", "Twilio", "Sync", "Jobs", "Clients", "Tenancy",
			"Users", "Audit", "Reports", "Sandbox");

	@Bean
	OpenAPI provisioningOpenApi() {
		return new OpenAPI()
			.info(new Info().title("twilio-provisioning admin API")
				.version("v1")
				.description("Search, buy, configure, reassign and release the Twilio numbers of client businesses. "
						+ "Admins only (HTTP Basic): every operation answers 401 without valid credentials, 403 "
						+ "to a user who is not an admin, and 429 (with Retry-After) after too many wrong passwords "
						+ "from one address or for one account. Requests and answers are JSON (`application/json`); a "
						+ "member without a value is left out, never sent as null. Errors are RFC 9457 problem "
						+ "details (`application/problem+json`) with a stable `type`: 400 with the bad fields in "
						+ "`errors`, 404, 409, 413, 415, 422 when Twilio refused (with `twilioCode` and "
						+ "`moreInfo`), 503 when Twilio is unavailable and nothing changed, 502 when the outcome "
						+ "of a purchase is not known yet. Each operation lists the problems it can answer.")
				.license(new License().name("Apache-2.0")))
			.components(new Components()
				.addSecuritySchemes("basicAuth", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
				.schemas(ProblemSchemas.all()))
			.addSecurityItem(new SecurityRequirement().addList("basicAuth"));
	}

	@Bean
	GlobalOperationCustomizer problemResponses() {
		return new ProblemResponsesCustomizer();
	}

	@Bean
	ModelConverter nullMarkedRecords() {
		return new NullMarkedRecordConverter();
	}

	@Bean
	GlobalOpenApiCustomizer orderedTags() {
		return (openApi) -> {
			List<Tag> tags = (openApi.getTags() != null) ? new ArrayList<>(openApi.getTags()) : new ArrayList<>();
			tags.sort(Comparator.comparingInt((tag) -> {
				int index = TAG_ORDER.indexOf(tag.getName());
				return (index >= 0) ? index : TAG_ORDER.size();
			}));
			openApi.setTags(tags);
		};
	}

	/**
	 * The schemas of the problem details the API answers.
	 */
	static final class ProblemSchemas {

		static final String PROBLEM = "ProblemDetail";

		static final String VALIDATION_PROBLEM = "ValidationProblem";

		static final String TWILIO_PROBLEM = "TwilioProblem";

		static final String FIELD_ERROR = "FieldError";

		private ProblemSchemas() {
		}

		@SuppressWarnings({ "rawtypes", "unchecked" }) // swagger-models keeps schemas raw
		static Map<String, Schema> all() {
			Schema<?> problem = object().description("An RFC 9457 problem detail. Never carries a stack trace.")
				.addProperty("type",
						string().format("uri")
							.description("Stable identifier of the problem, " + ProblemTypes.BASE + "{slug}"))
				.addProperty("title", string().description("Short summary of the problem type"))
				.addProperty("status", schema("integer").format("int32").description("The HTTP status"))
				.addProperty("detail", string().description("What went wrong with this request, for a person"))
				.addProperty("instance", string().format("uri-reference").description("The path of the request"));
			problem.setRequired(List.of("type", "title", "status"));
			Schema<?> fieldError = object().description("One bad field or parameter")
				.addProperty("field", string().description("The field's path in the body, or the parameter's name"))
				.addProperty("message", string().description("What is wrong with it"));
			fieldError.setRequired(List.of("field", "message"));
			Schema<?> validation = schema(null)
				.description("A 400 problem; errors lists the bad fields when the body or parameters were read")
				.allOf(List.of(ref(PROBLEM), object().addProperty("errors",
						schema("array").items(ref(FIELD_ERROR)).description("The bad fields, by field name"))));
			Schema<?> twilio = schema(null)
				.description("A problem caused by Twilio: the members carry Twilio's error when Twilio sent one")
				.allOf(List
					.of(ref(PROBLEM),
							object()
								.addProperty("twilioCode",
										schema("integer").format("int32")
											.description("Twilio's error code, e.g. 21422"))
								.addProperty("twilioMessage", string().description("Twilio's message"))
								.addProperty("moreInfo",
										string().format("uri").description("Twilio's page on the error"))));
			return Map.of(PROBLEM, problem, FIELD_ERROR, fieldError, VALIDATION_PROBLEM, validation, TWILIO_PROBLEM,
					twilio);
		}

		static Schema<?> ref(String name) {
			return new Schema<>().$ref("#/components/schemas/" + name);
		}

		private static Schema<?> object() {
			return schema("object");
		}

		private static Schema<?> string() {
			return schema("string");
		}

		private static Schema<?> schema(String type) {
			Schema<?> schema = new Schema<>().specVersion(SpecVersion.V31);
			if (type != null) {
				schema.setTypes(Set.of(type));
			}
			return schema;
		}

	}

}
