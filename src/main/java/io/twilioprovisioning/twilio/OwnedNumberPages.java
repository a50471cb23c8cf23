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
 * {@link TwilioRestClient} (its credentials, host, retries and limits) and makes each
 * {@link OwnedNumber} with {@link TwilioResources#ownedNumber}, as the SDK's resource is
 * made into one; a refusal becomes the SDK's {@link ApiException} as its reader raises
 * it.
 */
final class OwnedNumberPages implements Iterator<List<OwnedNumber>> {

	private static final String RECORDS = "incoming_phone_numbers";

	/** What twilio-java parses Twilio's RFC 2822 dates with. */
	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
			Locale.US);

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
		WebhookConfig webhooks = new WebhookConfig(TwilioResources.blankToNull(voiceUrl), method(voiceMethod),
				TwilioResources.blankToNull(voiceFallbackUrl), TwilioResources.blankToNull(smsUrl), method(smsMethod),
				TwilioResources.blankToNull(smsFallbackUrl), TwilioResources.blankToNull(statusCallback));
		return TwilioResources.ownedNumber(sid, phoneNumber, friendlyName,
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

	/**
	 * A date as twilio-java reads it: {@code Thu, 30 Jul 2015 20:12:31 +0000} by its
	 * pattern, {@code null} when that pattern cannot read it. The shape Twilio writes is
	 * read field by field (the pattern's parser was a third of the listing's time), and
	 * anything else (another shape, a day that is not in the month, a weekday that is not
	 * the date's) is left to the pattern, so the answer is the pattern's.
	 */
	static Instant instant(String text) {
		if (text == null) {
			return null;
		}
		Instant fast = rfc2822(text);
		if (fast != null) {
			return fast;
		}
		try {
			return ZonedDateTime.parse(text, RFC_2822).toInstant();
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

	/**
	 * {@code EEE, dd MMM yyyy HH:mm:ss +HHMM} read without a parser, or {@code null} when
	 * the text is not exactly that with a valid date whose weekday it names.
	 */
	private static Instant rfc2822(String text) {
		if (text.length() != 31 || text.charAt(3) != ',' || text.charAt(4) != ' ' || text.charAt(7) != ' '
				|| text.charAt(11) != ' ' || text.charAt(16) != ' ' || text.charAt(19) != ':' || text.charAt(22) != ':'
				|| text.charAt(25) != ' ' || (text.charAt(26) != '+' && text.charAt(26) != '-')) {
			return null;
		}
		int monthAt = MONTHS.indexOf(text.substring(8, 11));
		int day = digits(text, 5, 7);
		int year = digits(text, 12, 16);
		int hour = digits(text, 17, 19);
		int minute = digits(text, 20, 22);
		int second = digits(text, 23, 25);
		int offsetHours = digits(text, 27, 29);
		int offsetMinutes = digits(text, 29, 31);
		// digits() answers -1 for a non-digit
		if (monthAt < 0 || monthAt % 3 != 0 || year < 1 || day < 1 || hour < 0 || hour > 23 || minute < 0 || minute > 59
				|| second < 0 || second > 59 || offsetHours < 0 || offsetMinutes < 0 || offsetMinutes > 59
				|| offsetHours * 60 + offsetMinutes > 18 * 60) {
			return null;
		}
		int month = monthAt / 3 + 1;
		if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
			return null;
		}
		java.time.LocalDate date = java.time.LocalDate.of(year, month, day);
		if (!text.startsWith(WEEKDAYS[date.getDayOfWeek().ordinal()])) {
			return null;
		}
		int sign = (text.charAt(26) == '-') ? -1 : 1;
		long local = date.toEpochDay() * 86_400L + hour * 3_600L + minute * 60L + second;
		return Instant.ofEpochSecond(local - sign * (offsetHours * 3_600L + offsetMinutes * 60L));
	}

	private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";

	private static final String[] WEEKDAYS = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	/**
	 * The decimal number in {@code text[from, to)}, or -1 when a character is no digit.
	 */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static void expect(JsonToken actual, JsonToken expected) throws IOException {
		if (actual != expected) {
			throw new IOException("Expected " + expected + " but found " + actual);
		}
	}

}
