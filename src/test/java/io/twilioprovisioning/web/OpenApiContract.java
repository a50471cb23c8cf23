package io.twilioprovisioning.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.format.Format;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served OpenAPI description used as a contract: it finds the documented operation of
 * each request sent through it and checks the exchange against it — the status is
 * documented, the content type is the documented one, the body matches the documented
 * schema (networknt json-schema-validator with the OpenAPI 3.1 dialect, formats
 * asserted), query parameters and a {@code Location} header are documented — and
 * remembers which operations were exercised.
 */
final class OpenApiContract {

	/**
	 * Where the description is registered for the validator to resolve its references.
	 */
	static final String DOCUMENT = "https://twilio-provisioning.test/v3/api-docs";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

	private final JsonNode document;

	private final SchemaRegistry registry;

	private final Map<String, Schema> schemas = new HashMap<>();

	private final List<String> violations = new ArrayList<>();

	private final Set<String> exercised = new TreeSet<>();

	private OpenApiContract(String description) {
		this.document = JSON.readTree(description);
		Dialect dialect = Dialect.builder(Dialects.getOpenApi31()).format(new MailboxFormat()).build();
		this.registry = SchemaRegistry.withDefaultDialect(dialect,
				(builder) -> builder.schemas(Map.of(DOCUMENT, description))
					.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
	}

	static OpenApiContract of(String description) {
		return new OpenApiContract(description);
	}

	JsonNode document() {
		return this.document;
	}

	/**
	 * Every documented operation: its id, keyed by "METHOD path".
	 */
	Map<String, String> operationIds() {
		Map<String, String> ids = new HashMap<>();
		this.document.get("paths").properties().forEach((path) -> path.getValue().properties().forEach((method) -> {
			if (METHODS.contains(method.getKey())) {
				ids.put(method.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
						method.getValue().path("operationId").asString(""));
			}
		}));
		return ids;
	}

	List<String> violations() {
		return this.violations;
	}

	Set<String> exercised() {
		return this.exercised;
	}

	/**
	 * Checks one exchange against the description and records what does not match.
	 * @param exchange what was sent and answered
	 * @return the exchange, for the caller's own assertions
	 */
	Exchange check(Exchange exchange) {
		String label = exchange.method() + " " + exchange.path() + " → " + exchange.status();
		String path = exchange.path().contains("?") ? exchange.path().substring(0, exchange.path().indexOf('?'))
				: exchange.path();
		String template = template(path);
		JsonNode operation = (template != null)
				? this.document.get("paths").get(template).get(exchange.method().toLowerCase(Locale.ROOT)) : null;
		if (operation == null) {
			this.violations.add(label + ": no documented operation");
			return exchange;
		}
		String id = operation.path("operationId").asString();
		this.exercised.add(id);
		label = id + " (" + label + ")";
		checkQuery(label, exchange, operation);
		if (exchange.status() / 100 == 2 && exchange.requestBody() != null) {
			checkRequestBody(label, exchange, operation);
		}
		JsonNode response = operation.path("responses").get(String.valueOf(exchange.status()));
		if (response == null) {
			this.violations.add(label + ": status " + exchange.status() + " is not documented");
			return exchange;
		}
		JsonNode content = response.get("content");
		String mediaType = mediaType(exchange.contentType());
		if (content == null || content.isEmpty()) {
			if (!exchange.body().isEmpty()) {
				this.violations.add(label + ": a body was sent where none is documented");
			}
		}
		else if (content.get(mediaType) == null) {
			this.violations
				.add(label + ": content type '" + mediaType + "' is not documented, only " + content.propertyNames());
		}
		else {
			validate(label + " response", content.get(mediaType).get("schema"), exchange.body());
		}
		boolean locationDocumented = response.path("headers").has("Location");
		if (exchange.location() != null && !locationDocumented) {
			this.violations.add(label + ": Location is sent but not documented");
		}
		if (exchange.location() == null && locationDocumented && exchange.status() == 201) {
			this.violations.add(label + ": Location is documented but not sent");
		}
		return exchange;
	}

	private void checkQuery(String label, Exchange exchange, JsonNode operation) {
		int query = exchange.path().indexOf('?');
		if (query < 0) {
			return;
		}
		Set<String> documented = new TreeSet<>();
		operation.path("parameters").forEach((parameter) -> {
			if ("query".equals(parameter.path("in").asString())) {
				documented.add(parameter.path("name").asString());
			}
		});
		for (String pair : exchange.path().substring(query + 1).split("&")) {
			String name = pair.contains("=") ? pair.substring(0, pair.indexOf('=')) : pair;
			if (!documented.contains(name)) {
				this.violations.add(label + ": query parameter '" + name + "' is not documented");
			}
		}
	}

	private void checkRequestBody(String label, Exchange exchange, JsonNode operation) {
		JsonNode content = operation.path("requestBody").path("content");
		String mediaType = mediaType(exchange.requestContentType());
		if (content.get(mediaType) == null) {
			this.violations.add(label + ": request content type '" + mediaType + "' is not documented");
			return;
		}
		validate(label + " request", content.get(mediaType).get("schema"), exchange.requestBody());
	}

	private void validate(String label, JsonNode schemaNode, String body) {
		if (schemaNode == null) {
			this.violations.add(label + ": no schema documented");
			return;
		}
		String text = JSON.writeValueAsString(schemaNode).replace("\"#/components/", "\"" + DOCUMENT + "#/components/");
		Schema schema = this.schemas.computeIfAbsent(text, (key) -> this.registry
			.getSchema(SchemaLocation.of("urn:contract:" + this.schemas.size()), key, InputFormat.JSON));
		List<Error> errors = schema.validate(body, InputFormat.JSON);
		errors.forEach((error) -> this.violations.add(label + ": " + error + " in " + abbreviate(body)));
	}

	private String template(String path) {
		String match = null;
		for (String template : this.document.get("paths").propertyNames()) {
			String regex = "^" + Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
			if (path.matches(regex) && (match == null || !template.contains("{"))) {
				match = template;
			}
		}
		return match;
	}

	private static String mediaType(String contentType) {
		if (contentType == null) {
			return "";
		}
		int parameters = contentType.indexOf(';');
		return ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).strip()
			.toLowerCase(Locale.ROOT);
	}

