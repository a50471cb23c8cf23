package io.twilioprovisioning.twilio;

import java.io.IOException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.RestException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.Domains;

import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;

/**
 * The numbers an account owns ({@code GET
 * /2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json}), page after page, each page read
 * in one pass over its JSON (ADR 0036).
 * <p>
 * twilio-java's reader parses a page into a tree, prints each record back to text and
 * parses that again into its resource class: three passes, three quarters of the time an
 * adopt job's listing took. This sends the same requests through the same
 * {@link TwilioRestClient} (its credentials, host, retries and limits) and answers the
 * same {@link OwnedNumber}s as {@link TwilioResources#ownedNumber} makes of the SDK's
 * resource; a refusal becomes the SDK's {@link ApiException} as its reader raises it.
 */
final class OwnedNumberPages implements Iterator<List<OwnedNumber>> {

	private static final String RECORDS = "incoming_phone_numbers";

	/** What twilio-java parses Twilio's RFC 2822 dates with. */
	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
			Locale.US);

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

	private final TwilioRestClient client;

	private final JsonFactory json;

	private Request next;

	/**
	 * @param client the client the requests go through
	 * @param accountSid the account whose numbers are listed
	 * @param pageSize numbers per page, 1 to 1,000
	 */
	OwnedNumberPages(TwilioRestClient client, String accountSid, int pageSize) {
		this.client = client;
		this.json = client.getObjectMapper().getFactory();
		this.next = new Request(HttpMethod.GET, Domains.API.toString(),
				"/2010-04-01/Accounts/" + accountSid + "/IncomingPhoneNumbers.json");
		this.next.addQueryParam("PageSize", Integer.toString(pageSize));
	}

	@Override
	public boolean hasNext() {
		return this.next != null;
	}

	/**
	 * Asks Twilio for the next page and reads it.
	 * @throws ApiException when Twilio refused, as twilio-java's reader throws it
	 * @throws ApiConnectionException when Twilio could not be reached or its answer could
	 * not be read
	 */
	@Override
	public List<OwnedNumber> next() {
		if (this.next == null) {
			throw new NoSuchElementException("No page after the last");
		}
		Response response = this.client.request(this.next);
		if (response == null) {
			throw new ApiConnectionException("IncomingPhoneNumber read failed: Unable to connect to server");
		}
		if (!TwilioRestClient.SUCCESS.test(response.getStatusCode())) {
			RestException refusal = RestException.fromJson(response.getStream(), this.client.getObjectMapper());
			if (refusal == null) {
				throw new ApiException("Server Error, no content", response.getStatusCode());
			}
			throw new ApiException(refusal);
		}
		List<OwnedNumber> numbers = new ArrayList<>();
		String nextPageUri = null;
		String body = response.getContent();
		if (body == null) {
			throw new ApiConnectionException("Unable to deserialize response: no content");
		}
		try (JsonParser parser = this.json.createParser(body)) {
			expect(parser.nextToken(), JsonToken.START_OBJECT);
			while (parser.nextToken() == JsonToken.FIELD_NAME) {
				String field = parser.currentName();
				JsonToken value = parser.nextToken();
				if (RECORDS.equals(field) && value == JsonToken.START_ARRAY) {
					while (parser.nextToken() == JsonToken.START_OBJECT) {
						numbers.add(number(parser));
					}
				}
				else if ("next_page_uri".equals(field) && value == JsonToken.VALUE_STRING) {
					nextPageUri = parser.getText();
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (IOException ex) {
			throw new ApiConnectionException("Unable to deserialize response: " + ex.getMessage(), ex);
		}
		this.next = (nextPageUri != null && !nextPageUri.isBlank())
				? new Request(HttpMethod.GET, "https://" + Domains.API + ".twilio.com" + nextPageUri) : null;
		return numbers;
	}

	/**
	 * One listed number, the parser on its opening brace; leaves it on the closing one.
	 */
	private static OwnedNumber number(JsonParser parser) throws IOException {
		String sid = null;
		String phoneNumber = null;
		String friendlyName = null;
		boolean[] capabilities = null;
		String voiceUrl = null;
		String voiceMethod = null;
		String voiceFallbackUrl = null;
		String smsUrl = null;
		String smsMethod = null;
		String smsFallbackUrl = null;
		String statusCallback = null;
		String dateCreated = null;
		String dateUpdated = null;
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String field = parser.currentName();
			JsonToken value = parser.nextToken();
			if (value == JsonToken.START_OBJECT && "capabilities".equals(field)) {
				capabilities = capabilities(parser);
				continue;
			}
			if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
				parser.skipChildren();
				continue;
			}
			String text = (value == JsonToken.VALUE_NULL) ? null : parser.getText();
			switch (field) {
				case "sid" -> sid = text;
				case "phone_number" -> phoneNumber = text;
				case "friendly_name" -> friendlyName = text;
				case "voice_url" -> voiceUrl = text;
				case "voice_method" -> voiceMethod = text;
				case "voice_fallback_url" -> voiceFallbackUrl = text;
				case "sms_url" -> smsUrl = text;
				case "sms_method" -> smsMethod = text;
				case "sms_fallback_url" -> smsFallbackUrl = text;
				case "status_callback" -> statusCallback = text;
				case "date_created" -> dateCreated = text;
				case "date_updated" -> dateUpdated = text;
				default -> {
					// a field the inventory does not keep
				}
			}
		}
		if (phoneNumber == null || !E164.matcher(phoneNumber).matches()) {
			throw new ApiException("Twilio answered an owned number that is not in E.164 form");
		}
		WebhookConfig webhooks = new WebhookConfig(blankToNull(voiceUrl), method(voiceMethod),
				blankToNull(voiceFallbackUrl), blankToNull(smsUrl), method(smsMethod), blankToNull(smsFallbackUrl),
				blankToNull(statusCallback));
		return new OwnedNumber(sid, new E164Number(phoneNumber), blankToNull(friendlyName),
				(capabilities != null)
						? new Capabilities(capabilities[0], capabilities[1], capabilities[2], capabilities[3])
						: Capabilities.NONE,
				webhooks, instant(dateCreated), instant(dateUpdated));
	}

	/**
	 * Voice, SMS, MMS and fax, whatever the case of their names (Twilio writes
	 * {@code sms} here and {@code SMS} in its available numbers; twilio-java matches them
	 * without case).
	 */
	private static boolean[] capabilities(JsonParser parser) throws IOException {
		boolean[] flags = new boolean[4];
		while (parser.nextToken() == JsonToken.FIELD_NAME) {
			String name = parser.currentName().toLowerCase(Locale.ROOT);
			JsonToken value = parser.nextToken();
			if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
				parser.skipChildren();
				continue;
			}
			boolean on = value == JsonToken.VALUE_TRUE;
			switch (name) {
				case "voice" -> flags[0] = on;
				case "sms" -> flags[1] = on;
				case "mms" -> flags[2] = on;
				case "fax" -> flags[3] = on;
				default -> {
					// a capability the inventory does not keep
				}
			}
		}
		return flags;
	}

	private static WebhookMethod method(String text) {
		if ("GET".equalsIgnoreCase(text)) {
			return WebhookMethod.GET;
		}
		return "POST".equalsIgnoreCase(text) ? WebhookMethod.POST : null;
	}

	/** A date twilio-java cannot read is {@code null} there too. */
	private static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		try {
			return ZonedDateTime.parse(text, RFC_2822).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static void expect(JsonToken actual, JsonToken expected) throws IOException {
		if (actual != expected) {
			throw new IOException("Expected " + expected + " but found " + actual);
		}
	}

}
