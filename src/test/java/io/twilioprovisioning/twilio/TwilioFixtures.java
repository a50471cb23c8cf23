package io.twilioprovisioning.twilio;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * Credentials, settings and Twilio JSON bodies shaped like the 2010-04-01 API's answers
 * (docs/twilio-notes.md sections 1.4, 2.6, 2.7, 3 and 4.1).
 */
final class TwilioFixtures {

	static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

	static final String AUTH_TOKEN = "tok3n-n3ver-sh0wn-0123456789abcd";

	static final String API_KEY = "SKfedcba9876543210fedcba9876543210";

	static final String API_SECRET = "s3cret-n3ver-sh0wn-0123456789abc";

	static final String PN_SID = "PN0123456789abcdef0123456789abcdef";

	static final String ACCOUNT_PATH = "/2010-04-01/Accounts/" + ACCOUNT_SID;

	/** Far longer than any answer of a loopback server takes, even on a busy machine. */
	static final Duration GENEROUS = Duration.ofSeconds(30);

	/**
	 * The read timeout of calls meant to time out against a server that never answers.
	 */
	static final Duration IMPATIENT = Duration.ofMillis(100);

	private TwilioFixtures() {
	}

	/**
	 * Generous timeouts, so no test depends on how fast a loaded machine answers, and
	 * small backoffs so retries stay fast.
	 */
	static TwilioProperties properties(URI baseUrl) {
		return new TwilioProperties(ACCOUNT_SID, AUTH_TOKEN, null, null, baseUrl, GENEROUS, GENEROUS, 4, 3,
				Duration.ofMillis(5), Duration.ofMillis(20));
	}

	static TwilioProperties apiKeyProperties(URI baseUrl) {
		return new TwilioProperties(ACCOUNT_SID, null, API_KEY, API_SECRET, baseUrl, GENEROUS, GENEROUS, 4, 3,
				Duration.ofMillis(5), Duration.ofMillis(20));
	}

	/**
	 * A short read timeout and one retry, for calls that must time out: use it only
	 * against a server that does not answer until released or closed, so the timeout
	 * happens whatever the machine's speed.
	 */
	static TwilioProperties impatient(TwilioProperties properties) {
		return impatient(properties, IMPATIENT);
	}

	static TwilioProperties impatient(TwilioProperties p, Duration readTimeout) {
		return new TwilioProperties(p.accountSid(), p.authToken(), p.apiKey(), p.apiSecret(), p.apiBaseUrl(),
				p.connectTimeout(), readTimeout, p.maxConcurrency(), 1, p.initialBackoff(), p.maxBackoff());
	}

	/**
	 * The adapter as production wires it (live endpoint, our transport, the SDK client),
	 * sending to the given properties' base URL.
	 */
	static Adapter adapter(TwilioProperties properties, BaseUrlHttpClient.Sleeper sleeper) {
		TwilioEndpoint endpoint = TwilioEndpoint.live(properties);
		BaseUrlHttpClient http = new BaseUrlHttpClient(endpoint::baseUrl, properties.connectTimeout(),
				properties.readTimeout(), properties.maxConcurrency(), properties.retryPolicy(), sleeper);
		TwilioMetrics metrics = new TwilioMetrics(new SimpleMeterRegistry());
		http.observeWith(metrics);
		return new Adapter(new TwilioNumberCarrier(endpoint.restClient(http), metrics), http);
	}

	/**
	 * The adapter as production wires it, with the given adaptive limit of bulk calls.
	 */
	static Adapter adapter(TwilioProperties properties, BulkConcurrencyLimit bulkLimit) {
		TwilioEndpoint endpoint = TwilioEndpoint.live(properties);
		BaseUrlHttpClient http = new BaseUrlHttpClient(endpoint.hosts(), properties, bulkLimit);
		TwilioMetrics metrics = new TwilioMetrics(new SimpleMeterRegistry());
		http.observeWith(metrics);
		return new Adapter(new TwilioNumberCarrier(endpoint.restClient(http), metrics), http);
	}

	static Adapter adapter(TwilioProperties properties) {
		return adapter(properties, BaseUrlHttpClient.Sleeper.THREAD);
	}

	static String basicAuth(String user, String password) {
		return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
	}

