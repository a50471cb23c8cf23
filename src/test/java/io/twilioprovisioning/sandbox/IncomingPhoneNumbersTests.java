package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class IncomingPhoneNumbersTests extends StandaloneEmulatorTest {

	@Test
	void fetchAnswersTheOwnedNumber() {
		String sid = buy("PhoneNumber", "+12065550111", "FriendlyName", "seattle").text("sid");

		EmulatorClient.Reply reply = this.client.get(number(sid));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("sid")).isEqualTo(sid);
		assertThat(reply.text("phone_number")).isEqualTo("+12065550111");
		assertThat(reply.text("friendly_name")).isEqualTo("seattle");
	}

	@Test
	void fetchOfAnUnknownSidIs404With20404() {
		EmulatorClient.Reply reply = this.client.get(number("PN" + "0".repeat(32)));

		assertError(reply, 404, 20404);
		assertThat(reply.text("message")).contains("/IncomingPhoneNumbers/PN");
	}

	@Test
	void updateChangesOnlyTheFieldsSent() {
		String sid = buy("PhoneNumber", "+12065550112", "VoiceUrl", "https://example.test/voice", "FriendlyName",
				"before")
			.text("sid");

		EmulatorClient.Reply reply = this.client.post(number(sid), "SmsUrl", "https://example.test/sms", "SmsMethod",
				"GET");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("sms_url")).isEqualTo("https://example.test/sms");
		assertThat(reply.text("sms_method")).isEqualTo("GET");
		assertThat(reply.text("voice_url")).isEqualTo("https://example.test/voice");
		assertThat(reply.text("friendly_name")).isEqualTo("before");
		assertThat(this.emulator.owned(sid)).hasValueSatisfying((owned) -> {
			assertThat(owned.smsUrl()).isEqualTo("https://example.test/sms");
			assertThat(owned.voiceUrl()).isEqualTo("https://example.test/voice");
		});
	}

	@Test
	void updateWithAnEmptyValueClearsTheUrl() {
		String sid = buy("PhoneNumber", "+12065550113", "VoiceUrl", "https://example.test/voice", "StatusCallback",
				"https://example.test/status")
			.text("sid");

		EmulatorClient.Reply reply = this.client.post(number(sid), "VoiceUrl", "", "FriendlyName", "renamed");

		assertThat(reply.json().get("voice_url").isNull()).isTrue();
		assertThat(reply.text("status_callback")).isEqualTo("https://example.test/status");
		assertThat(reply.text("friendly_name")).isEqualTo("renamed");
		assertThat(this.emulator.owned(sid).orElseThrow().voiceUrl()).isNull();
	}

	@Test
	void updateIgnoresPhoneNumberAndRefusesTransfersToUnrelatedAccounts() {
		String sid = buy("PhoneNumber", "+12065550114").text("sid");

		assertThat(this.client.post(number(sid), "PhoneNumber", "+12065550115").text("phone_number"))
			.isEqualTo("+12065550114");
		assertError(this.client.post(number(sid), "AccountSid", "AC" + "1".repeat(32)), 400, 21473);
	}

	@Test
	void updateOfAnUnknownSidIs404() {
		assertError(this.client.post(number("PN" + "1".repeat(32)), "FriendlyName", "x"), 404, 20404);
	}

	@Test
	void deleteAnswers204AndReleasesTheNumber() {
		String sid = buy("PhoneNumber", "+12065550116").text("sid");

		EmulatorClient.Reply reply = this.client.delete(number(sid));

		assertThat(reply.status()).isEqualTo(204);
		assertThat(reply.body()).isEmpty();
		assertThat(this.emulator.owned(sid)).isEmpty();
		assertThat(this.emulator.ownedByNumber("+12065550116")).isEmpty();
		assertError(this.client.get(number(sid)), 404, 20404);
		assertError(this.client.delete(number(sid)), 404, 20404);
	}

	@Test
	void listPagesThroughEveryNumberWithRelativeNextPageUris() {
		this.emulator.preload(2_500);
		Set<String> seen = new HashSet<>();
		List<Integer> pageSizes = new ArrayList<>();
		String next = this.client.account("/IncomingPhoneNumbers.json?PageSize=1000");
		JsonNode page = null;
		while (next != null) {
			EmulatorClient.Reply reply = this.client.get(next);
			assertThat(reply.status()).isEqualTo(200);
			page = reply.json();
			pageSizes.add(page.get("incoming_phone_numbers").size());
			page.get("incoming_phone_numbers").forEach((number) -> seen.add(number.get("sid").asString()));
			next = page.get("next_page_uri").isNull() ? null : page.get("next_page_uri").asString();
			assertThat(next).satisfiesAnyOf((uri) -> assertThat(uri).isNull(),
					(uri) -> assertThat(uri).startsWith("/2010-04-01/Accounts/"));
		}

		assertThat(pageSizes).containsExactly(1000, 1000, 500);
		assertThat(seen).hasSize(2_500);
		assertThat(page.get("page").asInt()).isEqualTo(2);
		assertThat(page.get("start").asInt()).isEqualTo(2000);
		assertThat(page.get("end").asInt()).isEqualTo(2499);
		assertThat(page.get("page_size").asInt()).isEqualTo(1000);
		assertThat(page.get("first_page_uri").asString()).endsWith("IncomingPhoneNumbers.json?PageSize=1000&Page=0");
		assertThat(page.get("previous_page_uri").asString()).contains("Page=1&PageToken=PB");
	}

	@Test
	void previousPageUriLeadsBackToThePreviousPage() {
		this.emulator.preload(30);
		JsonNode first = this.client.get(this.client.account("/IncomingPhoneNumbers.json?PageSize=10")).json();
		JsonNode second = this.client.get(first.get("next_page_uri").asString()).json();

		JsonNode back = this.client.get(second.get("previous_page_uri").asString()).json();

		assertThat(sids(back)).isEqualTo(sids(first));
		assertThat(back.get("page").asInt()).isZero();
		assertThat(back.get("previous_page_uri").isNull()).isTrue();
		assertThat(first.get("previous_page_uri").isNull()).isTrue();
	}

	@Test
	void listWithPageIndexAloneSkipsEarlierPages() {
		this.emulator.preload(25);
		List<String> all = sids(this.client.get(this.client.account("/IncomingPhoneNumbers.json?PageSize=25")).json());

		List<String> third = sids(
				this.client.get(this.client.account("/IncomingPhoneNumbers.json?PageSize=10&Page=2")).json());

		assertThat(third).containsExactlyElementsOf(all.subList(20, 25));
	}

	@Test
	void listFiltersByPhoneNumberFriendlyNameAndOrigin() {
		this.emulator.preload(50);
		buy("PhoneNumber", "+14155550100", "FriendlyName", "alpha");
		buy("PhoneNumber", "+14155550101", "FriendlyName", "beta");
		buy("PhoneNumber", "+13125550100", "FriendlyName", "alpha");

		assertThat(listed("PhoneNumber=%2B14155550100")).containsExactly("+14155550100");
		assertThat(listed("PhoneNumber=41555501*")).containsExactly("+14155550100", "+14155550101");
		assertThat(listed("PhoneNumber=5550100")).containsExactlyInAnyOrder("+14155550100", "+13125550100");
		assertThat(listed("FriendlyName=alpha")).containsExactlyInAnyOrder("+14155550100", "+13125550100");
		assertThat(listed("Origin=hosted")).isEmpty();
		assertThat(listed("Origin=twilio&PageSize=1000")).hasSize(53);
		assertThat(listed("PhoneNumber=%2B19995550000")).isEmpty();
	}

	@Test
	void filtersAreKeptInThePagingUris() {
		this.emulator.preload(30);

		JsonNode page = this.client.get(this.client.account("/IncomingPhoneNumbers.json?PhoneNumber=555&PageSize=10"))
			.json();

		assertThat(page.get("next_page_uri").asString()).contains("PhoneNumber=555&PageSize=10&Page=1&PageToken=PA");
		assertThat(page.get("uri").asString()).endsWith("?PhoneNumber=555&PageSize=10&Page=0");
	}

	@Test
	void tamperedPageTokenIsRefusedWith21481() {
		assertError(this.client.get(this.client.account("/IncomingPhoneNumbers.json?PageToken=xyz")), 400, 21481);
	}

	@Test
	void pageSizeAboveOneThousandIsRefused() {
		assertError(this.client.get(this.client.account("/IncomingPhoneNumbers.json?PageSize=1001")), 400, 20007);
	}

	private String number(String sid) {
		return this.client.account("/IncomingPhoneNumbers/" + sid + ".json");
	}

	private List<String> listed(String query) {
		EmulatorClient.Reply reply = this.client.get(this.client.account("/IncomingPhoneNumbers.json?" + query));
		assertThat(reply.status()).isEqualTo(200);
		List<String> numbers = new ArrayList<>();
		reply.json()
			.get("incoming_phone_numbers")
			.forEach((number) -> numbers.add(number.get("phone_number").asString()));
		return numbers;
	}

	private static List<String> sids(JsonNode page) {
		List<String> sids = new ArrayList<>();
		page.get("incoming_phone_numbers").forEach((number) -> sids.add(number.get("sid").asString()));
		return sids;
	}

}
