package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Twilio's official OpenAPI descriptions of the four hosts the emulator serves (copied
 * unmodified into {@code src/test/resources/twilio-spec/}, see docs/sandbox.md), and the
 * response schema of each operation, checked with an OpenAPI 3.0 JSON-schema validator.
 *
 * <p>
 * Two readings of Twilio's own conventions are applied to the loaded copy, never to the
 * files: a property whose {@code x-twilio.overrideType} is {@code string} is a string on
 * the wire (prices: the spec's examples send {@code "1.00"}); and formats are
 * annotations, not assertions, as in JSON Schema (the 2010 API declares
 * {@code format: uri} for URIs its own examples give relative to
 * {@code https://api.twilio.com}). Both are checked by validating the spec's own examples
 * with the same schemas.
 */
final class TwilioSpecs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE_IRI = "https://twilio-spec.invalid/";

	private static final Map<TwilioHost, String> FILES = new EnumMap<>(
			Map.of(TwilioHost.API, "twilio_api_v2010.json", TwilioHost.MESSAGING, "twilio_messaging_v1.json",
					TwilioHost.PRICING, "twilio_pricing_v1.json", TwilioHost.NUMBERS, "twilio_numbers_v2.json"));

	private final Map<TwilioHost, JsonNode> documents = new EnumMap<>(TwilioHost.class);

	private final Map<TwilioHost, Map<Pattern, String>> paths = new EnumMap<>(TwilioHost.class);

	private final SchemaRegistry registry;

	TwilioSpecs() {
		Map<String, String> schemas = new LinkedHashMap<>();
		for (Map.Entry<TwilioHost, String> file : FILES.entrySet()) {
			JsonNode document = load(file.getValue());
			applyOverrideTypes(document);
			this.documents.put(file.getKey(), document);
			schemas.put(BASE_IRI + file.getValue(), JSON.writeValueAsString(document));
			Map<Pattern, String> templates = new LinkedHashMap<>();
			document.get("paths").propertyNames().forEach((template) -> templates.put(regex(template), template));
			this.paths.put(file.getKey(), templates);
		}
		this.registry = SchemaRegistry.withDialect(Dialects.getOpenApi30(), (builder) -> builder.schemas(schemas));
	}

	/**
	 * The operation of a host's spec that a request names.
	 * @return the operation, or {@code null} when the spec has no such path and method
	 */
	SpecOperation operation(TwilioHost host, String method, String path) {
		for (Map.Entry<Pattern, String> template : this.paths.get(host).entrySet()) {
			if (template.getKey().matcher(path).matches()) {
				JsonNode operation = this.documents.get(host)
					.get("paths")
					.get(template.getValue())
					.get(method.toLowerCase(Locale.ROOT));
				return (operation != null)
						? new SpecOperation(host, template.getValue(), method.toLowerCase(Locale.ROOT), operation)
						: null;
			}
		}
		return null;
	}

	/**
	 * The operation of a host's spec with this {@code operationId}.
	 * @throws IllegalArgumentException when there is none
	 */
	SpecOperation operation(TwilioHost host, String operationId) {
		for (Map.Entry<String, JsonNode> path : this.documents.get(host).get("paths").properties()) {
			for (String method : List.of("get", "post", "delete")) {
				JsonNode operation = path.getValue().get(method);
				if (operation != null && operationId.equals(operation.path("operationId").asString())) {
					return new SpecOperation(host, path.getKey(), method, operation);
				}
			}
		}
		throw new IllegalArgumentException("No operation " + operationId + " on " + host);
	}

	/**
	 * The errors of a JSON body against the schema the operation declares for the status.
	 * @return the errors; empty when the body conforms
	 * @throws IllegalArgumentException when the operation declares no such status
	 */
	List<String> validate(SpecOperation operation, int status, String body) {
		JsonNode response = operation.node().path("responses").get(Integer.toString(status));
		if (response == null) {
			throw new IllegalArgumentException(
					operation.id() + " declares no status " + status + ", only " + operation.statuses());
		}
		JsonNode schema = response.path("content").path("application/json").path("schema");
		if (schema.isMissingNode()) {
			return body.isEmpty() ? List.of() : List.of("the spec declares no body for " + status + ", got " + body);
		}
		Schema compiled = this.registry.getSchema(SchemaLocation.of(BASE_IRI + FILES.get(operation.host()) + "#"
				+ pointer("paths", operation.template(), operation.method(), "responses", Integer.toString(status),
						"content", "application/json", "schema")));
		List<String> errors = new ArrayList<>();
		for (Error error : compiled.validate(body, InputFormat.JSON)) {
			errors.add(error.toString());
		}
		return errors;
	}

	/**
	 * The examples the spec gives for a status of an operation, as JSON text.
	 */
	List<String> examples(SpecOperation operation, int status) {
		List<String> examples = new ArrayList<>();
		operation.node()
			.path("responses")
			.path(Integer.toString(status))
			.path("content")
			.path("application/json")
			.path("examples")
			.forEach((example) -> examples.add(JSON.writeValueAsString(example.get("value"))));
		return examples;
	}

	private static JsonNode load(String file) {
		try (InputStream in = TwilioSpecs.class.getResourceAsStream("/twilio-spec/" + file)) {
			if (in == null) {
				throw new IllegalStateException("Missing src/test/resources/twilio-spec/" + file);
			}
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Applies {@code x-twilio.overrideType} and lets {@code uri} be a relative reference.
	 */
	private static void applyOverrideTypes(JsonNode node) {
		if (node instanceof ObjectNode object) {
			JsonNode override = object.path("x-twilio").path("overrideType");
			if (override.isString() && object.has("type")) {
				object.put("type", override.asString());
			}
			if ("uri".equals(object.path("format").asString(""))) {
				object.put("format", "uri-reference");
			}
		}
		for (JsonNode child : node) {
			applyOverrideTypes(child);
		}
	}

	private static Pattern regex(String template) {
		StringBuilder regex = new StringBuilder();
		for (String part : template.split("(?=\\{)|(?<=})")) {
			regex.append(part.startsWith("{") ? "[^/]+" : Pattern.quote(part));
		}
		return Pattern.compile(regex.toString());
	}

	private static String pointer(String... tokens) {
		StringBuilder pointer = new StringBuilder();
		for (String token : tokens) {
			pointer.append('/').append(token.replace("~", "~0").replace("/", "~1"));
		}
		return pointer.toString();
	}

	/**
	 * One operation of a spec.
	 *
	 * @param host the host it is on
	 * @param template its path template, e.g. {@code /v1/Services/{Sid}}
	 * @param method lower case, e.g. {@code get}
	 * @param node its description
	 */
	record SpecOperation(TwilioHost host, String template, String method, JsonNode node) {

		String id() {
			return this.node.path("operationId").asString(this.method + " " + this.template);
		}

		List<String> statuses() {
			return this.node.path("responses").propertyNames().stream().toList();
		}

	}

}