	private static String abbreviate(String body) {
		return (body.length() > 300) ? body.substring(0, 300) + "…" : body;
	}

	/**
	 * {@code format: email} as RFC 5321 defines a mailbox's syntax, with any domain. The
	 * validator's own check also demands a top-level domain from IANA's list, which the
	 * names reserved for tests and examples ({@code .example}, {@code .local},
	 * {@code localhost}) are not.
	 */
	private static final class MailboxFormat implements Format {

		@Override
		public String getName() {
			return "email";
		}

		@Override
		public boolean matches(ExecutionContext executionContext, String value) {
			return value.matches("^[^@\\s]+@[^@\\s.][^@\\s]*$") && value.length() <= 254;
		}

	}

	/**
	 * One request and its answer.
	 *
	 * @param method the HTTP method
	 * @param path the path with its query
	 * @param requestContentType the request's Content-Type, or {@code null}
	 * @param requestBody the request body, or {@code null}
	 * @param status the status answered
	 * @param contentType the Content-Type answered, or {@code null}
	 * @param location the Location answered, or {@code null}
	 * @param body the body answered
	 */
	record Exchange(String method, String path, String requestContentType, String requestBody, int status,
			String contentType, String location, String body) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

	}

	/**
	 * Sends requests to the running server as one user (or anonymously) and checks each
	 * exchange against the contract.
	 */
	static final class Caller {

		private static final HttpClient HTTP = HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();

		private final OpenApiContract contract;

		private final String base;

		private final String authorization;

		Caller(OpenApiContract contract, int port, String user, String password) {
			this.contract = contract;
			this.base = "http://127.0.0.1:" + port;
			this.authorization = (user != null) ? "Basic "
					+ Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8))
					: null;
		}

		Exchange get(String path) {
			return send("GET", path, null, null);
		}

		Exchange post(String path, String json) {
			return send("POST", path, (json != null) ? "application/json" : null, json);
		}

		Exchange put(String path, String json) {
			return send("PUT", path, "application/json", json);
		}

		Exchange delete(String path) {
			return send("DELETE", path, null, null);
		}

		Exchange send(String method, String path, String contentType, String body) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", "application/json, application/problem+json")
				.method(method, (body != null) ? HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)
						: HttpRequest.BodyPublishers.noBody());
			if (contentType != null) {
				request.header("Content-Type", contentType);
			}
			if (this.authorization != null) {
				request.header("Authorization", this.authorization);
			}
			try {
				HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
				return this.contract.check(new Exchange(method, path, contentType, body, response.statusCode(),
						response.headers().firstValue("Content-Type").orElse(null),
						response.headers().firstValue("Location").orElse(null), response.body()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(method + " " + path + " failed", ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}
