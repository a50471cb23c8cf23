package io.twilioprovisioning.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A cookie-keeping HTTP client that behaves like a browser without JavaScript: it reads
 * the CSRF token from pages and posts forms with it.
 */
public final class BrowserSession {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

	private final HttpClient http = HttpClient.newBuilder()
		.cookieHandler(new CookieManager())
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	private final String base;

	public BrowserSession(int port) {
		this.base = "http://127.0.0.1:" + port;
	}

	public Page get(String path) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept", "text/html").GET());
	}

	/**
	 * Posts a form with the CSRF token found on the page at {@code tokenFrom}.
	 */
	public Page postForm(String path, String tokenFrom, Map<String, String> fields) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		String token = get(tokenFrom).csrfToken();
		if (token != null) {
			all.put("_csrf", token);
		}
		return postRaw(path, all);
	}

	public Page postRaw(String path, Map<String, String> fields) {
		String body = fields.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Accept", "text/html")
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body)));
	}

	public Page login(String email, String password) {
		return postForm("/login", "/login", Map.of("email", email, "password", password));
	}

	private Page send(HttpRequest.Builder builder) {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Page(response.statusCode(), response.body(),
					response.headers().firstValue("Location").orElse(null));
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
	 * A page: status, HTML and the redirect target, if any.
	 *
	 * @param status HTTP status
	 * @param html the body
	 * @param location the Location header, or {@code null}
	 */
	public record Page(int status, String html, String location) {

		public String csrfToken() {
			Matcher matcher = CSRF.matcher(this.html);
			return matcher.find() ? matcher.group(1) : null;
		}

	}

}
