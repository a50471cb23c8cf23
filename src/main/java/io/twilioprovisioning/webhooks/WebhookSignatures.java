package io.twilioprovisioning.webhooks;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import com.twilio.security.RequestValidator;

/**
 * Checks {@code X-Twilio-Signature} with twilio-java's {@link RequestValidator}.
 *
 * <p>
 * Twilio signs the URL <em>it called</em>: the webhook URL configured on the number,
 * which {@code WebhookPolicy} derives from {@code APP_BASE_URL}. Behind a reverse proxy
 * or TLS offloading that URL ({@code https://hooks.example.com/webhooks/twilio/voice}) is
 * not the one this server sees ({@code http://10.0.0.5:8080/webhooks/twilio/voice}):
 * scheme, host and port differ, and trusting the {@code Host} or {@code X-Forwarded-*}
 * headers would let the caller choose what is checked. So the URL is rebuilt from the
 * configured public base URL plus the path (within the application) and the raw query
 * string of the request, exactly as {@code WebhookPolicy} built it for Twilio.
 *
 * <p>
 * Without an auth token (live mode with an API key only) every request is refused: an
 * unsigned or unverifiable webhook is never accepted. The token never appears in
 * {@link #toString()}.
 */
final class WebhookSignatures {

	/** The header Twilio puts its signature in. */
	static final String HEADER = "X-Twilio-Signature";

	private final String baseUrl;

	private final RequestValidator validator;

	private final String tokenSource;

	/**
	 * @param baseUrl the public base URL Twilio calls ({@code APP_BASE_URL})
	 * @param authToken the auth token Twilio signs with, or {@code null} when there is
	 * none
	 * @param tokenSource where the token comes from, for messages (never the token)
	 */
	WebhookSignatures(String baseUrl, String authToken, String tokenSource) {
		String base = baseUrl.strip();
		this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		this.validator = (authToken != null && !authToken.isBlank()) ? new RequestValidator(authToken.strip()) : null;
		this.tokenSource = tokenSource;
	}

	/**
	 * Whether there is a token to check signatures with at all.
	 */
	boolean canVerify() {
		return this.validator != null;
	}

	/**
	 * The URL Twilio called: the public base URL, the path within the application and the
	 * raw query, if any.
	 * @param path the request path without the context path, e.g.
	 * {@code /webhooks/twilio/voice}
	 * @param rawQuery the query string as received, or {@code null}
	 */
	String publicUrl(String path, String rawQuery) {
		return this.baseUrl + path + ((rawQuery != null && !rawQuery.isEmpty()) ? "?" + rawQuery : "");
	}

	/**
	 * Checks a signature.
	 * @param url the URL Twilio called, from {@link #publicUrl(String, String)}
	 * @param formParameters the POSTed form parameters (not the query's)
	 * @param signature the {@code X-Twilio-Signature} header, or {@code null}
	 * @return the verdict
	 */
	Verdict verify(String url, Map<String, String> formParameters, String signature) {
		if (this.validator == null) {
			return Verdict.NO_AUTH_TOKEN;
		}
		if (signature == null || signature.isBlank()) {
			return Verdict.MISSING;
		}
		try {
			return this.validator.validate(url, formParameters, signature.strip()) ? Verdict.VALID : Verdict.MISMATCH;
		}
		catch (RuntimeException ex) {
			return Verdict.MISMATCH;
		}
	}

	/**
	 * The parameters of the form body alone: the servlet API merges query and body
	 * parameters (query values first), while Twilio signs the query as part of the URL
	 * and appends only the body's. A repeated name keeps its first value, the one the
	 * endpoints read.
	 * @param merged the request's parameter map
	 * @param rawQuery the raw query string, or {@code null}
	 */
	static Map<String, String> formParameters(Map<String, String[]> merged, String rawQuery) {
		Map<String, Integer> inQuery = new HashMap<>();
		if (rawQuery != null && !rawQuery.isEmpty()) {
			for (String pair : rawQuery.split("&")) {
				if (!pair.isEmpty()) {
					int equals = pair.indexOf('=');
					String name = URLDecoder.decode((equals >= 0) ? pair.substring(0, equals) : pair,
							StandardCharsets.UTF_8);
					inQuery.merge(name, 1, Integer::sum);
				}
			}
		}
		Map<String, String> form = new LinkedHashMap<>();
		merged.forEach((name, values) -> {
			int skip = inQuery.getOrDefault(name, 0);
			if (values.length > skip) {
				form.put(name, values[skip]);
			}
		});
		return form;
	}

	@Override
	public String toString() {
		return "signatures checked against " + this.baseUrl + " with "
				+ ((this.validator != null) ? this.tokenSource : "no auth token (every webhook refused)");
	}

	/**
	 * The outcome of a check; only {@link #VALID} is accepted.
	 */
	enum Verdict {

		VALID("valid"), MISSING("no " + HEADER + " header"), MISMATCH("signature does not match"),
		NO_AUTH_TOKEN("no auth token to check signatures with");

		private final String reason;

		Verdict(String reason) {
			this.reason = reason;
		}

		String reason() {
			return this.reason;
		}

	}

}
