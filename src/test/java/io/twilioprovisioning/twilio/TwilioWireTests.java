package io.twilioprovisioning.twilio;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.twilioprovisioning.numbers.AccountBalance;
import io.twilioprovisioning.numbers.AccountInfo;
import io.twilioprovisioning.numbers.AddressRequirement;
import io.twilioprovisioning.numbers.AvailableNumber;
import io.twilioprovisioning.numbers.Capabilities;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.SearchCriteria;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import io.twilioprovisioning.twilio.FakeTwilioServer.Recorded;
import io.twilioprovisioning.twilio.FakeTwilioServer.Reply;
import io.twilioprovisioning.twilio.TwilioFixtures.Adapter;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_PATH;
import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.API_KEY;
import static io.twilioprovisioning.twilio.TwilioFixtures.API_SECRET;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static io.twilioprovisioning.twilio.TwilioFixtures.PN_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.basicAuth;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pins what goes over the wire for each carrier operation: method, path, query or form
 * fields and the Basic auth header, as docs/twilio-notes.md describes Twilio's 2010-04-01
 * API, and how Twilio's answers become the port's records.
 */
class TwilioWireTests {

	private static final WebhookConfig WEBHOOKS = new WebhookConfig("https://app.example.com/voice", WebhookMethod.POST,
			"https://app.example.com/voice-fallback", "https://app.example.com/sms", WebhookMethod.GET,
			"https://app.example.com/sms-fallback", "https://app.example.com/status");

	private FakeTwilioServer twilio;

	private Adapter adapter;

	@BeforeEach
	void start() {
		this.twilio = FakeTwilioServer.start();
		this.adapter = TwilioFixtures.adapter(TwilioFixtures.properties(this.twilio.baseUrl()));
	}

	@AfterEach
	void stop() {
		this.adapter.close();
		this.twilio.close();
	}

