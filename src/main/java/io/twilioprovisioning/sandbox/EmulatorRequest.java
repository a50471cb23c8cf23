package io.twilioprovisioning.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request to the emulator, independent of the transport that received it.
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param path the path after the base URL: {@code /2010-04-01/…} for api.twilio.com,
 * {@code /messaging/v1/…} for messaging.twilio.com and so on (see {@link TwilioHost})
 * @param query the decoded query parameters
 * @param form the decoded {@code application/x-www-form-urlencoded} body parameters
 * @param authorization the {@code Authorization} header, or {@code null}
 */
public record EmulatorRequest(String method, String path, Map<String, List<String>> query,
		Map<String, List<String>> form, String authorization) {

	public EmulatorRequest {
		query = (query != null) ? query : Map.of();
		form = (form != null) ? form : Map.of();
	}

	/**
	 * The first value of a query parameter.
	 * @param name the parameter name, e.g. {@code PageSize}
	 * @return its first value, or {@code null} when absent
	 */
	public String queryParam(String name) {
		return first(this.query, name);
	}

	/**
	 * The first value of a form parameter.
	 * @param name the parameter name, e.g. {@code FriendlyName}
	 * @return its first value, or {@code null} when absent
	 */
	public String formParam(String name) {
		return first(this.form, name);
	}

	private static String first(Map<String, List<String>> parameters, String name) {
		List<String> values = parameters.get(name);
		return (values == null || values.isEmpty()) ? null : values.get(0);
	}

}