	static String incomingNumber(String sid, String number) {
		return """
				{"sid": "%s", "account_sid": "%s", "phone_number": "%s", "friendly_name": "Acme main line",
				 "capabilities": {"voice": true, "SMS": true, "MMS": false, "fax": false},
				 "status": "in-use", "origin": "twilio", "beta": false, "address_requirements": "none",
				 "voice_url": "https://app.example.com/webhooks/twilio/voice", "voice_method": "POST",
				 "voice_fallback_url": "", "voice_fallback_method": "POST",
				 "sms_url": "https://app.example.com/webhooks/twilio/sms", "sms_method": "GET",
				 "sms_fallback_url": null, "sms_fallback_method": "POST",
				 "status_callback": "https://app.example.com/webhooks/twilio/status", "status_callback_method": "POST",
				 "date_created": "Thu, 30 Jul 2015 23:19:04 +0000", "date_updated": "Fri, 31 Jul 2015 08:00:00 +0000",
				 "api_version": "2010-04-01", "uri": "/2010-04-01/Accounts/%s/IncomingPhoneNumbers/%s.json"}
				""".formatted(sid, ACCOUNT_SID, number, ACCOUNT_SID, sid);
	}

	static String incomingNumber() {
		return incomingNumber(PN_SID, "+15005550006");
	}

	static String incomingList(List<String> numbers, String nextPageUri) {
		String next = (nextPageUri != null) ? "\"" + nextPageUri + "\"" : "null";
		return """
				{"incoming_phone_numbers": [%s], "page": 0, "page_size": %d, "start": 0, "end": %d,
				 "uri": "%s/IncomingPhoneNumbers.json", "first_page_uri": "%s/IncomingPhoneNumbers.json?PageSize=%d&Page=0",
				 "next_page_uri": %s, "previous_page_uri": null}
				"""
			.formatted(String.join(",", numbers), numbers.size(), Math.max(0, numbers.size() - 1), ACCOUNT_PATH,
					ACCOUNT_PATH, numbers.size(), next);
	}

	/**
	 * Owned numbers {@code +1555010xxxx} with SIDs derived from their index.
	 */
	static List<String> incomingNumbers(int from, int count) {
		List<String> numbers = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			numbers.add(incomingNumber("PN%032x".formatted(i), "+1555010%04d".formatted(i)));
		}
		return numbers;
	}

	static String availableNumbers(String capabilitiesJson, String... numbers) {
		List<String> items = new ArrayList<>();
		for (String number : numbers) {
			items.add("""
					{"friendly_name": "(555) 010-%s", "phone_number": "%s", "lata": "722", "locality": "Springfield",
					 "rate_center": "SPRINGFIELD", "latitude": "37.210000", "longitude": -93.290000, "region": "MO",
					 "postal_code": "65801", "iso_country": "US", "address_requirements": "local", "beta": true,
					 "capabilities": %s}
					""".formatted(number.substring(number.length() - 4), number, capabilitiesJson));
		}
		return "{\"available_phone_numbers\": [" + String.join(",", items) + "], \"uri\": \"" + ACCOUNT_PATH
				+ "/AvailablePhoneNumbers/US/Local.json\"}";
	}

	static String account() {
		return """
				{"sid": "%s", "owner_account_sid": "%s", "friendly_name": "Acme Provisioning", "status": "active",
				 "type": "Full", "auth_token": "%s", "date_created": "Thu, 30 Jul 2015 23:19:04 +0000",
				 "date_updated": "Thu, 30 Jul 2015 23:19:04 +0000", "uri": "/2010-04-01/Accounts/%s.json"}
				""".formatted(ACCOUNT_SID, ACCOUNT_SID, AUTH_TOKEN, ACCOUNT_SID);
	}

	static String balance() {
		return "{\"account_sid\": \"%s\", \"balance\": \"20.25\", \"currency\": \"USD\"}".formatted(ACCOUNT_SID);
	}

	/**
	 * The carrier and its transport, closed together.
	 */
	record Adapter(TwilioNumberCarrier carrier, BaseUrlHttpClient http) implements AutoCloseable {

		@Override
		public void close() {
			this.http.close();
		}

	}

	static String error(int code, int status, String message) {
		return "{\"code\": %d, \"message\": \"%s\", \"more_info\": \"https://www.twilio.com/docs/errors/%d\", \"status\": %d}"
			.formatted(code, message, code, status);
	}

}