	@Test
	void searchLocalSendsEveryFilterAsQueryParameters() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.availableNumbers(
				"{\"voice\": true, \"SMS\": true, \"MMS\": false, \"fax\": false}", "+15550100001", "+15550100002")));
		SearchCriteria criteria = new SearchCriteria("us", NumberType.LOCAL, "415", "555*01", "MO", "Springfield",
				"65801", new E164Number("+14155550100"), true, false, true, true, 5);

		List<AvailableNumber> numbers = this.adapter.carrier().search(criteria);

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/AvailablePhoneNumbers/US/Local.json");
		assertThat(request.authorization()).isEqualTo(basicAuth(ACCOUNT_SID, AUTH_TOKEN));
		assertThat(request.query()).containsOnlyKeys("AreaCode", "Contains", "InRegion", "InLocality", "InPostalCode",
				"NearNumber", "SmsEnabled", "MmsEnabled", "VoiceEnabled", "ExcludeAllAddressRequired", "PageSize");
		assertThat(request.queryParam("AreaCode")).isEqualTo("415");
		assertThat(request.queryParam("Contains")).isEqualTo("555*01");
		assertThat(request.queryParam("InRegion")).isEqualTo("MO");
		assertThat(request.queryParam("InLocality")).isEqualTo("Springfield");
		assertThat(request.queryParam("InPostalCode")).isEqualTo("65801");
		assertThat(request.queryParam("NearNumber")).isEqualTo("+14155550100");
		assertThat(request.rawQuery()).contains("NearNumber=%2B14155550100");
		assertThat(request.queryParam("SmsEnabled")).isEqualTo("true");
		assertThat(request.queryParam("MmsEnabled")).isEqualTo("false");
		assertThat(request.queryParam("VoiceEnabled")).isEqualTo("true");
		assertThat(request.queryParam("ExcludeAllAddressRequired")).isEqualTo("true");
		assertThat(request.queryParam("PageSize")).isEqualTo("5");

		assertThat(numbers).hasSize(2);
		assertThat(numbers.get(0))
			.isEqualTo(new AvailableNumber(new E164Number("+15550100001"), "(555) 010-0001", "Springfield", "MO",
					"65801", "US", new Capabilities(true, true, false, false), AddressRequirement.LOCAL, true));
	}

	@Test
	void searchWithoutFiltersSendsOnlyThePageSize() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.availableNumbers("{}")));

		assertThat(this.adapter.carrier().search(SearchCriteria.local("US"))).isEmpty();

		assertThat(this.twilio.onlyRequest().query()).containsOnlyKeys("PageSize");
		assertThat(this.twilio.onlyRequest().queryParam("PageSize")).isEqualTo("20");
	}

	@Test
	void searchTollFreeUsesTheTollFreePathAndReadsLowerCaseCapabilities() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures
			.availableNumbers("{\"voice\": false, \"sms\": true, \"mms\": true, \"fax\": true}", "+18005550100")));
		SearchCriteria criteria = new SearchCriteria("US", NumberType.TOLL_FREE, "800", null, null, null, null, null,
				true, null, null, false, 3);

		List<AvailableNumber> numbers = this.adapter.carrier().search(criteria);

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/AvailablePhoneNumbers/US/TollFree.json");
		assertThat(request.query()).containsOnlyKeys("AreaCode", "SmsEnabled", "PageSize");
		assertThat(request.queryParam("AreaCode")).isEqualTo("800");
		assertThat(request.queryParam("PageSize")).isEqualTo("3");
		assertThat(numbers).singleElement()
			.extracting(AvailableNumber::capabilities)
			.isEqualTo(new Capabilities(false, true, true, true));
	}

	@Test
	void searchMobileUsesTheMobilePathForTheCountry() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.availableNumbers("{\"voice\": true}", "+447700900123")));
		SearchCriteria criteria = new SearchCriteria("gb", NumberType.MOBILE, null, "900", null, null, null, null, null,
				null, true, false, 10);

		List<AvailableNumber> numbers = this.adapter.carrier().search(criteria);

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/AvailablePhoneNumbers/GB/Mobile.json");
		assertThat(request.query()).containsOnlyKeys("Contains", "VoiceEnabled", "PageSize");
		assertThat(numbers).extracting(AvailableNumber::phoneNumber).containsExactly(new E164Number("+447700900123"));
		assertThat(numbers.get(0).capabilities()).isEqualTo(new Capabilities(true, false, false, false));
	}

	@Test
	void searchReadsOnlyTheFirstPageAndAtMostTheLimit() {
		String page = TwilioFixtures.availableNumbers("{}", "+15550100001", "+15550100002", "+15550100003")
			.replace("\"uri\"", "\"next_page_uri\": \"" + ACCOUNT_PATH
					+ "/AvailablePhoneNumbers/US/Local.json?PageSize=2&Page=1\", \"uri\"");
		this.twilio.enqueue(Reply.json(200, page));

		List<AvailableNumber> numbers = this.adapter.carrier().search(SearchCriteria.local("US").withLimit(2));

		assertThat(numbers).hasSize(2);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void purchaseByNumberPostsTheNumberNameAndWebhooksInOneCall() {
		this.twilio.enqueue(Reply.json(201, TwilioFixtures.incomingNumber()));

		OwnedNumber number = this.adapter.carrier()
			.purchase(PurchaseOrder.number(new E164Number("+15005550006"), "Acme main line", WEBHOOKS));

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers.json");
		assertThat(request.rawQuery()).isNull();
		assertThat(request.authorization()).isEqualTo(basicAuth(ACCOUNT_SID, AUTH_TOKEN));
		assertThat(request.contentType()).startsWith("application/x-www-form-urlencoded");
		assertThat(request.body()).contains("PhoneNumber=%2B15005550006");
		assertThat(request.form()).containsOnlyKeys("PhoneNumber", "FriendlyName", "VoiceUrl", "VoiceMethod",
				"VoiceFallbackUrl", "SmsUrl", "SmsMethod", "SmsFallbackUrl", "StatusCallback");
		assertThat(request.formParam("PhoneNumber")).isEqualTo("+15005550006");
		assertThat(request.formParam("FriendlyName")).isEqualTo("Acme main line");
		assertThat(request.formParam("VoiceUrl")).isEqualTo("https://app.example.com/voice");
		assertThat(request.formParam("VoiceMethod")).isEqualTo("POST");
		assertThat(request.formParam("VoiceFallbackUrl")).isEqualTo("https://app.example.com/voice-fallback");
		assertThat(request.formParam("SmsUrl")).isEqualTo("https://app.example.com/sms");
		assertThat(request.formParam("SmsMethod")).isEqualTo("GET");
		assertThat(request.formParam("SmsFallbackUrl")).isEqualTo("https://app.example.com/sms-fallback");
		assertThat(request.formParam("StatusCallback")).isEqualTo("https://app.example.com/status");

		assertThat(number.sid()).isEqualTo(PN_SID);
		assertThat(number.phoneNumber()).isEqualTo(new E164Number("+15005550006"));
		assertThat(number.friendlyName()).isEqualTo("Acme main line");
		assertThat(number.capabilities()).isEqualTo(new Capabilities(true, true, false, false));
		assertThat(number.webhooks()).isEqualTo(new WebhookConfig("https://app.example.com/webhooks/twilio/voice",
				WebhookMethod.POST, null, "https://app.example.com/webhooks/twilio/sms", WebhookMethod.GET, null,
				"https://app.example.com/webhooks/twilio/status"));
		assertThat(number.createdAt()).isEqualTo(Instant.parse("2015-07-30T23:19:04Z"));
		assertThat(number.updatedAt()).isEqualTo(Instant.parse("2015-07-31T08:00:00Z"));
	}

	@Test
	void purchaseByAreaCodeSendsTheAreaCodeAndNoNumber() {
		this.twilio.enqueue(Reply.json(201, TwilioFixtures.incomingNumber()));

		this.adapter.carrier().purchase(PurchaseOrder.areaCode("500", null, WebhookConfig.NONE));

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers.json");
		assertThat(request.form()).containsOnlyKeys("AreaCode");
		assertThat(request.formParam("AreaCode")).isEqualTo("500");
	}

	@Test
	void fetchGetsTheNumberBySid() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingNumber()));

		Optional<OwnedNumber> number = this.adapter.carrier().fetch(PN_SID);

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers/" + PN_SID + ".json");
		assertThat(request.rawQuery()).isNull();
		assertThat(request.authorization()).isEqualTo(basicAuth(ACCOUNT_SID, AUTH_TOKEN));
		assertThat(number).get().extracting(OwnedNumber::sid).isEqualTo(PN_SID);
	}

	@Test
	void findByPhoneNumberFiltersTheListAndKeepsOnlyTheExactMatch() {
		this.twilio
			.enqueue(Reply.json(200,
					TwilioFixtures.incomingList(List.of(
							TwilioFixtures.incomingNumber("PN0000000000000000000000000000000a", "+150055500061"),
							TwilioFixtures.incomingNumber()), null)));

		Optional<OwnedNumber> number = this.adapter.carrier().findByPhoneNumber(new E164Number("+15005550006"));

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers.json");
		assertThat(request.rawQuery()).contains("PhoneNumber=%2B15005550006");
		assertThat(request.queryParam("PhoneNumber")).isEqualTo("+15005550006");
		assertThat(request.queryParam("PageSize")).isEqualTo("50");
		assertThat(number).get().extracting(OwnedNumber::sid).isEqualTo(PN_SID);
	}

	@Test
	void findByPhoneNumberIsEmptyWhenOnlyPartialMatchesComeBack() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingList(
				List.of(TwilioFixtures.incomingNumber("PN0000000000000000000000000000000a", "+150055500061")), null)));

		assertThat(this.adapter.carrier().findByPhoneNumber(new E164Number("+15005550006"))).isEmpty();
	}

	@Test
	void updateSendsOnlyTheFieldsThatChange() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingNumber()));
		WebhookConfig sms = new WebhookConfig(null, null, null, "https://app.example.com/sms", WebhookMethod.POST, null,
				null);

		OwnedNumber number = this.adapter.carrier().update(PN_SID, new NumberUpdate("Renamed", sms));

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers/" + PN_SID + ".json");
		assertThat(request.form()).containsOnlyKeys("FriendlyName", "SmsUrl", "SmsMethod");
		assertThat(request.formParam("FriendlyName")).isEqualTo("Renamed");
		assertThat(request.formParam("SmsUrl")).isEqualTo("https://app.example.com/sms");
		assertThat(request.formParam("SmsMethod")).isEqualTo("POST");
		assertThat(number.sid()).isEqualTo(PN_SID);
	}

	@Test
	void updateOfAFallbackAloneSendsTheCurrentPrimaryUrlWithIt() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingNumber()),
				Reply.json(200, TwilioFixtures.incomingNumber()));
		WebhookConfig fallback = new WebhookConfig(null, null, "https://app.example.com/voice-fallback", null, null,
				null, null);

		this.adapter.carrier().update(PN_SID, new NumberUpdate(null, fallback));

		List<Recorded> requests = this.twilio.requests();
		assertThat(requests).extracting(Recorded::method).containsExactly("GET", "POST");
		assertThat(requests.get(1).form()).containsOnlyKeys("VoiceUrl", "VoiceFallbackUrl");
		assertThat(requests.get(1).formParam("VoiceUrl")).isEqualTo("https://app.example.com/webhooks/twilio/voice");
		assertThat(requests.get(1).formParam("VoiceFallbackUrl")).isEqualTo("https://app.example.com/voice-fallback");
	}

	@Test
	void releaseDeletesTheNumber() {
		this.twilio.enqueue(Reply.noContent());

		boolean released = this.adapter.carrier().release(PN_SID);

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("DELETE");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers/" + PN_SID + ".json");
		assertThat(request.authorization()).isEqualTo(basicAuth(ACCOUNT_SID, AUTH_TOKEN));
		assertThat(released).isTrue();
	}

	@Test
	void listOwnedFollowsTheRelativeNextPageUriOnlyAsTheStreamIsConsumed() {
		String next = ACCOUNT_PATH + "/IncomingPhoneNumbers.json?PageSize=2&Page=1&PageToken=PAabc";
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingList(TwilioFixtures.incomingNumbers(0, 2), next)),
				Reply.json(200, TwilioFixtures.incomingList(TwilioFixtures.incomingNumbers(2, 1), null)));

		try (Stream<OwnedNumber> owned = this.adapter.carrier().listOwned(2)) {
			assertThat(this.twilio.requests()).isEmpty();
			Iterator<OwnedNumber> numbers = owned.iterator();
			assertThat(numbers.next().phoneNumber()).isEqualTo(new E164Number("+15550100000"));
			assertThat(numbers.next().phoneNumber()).isEqualTo(new E164Number("+15550100001"));
			assertThat(this.twilio.requests()).hasSize(1);
			assertThat(numbers.next().phoneNumber()).isEqualTo(new E164Number("+15550100002"));
			assertThat(numbers.hasNext()).isFalse();
		}

		List<Recorded> requests = this.twilio.requests();
		assertThat(requests).hasSize(2);
		assertThat(requests.get(0).path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers.json");
		assertThat(requests.get(0).rawQuery()).isEqualTo("PageSize=2");
		assertThat(requests.get(1).method()).isEqualTo("GET");
		assertThat(requests.get(1).path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers.json");
		assertThat(requests.get(1).rawQuery()).isEqualTo("PageSize=2&Page=1&PageToken=PAabc");
		assertThat(requests.get(1).authorization()).isEqualTo(basicAuth(ACCOUNT_SID, AUTH_TOKEN));
	}

	@Test
	void accountFetchesTheConfiguredAccount() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.account()));

		AccountInfo account = this.adapter.carrier().account();

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + ".json");
		assertThat(account).isEqualTo(new AccountInfo(ACCOUNT_SID, "Acme Provisioning", "active", "Full"));
	}

	@Test
	void balanceFetchesTheAccountBalanceAsADecimal() {
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.balance()));

		AccountBalance balance = this.adapter.carrier().balance();

		Recorded request = this.twilio.onlyRequest();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/Balance.json");
		assertThat(balance).isEqualTo(new AccountBalance(new BigDecimal("20.25"), "USD"));
	}

	@Test
	void apiKeyAuthenticatesWithTheKeyButKeepsTheAccountInThePath() {
		try (Adapter keyed = TwilioFixtures.adapter(TwilioFixtures.apiKeyProperties(this.twilio.baseUrl()))) {
			this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingNumber()));

			keyed.carrier().fetch(PN_SID);

			Recorded request = this.twilio.onlyRequest();
			assertThat(request.authorization()).isEqualTo(basicAuth(API_KEY, API_SECRET));
			assertThat(request.path()).isEqualTo(ACCOUNT_PATH + "/IncomingPhoneNumbers/" + PN_SID + ".json");
		}
	}

	@Test
	void aBaseUrlWithAPathPrefixesEveryRequestIncludingNextPages() {
		URI prefixed = URI.create(this.twilio.baseUrl() + "/sandbox/twilio/");
		String next = ACCOUNT_PATH + "/IncomingPhoneNumbers.json?PageSize=1&Page=1&PageToken=PAdef";
		this.twilio.enqueue(Reply.json(200, TwilioFixtures.incomingList(TwilioFixtures.incomingNumbers(0, 1), next)),
				Reply.json(200, TwilioFixtures.incomingList(List.of(), null)));

		try (Adapter sandboxLike = TwilioFixtures.adapter(TwilioFixtures.properties(prefixed));
				Stream<OwnedNumber> owned = sandboxLike.carrier().listOwned(1)) {
			assertThat(owned).hasSize(1);
		}

		assertThat(this.twilio.requests()).extracting(Recorded::path)
			.containsExactly("/sandbox/twilio" + ACCOUNT_PATH + "/IncomingPhoneNumbers.json",
					"/sandbox/twilio" + ACCOUNT_PATH + "/IncomingPhoneNumbers.json");
		assertThat(this.twilio.lastRequest().rawQuery()).isEqualTo("PageSize=1&Page=1&PageToken=PAdef");
	}

}
