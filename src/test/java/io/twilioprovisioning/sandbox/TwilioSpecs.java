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
public final class TwilioSpecs {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String BASE_IRI = "https://twilio-spec.invalid/";

	private static final Map<TwilioHost, String> FILES = new EnumMap<>(
			Map.of(TwilioHost.API, "twilio_api_v2010.json", TwilioHost.MESSAGING, "twilio_messaging_v1.json",
					TwilioHost.PRICING, "twilio_pricing_v1.json", TwilioHost.NUMBERS, "twilio_numbers_v2.json"));

	private final Map<TwilioHost, JsonNode> documents = new EnumMap<>(TwilioHost.class);

	private final Map<TwilioHost, Map<Pattern, String>> paths = new EnumMap<>(TwilioHost.class);

	private final SchemaRegistry registry;

	public TwilioSpecs() {
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
	public SpecOperation operation(TwilioHost host, String method, String path) {
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
	 * The operation a request to one of Twilio's hosts names, e.g.
	 * {@code https://messaging.twilio.com/v1/Services}.
	 * @return the operation, or {@code null} when the spec has no such path and method
	 */
	public SpecOperation operationForUrl(String method, java.net.URI url) {
		String product = url.getHost().substring(0, url.getHost().indexOf('.'));
		TwilioHost host = TwilioHost.valueOf(product.toUpperCase(Locale.ROOT));
		return operation(host, method, url.getPath());
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
	 * The errors of a request against the operation's description: every query, path and
	 * form parameter is declared, required form parameters are sent, and each value fits
	 * its schema (type, pattern, enum, length).
	 * @param path the request's path (its path parameters are checked)
	 * @param query the query parameters sent
	 * @param form the form parameters sent
	 * @return the errors; empty when the request conforms
	 */
	public List<String> validateRequest(SpecOperation operation, String path, Map<String, List<String>> query,
			Map<String, List<String>> form) {
		JsonNode document = this.documents.get(operation.host());
		List<String> errors = new ArrayList<>();
		Map<String, JsonNode> queryParams = new LinkedHashMap<>();
		Map<String, JsonNode> pathParams = new LinkedHashMap<>();
		for (JsonNode parameter : operation.node().path("parameters")) {
			JsonNode resolved = resolve(document, parameter);
			String in = resolved.path("in").asString("");
			if ("query".equals(in)) {
				queryParams.put(resolved.path("name").asString(), resolved.path("schema"));
			}
			else if ("path".equals(in)) {
				pathParams.put(resolved.path("name").asString(), resolved.path("schema"));
			}
		}
		String[] templateParts = operation.template().split("/");
		String[] pathParts = path.split("/");
		for (int i = 0; i < templateParts.length && i < pathParts.length; i++) {
			String part = templateParts[i];
			int open = part.indexOf('{');
			if (open >= 0) {
				String name = part.substring(open + 1, part.indexOf('}'));
				String suffix = part.substring(part.indexOf('}') + 1);
				String value = pathParts[i].substring(open, pathParts[i].length() - suffix.length());
				checkValue(document, "path " + name, pathParams.get(name), value, errors);
			}
		}
		query.forEach((name, values) -> {
			JsonNode schema = queryParams.get(name);
			if (schema == null) {
				errors.add("query " + name + " is not a parameter of " + operation.id());
				return;
			}
			values.forEach((value) -> checkValue(document, "query " + name, schema, value, errors));
		});
		JsonNode body = resolve(document,
				operation.node()
					.path("requestBody")
					.path("content")
					.path("application/x-www-form-urlencoded")
					.path("schema"));
		if (!form.isEmpty() && body.isMissingNode()) {
			errors.add(operation.id() + " takes no form body, got " + form.keySet());
		}
		for (JsonNode required : body.path("required")) {
			if (!form.containsKey(required.asString())) {
				errors.add("form " + required.asString() + " is required by " + operation.id());
			}
		}
		form.forEach((name, values) -> {
			JsonNode schema = body.path("properties").get(name);
			if (schema == null) {
				errors.add("form " + name + " is not a parameter of " + operation.id());
				return;
			}
			values.forEach((value) -> checkValue(document, "form " + name, schema, value, errors));
		});
		return errors;
	}

	private static void checkValue(JsonNode document, String label, JsonNode declared, String value,
			List<String> errors) {
		if (declared == null) {
			errors.add(label + " is not declared");
			return;
		}
		JsonNode schema = resolve(document, declared);
		String type = schema.path("type").asString("string");
		switch (type) {
			case "boolean" -> {
				if (!value.equals("true") && !value.equals("false")) {
					errors.add(label + ": " + value + " is not a boolean");
				}
			}
			case "integer" -> {
				if (!value.matches("-?\\d+")) {
					errors.add(label + ": " + value + " is not an integer");
				}
				else {
					long number = Long.parseLong(value);
					if (schema.has("minimum") && number < schema.get("minimum").asLong()) {
						errors.add(label + ": " + value + " is below " + schema.get("minimum"));
					}
					if (schema.has("maximum") && number > schema.get("maximum").asLong()) {
						errors.add(label + ": " + value + " is above " + schema.get("maximum"));
					}
				}
			}
			case "array" -> checkValue(document, label, schema.path("items"), value, errors);
			default -> {
				if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asString()).matcher(value).find()) {
					errors.add(label + ": " + value + " does not match " + schema.get("pattern").asString());
				}
				if (schema.has("minLength") && value.length() < schema.get("minLength").asInt()) {
					errors.add(label + ": " + value + " is shorter than " + schema.get("minLength"));
				}
				if (schema.has("maxLength") && value.length() > schema.get("maxLength").asInt()) {
					errors.add(label + ": " + value + " is longer than " + schema.get("maxLength"));
				}
				if (schema.has("enum")) {
					List<String> allowed = new ArrayList<>();
					schema.get("enum").forEach((option) -> allowed.add(option.asString()));
					if (!allowed.contains(value)) {
						errors.add(label + ": " + value + " is not one of " + allowed);
					}
				}
			}
		}
	}

	private static JsonNode resolve(JsonNode document, JsonNode node) {
		JsonNode current = node;
		while (current != null && current.has("$ref")) {
			String ref = current.get("$ref").asString();
			current = document.at(ref.substring(1));
		}
		return current;
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
	public record SpecOperation(TwilioHost host, String template, String method, JsonNode node) {

		public String id() {
			return this.node.path("operationId").asString(this.method + " " + this.template);
		}

		List<String> statuses() {
			return this.node.path("responses").propertyNames().stream().toList();
		}

	}

}
