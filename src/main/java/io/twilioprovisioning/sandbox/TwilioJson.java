package io.twilioprovisioning.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * What Twilio's JSON shares across resources: snake_case fields, RFC 2822 dates and URIs
 * relative to {@code https://api.twilio.com} on the 2010 API, ISO 8601 dates and absolute
 * URLs on the newer hosts, the error body. Each resource's handler renders its own
 * fields.
 */
final class TwilioJson {

	static final String API_VERSION = "2010-04-01";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	private TwilioJson() {
	}

	static String write(Map<String, ?> value) {
		return MAPPER.writeValueAsString(value);
	}

	static String date(Instant instant) {
		return RFC_2822.format(instant);
	}

	/**
	 * A date as the v1/v2 APIs write it, e.g. {@code 2015-07-30T20:12:31Z}.
	 */
	static String isoDate(Instant instant) {
		return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
	}

	static String accountPath(String accountSid) {
		return "/" + API_VERSION + "/Accounts/" + accountSid;
	}

	static Map<String, Object> error(int status, int code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
		body.put("status", status);
		return body;
	}

}
