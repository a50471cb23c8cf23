package io.twilioprovisioning.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests against a running server, with HTTP Basic credentials.
 */
public final class ApiClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	private final String authorization;

	private ApiClient(String base, String authorization) {
		this.base = base;
		this.authorization = authorization;
	}

	public static ApiClient anonymous(int port) {
		return new ApiClient("http://127.0.0.1:" + port, null);
	}

	public static ApiClient as(int port, String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ApiClient("http://127.0.0.1:" + port, "Basic " + token);
	}

	public Response get(String path) {
		return send(builder(path).GET());
	}

	public Response post(String path, String json) {
		return send(builder(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	/**
	 * Posts a body of unknown length, sent chunked.
	 */
	public Response postChunked(String path, String json) {
		byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
		return send(builder(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes))));
	}

	public Response put(String path, String json) {
		return send(builder(path).header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)));
	}

	public Response delete(String path) {
		return send(builder(path).DELETE());
	}

	public Response send(String method, String path, String contentType, String body) {
		HttpRequest.Builder builder = builder(path);
		if (contentType != null) {
			builder.header("Content-Type", contentType);
		}
		return send(builder.method(method,
				(body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody()));
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30))
			.header("Accept", "application/json");
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private Response send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(),
					response.headers().firstValue("Content-Type").orElse(""),
					response.headers().firstValue("WWW-Authenticate").orElse(null));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A response: status, body and the headers tests look at.
	 *
	 * @param status the HTTP status
	 * @param body the body text
	 * @param contentType the Content-Type header
	 * @param wwwAuthenticate the WWW-Authenticate header, or {@code null}
	 */
	public record Response(int status, String body, String contentType, String wwwAuthenticate) {

		public JsonNode json() {
			return JSON.readTree(this.body);
		}

		public boolean isProblem() {
			return this.contentType.startsWith("application/problem+json");
		}

	}

}
