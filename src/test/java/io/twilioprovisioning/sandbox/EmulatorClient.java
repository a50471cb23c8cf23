package io.twilioprovisioning.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.StringJoiner;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the emulator, as a Twilio client would call it: Basic auth,
 * form-encoded POST bodies.
 */
final class EmulatorClient {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final String base;

	private final String accountSid;

	private final String authorization;

	private Duration timeout = Duration.ofSeconds(10);

	EmulatorClient(String base, String accountSid, String authToken) {
		this.base = base;
		this.accountSid = accountSid;
		this.authorization = (authToken != null) ? "Basic "
				+ Base64.getEncoder().encodeToString((accountSid + ":" + authToken).getBytes(StandardCharsets.UTF_8))
				: null;
	}

	static EmulatorClient of(StandaloneTwilioEmulator server) {
		return new EmulatorClient(server.baseUrl(), TwilioEmulator.DEFAULT_ACCOUNT_SID,
				TwilioEmulator.DEFAULT_AUTH_TOKEN);
	}

	EmulatorClient withTimeout(Duration timeout) {
		this.timeout = timeout;
		return this;
	}

	/**
	 * The path of a resource of the account, e.g. {@code /IncomingPhoneNumbers.json}.
	 */
	String account(String suffix) {
		return account(this.accountSid, suffix);
	}

	/**
	 * The path of a resource of another account, e.g. a subaccount.
	 */
	static String account(String accountSid, String suffix) {
		return "/2010-04-01/Accounts/" + accountSid + suffix;
	}

	/**
	 * The same emulator with another account's credentials.
	 */
	EmulatorClient as(String accountSid, String authToken) {
		return new EmulatorClient(this.base, accountSid, authToken);
	}

	Reply get(String path) {
		return unchecked(() -> send(builder(path).GET()));
	}

	Reply delete(String path) {
		return unchecked(() -> send(builder(path).DELETE()));
	}

	Reply post(String path, String... namesAndValues) {
		return unchecked(() -> postOrFail(path, namesAndValues));
	}

	Reply postOrFail(String path, String... namesAndValues) throws IOException {
		return send(builder(path).header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(form(namesAndValues))));
	}

	Reply getOrFail(String path) throws IOException {
		return send(builder(path).GET());
	}

	static String form(String... namesAndValues) {
		StringJoiner form = new StringJoiner("&");
		for (int i = 0; i < namesAndValues.length; i += 2) {
			form.add(URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
		}
		return form.toString();
	}

	private HttpRequest.Builder builder(String path) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.base + path)).timeout(this.timeout);
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private Reply send(HttpRequest.Builder builder) throws IOException {
		try {
			HttpResponse<String> response = this.http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response.headers());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

	private static Reply unchecked(IoCall call) {
		try {
			return call.run();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	private interface IoCall {

		Reply run() throws IOException;

	}

	record Reply(int status, String body, HttpHeaders headers) {

		JsonNode json() {
			return JSON.readTree(this.body);
		}

		String text(String field) {
			return json().get(field).asString();
		}

	}

}
