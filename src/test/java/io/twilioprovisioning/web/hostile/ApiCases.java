package io.twilioprovisioning.web.hostile;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The API's hostile cases, generated from its own OpenAPI description: every operation,
 * every path, query and header parameter and every request-body field, each with every
 * variant of {@link HostileVariants} while the rest of the request stays the baseline of
 * {@link Fixtures}.
 */
final class ApiCases {

	private static final Set<String> NOT_URLS = Set.of("empty", "blank", "null");

	private final JsonNode description;

	private final Fixtures fixtures;

	private final Map<String, String> headers;

	ApiCases(JsonNode description, Fixtures fixtures, Map<String, String> headers) {
		this.description = description;
		this.fixtures = fixtures;
		this.headers = headers;
	}

	List<HostileCase> all() {
		List<HostileCase> cases = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : this.description.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
				if (Set.of("GET", "POST", "PUT", "PATCH", "DELETE").contains(method)) {
					cases.addAll(operation(path.getKey(), method, operation.getValue()));
				}
			}
		}
		return cases;
	}

	private List<HostileCase> operation(String path, String method, JsonNode operation) {
		List<HostileCase> cases = new ArrayList<>();
		String schemaName = schemaName(operation);
		JsonNode schema = (schemaName != null) ? this.description.at("/components/schemas/" + schemaName) : null;
		Map<String, String> body = (schemaName != null) ? this.fixtures.body(schemaName, method) : null;
		for (JsonNode parameter : operation.path("parameters")) {
			String name = parameter.get("name").asString();
			switch (parameter.path("in").asString()) {
				case "path" -> {
					for (HostileVariants.Text id : HostileVariants.pathIds(this.fixtures.anchor(path))) {
						cases.add(request(method + " " + path + " {" + name + "} " + id.label(), method,
								fill(path, name, id.raw()), null, body(body, null, null), false));
					}
				}
				case "query" -> {
					String target = fill(path, null, null) + "?";
					for (HostileVariants.Text value : HostileVariants.text(false)) {
						cases.add(request(method + " " + path + " ?" + name + " " + value.label(), method,
								target + name + "=" + value.raw(), null, body(body, null, null), false));
					}
					cases.add(request(method + " " + path + " ?" + name + " repeated", method,
							target + name + "=1&" + name + "=2", null, body(body, null, null), false));
					cases.add(request(method + " " + path + " ?" + name + " without =", method, target + name, null,
							body(body, null, null), false));
				}
				case "header" -> {
					for (HostileVariants.Text value : HostileVariants.headers()) {
						cases.add(request(method + " " + path + " " + name + ": " + value.label(), method,
								fill(path, null, null), Map.of(name, value.raw()), body(body, null, null), false));
					}
				}
				default -> {
				}
			}
		}
		if (schema != null) {
			Set<String> required = new HashSet<>();
			schema.path("required").forEach((field) -> required.add(field.asString()));
			String keptBy = Fixtures.keptFromWritingBy(schemaName, method);
			for (Map.Entry<String, JsonNode> field : schema.path("properties").properties()) {
				boolean url = HostileVariants.isUrl(field.getKey());
				for (HostileVariants.JsonValue value : HostileVariants.json(url)) {
					boolean mayWrite = field.getKey().equals(keptBy)
							&& !HostileVariants.violates(field.getValue(), required.contains(field.getKey()), value);
					cases.add(request(method + " " + path + " ." + field.getKey() + " " + value.label(), method,
							fill(path, null, null), null, body(body, field.getKey(), value), mayWrite));
				}
				if (schemaName.equals("ConfigureRequest") && url) {
					for (HostileVariants.JsonValue value : HostileVariants.json(true)) {
						if (!NOT_URLS.contains(value.label())) {
							cases
								.add(request(
										method + " " + path + " ." + field.getKey() + " (active number) "
												+ value.label(),
										method, path, null, body(this.fixtures.liveConfigure(), field.getKey(), value),
										false));
						}
					}
				}
			}
		}
		return cases;
	}

	private HostileCase request(String label, String method, String target, Map<String, String> extra, byte[] body,
			boolean mayWrite) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		if (body != null) {
			headers.put("Content-Type", "application/json");
		}
		if (extra != null) {
			headers.putAll(extra);
		}
		return new HostileCase(label, method, target, headers, body, false, mayWrite);
	}

	/**
	 * The path with the named variable set to a raw value and every other one to an id
	 * nothing has.
	 */
	private static String fill(String path, String name, String raw) {
		String filled = (name != null) ? path.replace("{" + name + "}", raw) : path;
		return filled.replaceAll("\\{[^}]+}", Long.toString(Fixtures.DEAD));
	}

	/**
	 * The baseline body with one field replaced by a variant (or repeated, for the
	 * duplicate-key variant); {@code null} for an operation without a body.
	 */
	private static byte[] body(Map<String, String> baseline, String field, HostileVariants.JsonValue value) {
		if (baseline == null) {
			return null;
		}
		ByteArrayOutputStream json = new ByteArrayOutputStream();
		json.writeBytes("{".getBytes(StandardCharsets.UTF_8));
		boolean first = true;
		Map<String, String> fields = new LinkedHashMap<>(baseline);
		if (field != null) {
			fields.putIfAbsent(field, null);
		}
		for (Map.Entry<String, String> entry : fields.entrySet()) {
			if (!first) {
				json.writeBytes(",".getBytes(StandardCharsets.UTF_8));
			}
			first = false;
			json.writeBytes((HostileVariants.quote(entry.getKey()) + ":").getBytes(StandardCharsets.UTF_8));
			if (!entry.getKey().equals(field)) {
				json.writeBytes(entry.getValue().getBytes(StandardCharsets.UTF_8));
			}
			else if (value.label().equals(HostileVariants.DUPLICATE)) {
				String original = (entry.getValue() != null) ? entry.getValue() : "\"a\"";
				json.writeBytes(
						(original + "," + HostileVariants.quote(field) + ":\"b\"").getBytes(StandardCharsets.UTF_8));
			}
			else {
				json.writeBytes(value.raw());
			}
		}
		json.writeBytes("}".getBytes(StandardCharsets.UTF_8));
		return json.toByteArray();
	}

	private static String schemaName(JsonNode operation) {
		String ref = operation.at("/requestBody/content/application~1json/schema/$ref").asString("");
		return ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
	}

}
