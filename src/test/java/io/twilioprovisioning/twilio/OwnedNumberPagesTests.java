package io.twilioprovisioning.twilio;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.IncomingPhoneNumber;

import io.twilioprovisioning.numbers.OwnedNumber;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-pass reader of Twilio's owned numbers answers what twilio-java's reader and
 * {@link TwilioResources#ownedNumber} make of the same page, record by record, and
 * refuses what they refuse.
 */
class OwnedNumberPagesTests {

	private static final String ACCOUNT = "AC5a4db0c5000000000000000000000000";

	/**
	 * Every field the inventory keeps, capabilities in Twilio's upper case, GET methods.
	 */
	private static final String FULL = """
			{"account_sid": "AC5a4db0c5000000000000000000000000", "address_requirements": "none",
			 "api_version": "2010-04-01", "beta": false,
			 "capabilities": {"voice": true, "SMS": false, "MMS": true, "fax": true},
			 "date_created": "Thu, 30 Jul 2015 20:12:31 +0000", "date_updated": "Fri, 31 Jul 2015 01:02:03 +0200",
			 "emergency_status": "Active", "friendly_name": "Front desk \\"main\\"", "identity_sid": null,
			 "origin": "origin", "phone_number": "+14155550100", "sid": "PN11111111111111111111111111111111",
			 "sms_application_sid": "", "sms_fallback_method": "GET", "sms_fallback_url": "https://example.com/sms-fb",
			 "sms_method": "GET", "sms_url": "https://example.com/sms?a=1&b=2", "status_callback": "https://example.com/status",
			 "status_callback_method": "POST", "trunk_sid": null,
			 "uri": "/2010-04-01/Accounts/AC5a4db0c5000000000000000000000000/IncomingPhoneNumbers/PN11111111111111111111111111111111.json",
			 "voice_application_sid": "", "voice_caller_id_lookup": false, "voice_fallback_method": "POST",
			 "voice_fallback_url": "https://example.com/voice-fb", "voice_method": "POST",
			 "voice_url": "https://example.com/voice", "bundle_sid": null, "voice_receive_mode": "voice",
			 "status": "in-use",
			 "subresource_uris": {"assigned_add_ons": "/2010-04-01/Accounts/AC5a4db0c5000000000000000000000000/IncomingPhoneNumbers/PN11111111111111111111111111111111/AssignedAddOns.json"}}""";

	/** Blank and missing values, lower-case capabilities, a date nobody can read. */
	private static final String SPARSE = """
			{"sid": "PN22222222222222222222222222222222", "phone_number": "+447700900100", "friendly_name": "  ",
			 "capabilities": {"voice": false, "sms": true, "mms": false}, "voice_url": "", "voice_method": "PATCH",
			 "sms_url": null, "date_created": "yesterday", "extra": [1, {"nested": true}]}""";

	/** No capabilities at all, no dates. */
	private static final String BARE = """
			{"sid": "PN33333333333333333333333333333333", "phone_number": "+18005550100"}""";

	@Test
	void readsEachRecordAsTheSdksReaderAndMappingDo() {
		String page = page(List.of(FULL, SPARSE, BARE), null);
		Canned twilio = new Canned(List.of(new Response(page, 200)));

		OwnedNumberPages pages = new OwnedNumberPages(client(twilio), ACCOUNT, 3);
		List<OwnedNumber> read = pages.next();

		ObjectMapper sdkMapper = sdkMapper();
		assertThat(read).containsExactly(sdk(FULL, sdkMapper), sdk(SPARSE, sdkMapper), sdk(BARE, sdkMapper));
		assertThat(read.get(0).capabilities().sms()).isFalse();
		assertThat(read.get(0).capabilities().mms()).isTrue();
		assertThat(read.get(1).friendlyName()).isNull();
		assertThat(read.get(1).createdAt()).isNull();
		assertThat(pages.hasNext()).as("no next_page_uri: the last page").isFalse();
		assertThat(twilio.sent).singleElement().satisfies((request) -> {
			assertThat(request.getUrl()).endsWith("/2010-04-01/Accounts/" + ACCOUNT + "/IncomingPhoneNumbers.json");
			assertThat(request.getQueryParams()).containsEntry("PageSize", List.of("3"));
		});
	}

	@Test
	void followsTheNextPageUriOnlyWhenAskedForTheNextPage() {
		String nextUri = "/2010-04-01/Accounts/" + ACCOUNT
				+ "/IncomingPhoneNumbers.json?PageSize=1&Page=1&PageToken=PA1";
		Canned twilio = new Canned(
				List.of(new Response(page(List.of(FULL), nextUri), 200), new Response(page(List.of(BARE), null), 200)));
		OwnedNumberPages pages = new OwnedNumberPages(client(twilio), ACCOUNT, 1);

		assertThat(pages.next()).hasSize(1);
		assertThat(twilio.sent).hasSize(1);
		assertThat(pages.hasNext()).isTrue();
		assertThat(pages.next()).extracting(OwnedNumber::sid).containsExactly("PN33333333333333333333333333333333");

		assertThat(twilio.sent.get(1).getUrl()).isEqualTo("https://api.twilio.com" + nextUri);
		assertThat(pages.hasNext()).isFalse();
	}

	@Test
	void aRefusalIsTheSdksApiExceptionWithTwilioCode() {
		Canned twilio = new Canned(List.of(new Response(
				"{\"code\": 20404, \"message\": \"The requested resource was not found\", \"more_info\": \"https://www.twilio.com/docs/errors/20404\", \"status\": 404}",
				404)));

		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new OwnedNumberPages(client(twilio), ACCOUNT, 50).next())
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(20404);
				assertThat(ex.getStatusCode()).isEqualTo(404);
			});
	}

	@Test
	void anAnswerThatIsNotTwilioJsonIsRefusedLikeTheSdkRefusesIt() {
		assertThatExceptionOfType(ApiException.class).isThrownBy(
				() -> new OwnedNumberPages(client(new Canned(List.of(new Response("<html>Bad gateway</html>", 502)))),
						ACCOUNT, 50)
					.next());
		assertThatExceptionOfType(ApiConnectionException.class).isThrownBy(() -> new OwnedNumberPages(
				client(new Canned(List.of(new Response("{\"incoming_phone_numbers\": [", 200)))), ACCOUNT, 50)
			.next());
		assertThatExceptionOfType(ApiException.class)
			.isThrownBy(() -> new OwnedNumberPages(
					client(new Canned(List.of(new Response(
							page(List.of("{\"sid\": \"PN1\", \"phone_number\": \"4155550100\"}"), null), 200)))),
					ACCOUNT, 50)
				.next())
			.withMessageContaining("not in E.164 form");
	}

	/**
	 * Dates in the shape Twilio writes are read field by field; the answer is always the
	 * one twilio-java's pattern gives, for valid dates across years and offsets and for
	 * texts the pattern reads otherwise or not at all.
	 */
	@Test
	void readsEveryDateAsTheSdksPatternDoes() {
		java.time.format.DateTimeFormatter pattern = java.time.format.DateTimeFormatter
			.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", java.util.Locale.US);
		java.util.Random random = new java.util.Random(26);
		List<String> texts = new ArrayList<>();
		for (int i = 0; i < 20_000; i++) {
			java.time.Instant instant = java.time.Instant
				.ofEpochSecond(random.nextLong(-2_000_000_000L, 8_000_000_000L));
			java.time.ZoneOffset offset = java.time.ZoneOffset
				.ofTotalSeconds((random.nextInt(-18 * 4, 18 * 4 + 1)) * 900);
			texts.add(pattern.format(instant.atOffset(offset)));
		}
		texts.addAll(List.of("Thu, 30 Jul 2015 20:12:31 +0000", "Fri, 30 Jul 2015 20:12:31 +0000",
				"Sat, 31 Feb 2015 20:12:31 +0000", "Sat, 28 Feb 2015 20:12:31 +0000", "Sun, 29 Feb 2015 20:12:31 +0000",
				"Thu, 30 Jul 2015 24:00:00 +0000", "Thu, 30 Jul 2015 20:12:60 +0000", "Thu, 30 Jul 2015 20:12:31 +1830",
				"Thu, 30 Jul 2015 20:12:31 -1800", "Thu, 30 Jul 2015 20:12:31 +0060", "thu, 30 jul 2015 20:12:31 +0000",
				"Thu, 30 Jux 2015 20:12:31 +0000", "Thu, 3O Jul 2015 20:12:31 +0000", "Thu, 30 Jul 2015 20:12:31 Z",
				"Thu, 30 Jul 2015 20:12:31 +00:00", "Thu,  30 Jul 2015 20:12:31 +0000",
				"Wed, 01 Jan 0000 00:00:00 +0000", "Thu, 30 Jul 12015 20:12:31 +0000", "2015-07-30T20:12:31Z", "",
				"yesterday"));

		for (String text : texts) {
			java.time.Instant expected;
			try {
				expected = java.time.ZonedDateTime.parse(text, pattern).toInstant();
			}
			catch (java.time.format.DateTimeParseException ex) {
				expected = null;
			}
			assertThat(OwnedNumberPages.instant(text)).as(text).isEqualTo(expected);
		}
	}

	private static OwnedNumber sdk(String record, ObjectMapper mapper) {
		return TwilioResources.ownedNumber(IncomingPhoneNumber.fromJson(record, mapper));
	}

	/** The mapper {@link TwilioEndpoint} gives the SDK. */
	private static ObjectMapper sdkMapper() {
		return JsonMapper.builder()
			.addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
			.enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
			.build();
	}

	private static TwilioRestClient client(HttpClient http) {
		return new TwilioRestClient.Builder(ACCOUNT, "token").httpClient(http).objectMapper(sdkMapper()).build();
	}

	private static String page(List<String> records, String nextPageUri) {
		return """
				{"end": 0, "first_page_uri": "/x", "incoming_phone_numbers": [%s], "next_page_uri": %s,
				 "page": 0, "page_size": 50, "previous_page_uri": null, "start": 0, "uri": "/x"}"""
			.formatted(String.join(", ", records), (nextPageUri != null) ? "\"" + nextPageUri + "\"" : "null");
	}

	/**
	 * Answers the requests with the responses given, in turn, and keeps the requests.
	 */
	private static final class Canned extends HttpClient {

		private final List<Response> answers;

		private final List<Request> sent = new ArrayList<>();

		Canned(List<Response> answers) {
			this.answers = answers;
		}

		@Override
		public Response makeRequest(Request request) {
			this.sent.add(request);
			return this.answers.get(this.sent.size() - 1);
		}

		@Override
		public Response reliableRequest(Request request) {
			return makeRequest(request);
		}

		@Override
		public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
			return makeRequest(request);
		}

	}

}
