package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Messaging Services on the messaging host, served under {@code /messaging}.
 */
class MessagingServicesTests extends StandaloneEmulatorTest {

	private static final String SERVICES = "/messaging/v1/Services";

	private static final String ISO_8601 = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

	@Test
	void createAnswers201WithTwiliosShapeAndAbsoluteLinks() {
		EmulatorClient.Reply reply = this.client.post(SERVICES, "FriendlyName", "Acme Dental", "InboundRequestUrl",
				"https://example.test/sms", "StickySender", "false", "ValidityPeriod", "600");

		assertThat(reply.status()).isEqualTo(201);
		JsonNode service = reply.json();
		String sid = service.get("sid").asString();
		assertThat(sid).matches("MG[0-9a-f]{32}");
		assertThat(service.get("account_sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(service.get("friendly_name").asString()).isEqualTo("Acme Dental");
		assertThat(service.get("inbound_request_url").asString()).isEqualTo("https://example.test/sms");
		assertThat(service.get("inbound_method").asString()).isEqualTo("POST");
		assertThat(service.get("fallback_url").isNull()).isTrue();
		assertThat(service.get("sticky_sender").asBoolean()).isFalse();
		assertThat(service.get("mms_converter").asBoolean()).isTrue();
		assertThat(service.get("validity_period").asInt()).isEqualTo(600);
		assertThat(service.get("scan_message_content").asString()).isEqualTo("inherit");
		assertThat(service.get("us_app_to_person_registered").asBoolean()).isFalse();
		assertThat(service.get("date_created").asString()).matches(ISO_8601);
		assertThat(service.get("url").asString()).isEqualTo("https://messaging.twilio.com/v1/Services/" + sid);
		assertThat(service.get("links").get("phone_numbers").asString())
			.isEqualTo("https://messaging.twilio.com/v1/Services/" + sid + "/PhoneNumbers");
	}

	@Test
	void createNeedsAFriendlyNameAndValidSettings() {
		assertError(this.client.post(SERVICES), 400, 20002);
		assertError(this.client.post(SERVICES, "FriendlyName", "x".repeat(65)), 400, 20002);
		assertError(this.client.post(SERVICES, "FriendlyName", "a", "InboundRequestUrl", "not a url"), 400, 21402);
		assertError(this.client.post(SERVICES, "FriendlyName", "a", "InboundMethod", "PUT"), 400, 21403);
		assertError(this.client.post(SERVICES, "FriendlyName", "a", "ValidityPeriod", "0"), 400, 400);
	}

	@Test
	void listPagesWithMetaLinksOnTwiliosHost() {
		List<String> created = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			created.add(this.client.post(SERVICES, "FriendlyName", "service " + i).text("sid"));
		}

		JsonNode first = this.client.get(SERVICES + "?PageSize=2").json();
		JsonNode meta = first.get("meta");
		assertThat(meta.get("key").asString()).isEqualTo("services");
		assertThat(meta.get("page_size").asInt()).isEqualTo(2);
		assertThat(meta.get("first_page_url").asString())
			.isEqualTo("https://messaging.twilio.com/v1/Services?PageSize=2&Page=0");
		assertThat(meta.get("previous_page_url").isNull()).isTrue();
		String next = meta.get("next_page_url").asString();
		assertThat(next).startsWith("https://messaging.twilio.com/v1/Services?PageSize=2&Page=1&PageToken=");
		JsonNode second = this.client.get("/messaging" + next.substring("https://messaging.twilio.com".length()))
			.json();

		List<String> seen = new ArrayList<>();
		first.get("services").forEach((service) -> seen.add(service.get("sid").asString()));
		second.get("services").forEach((service) -> seen.add(service.get("sid").asString()));
		assertThat(seen).containsExactlyElementsOf(created);
		assertThat(second.get("meta").get("next_page_url").isNull()).isTrue();
	}

	@Test
	void fetchUpdateAndDelete() {
		String sid = this.client.post(SERVICES, "FriendlyName", "before").text("sid");

		assertThat(this.client.get(SERVICES + "/" + sid).text("friendly_name")).isEqualTo("before");
		EmulatorClient.Reply updated = this.client.post(SERVICES + "/" + sid, "FriendlyName", "after", "StatusCallback",
				"https://example.test/status");
		assertThat(updated.text("friendly_name")).isEqualTo("after");
		assertThat(updated.text("status_callback")).isEqualTo("https://example.test/status");
		assertThat(this.client.delete(SERVICES + "/" + sid).status()).isEqualTo(204);
		assertError(this.client.get(SERVICES + "/" + sid), 404, 20404);
	}

	@Test
	void servicesBelongToTheAccountWhoseCredentialsCreatedThem() {
		Subaccount sub = subaccount("messaging");
		String subService = sub.client().post(SERVICES, "FriendlyName", "sub").text("sid");

		assertThat(sub.client().get(SERVICES + "/" + subService).text("account_sid")).isEqualTo(sub.sid());
		assertError(this.client.get(SERVICES + "/" + subService), 404, 20404);
		assertThat(this.client.get(SERVICES).json().get("services")).isEmpty();
	}

	@Test
	void addsListsFetchesAndRemovesANumber() {
		String service = this.client.post(SERVICES, "FriendlyName", "numbers").text("sid");
		String number = buy("PhoneNumber", "+14155550100").text("sid");
		String numbers = SERVICES + "/" + service + "/PhoneNumbers";

		EmulatorClient.Reply added = this.client.post(numbers, "PhoneNumberSid", number);

		assertThat(added.status()).isEqualTo(201);
		JsonNode json = added.json();
		assertThat(json.get("sid").asString()).isEqualTo(number);
		assertThat(json.get("service_sid").asString()).isEqualTo(service);
		assertThat(json.get("phone_number").asString()).isEqualTo("+14155550100");
		assertThat(json.get("country_code").asString()).isEqualTo("US");
		assertThat(json.get("capabilities")).extracting(JsonNode::asString).containsExactly("MMS", "SMS", "Voice");
		assertThat(json.get("url").asString())
			.isEqualTo("https://messaging.twilio.com/v1/Services/" + service + "/PhoneNumbers/" + number);
		assertThat(this.client.get(numbers).json().get("phone_numbers")).singleElement()
			.satisfies((listed) -> assertThat(listed.get("sid").asString()).isEqualTo(number));
		assertThat(this.client.get(numbers + "/" + number).text("phone_number")).isEqualTo("+14155550100");
		assertThat(this.client.delete(numbers + "/" + number).status()).isEqualTo(204);
		assertError(this.client.get(numbers + "/" + number), 404, 20404);
		assertThat(this.emulator.owned(number)).isPresent();
	}

	@Test
	void aNumberAlreadyInThisServiceIs21710AndInAnotherIs21712() {
		String service = this.client.post(SERVICES, "FriendlyName", "first").text("sid");
		String other = this.client.post(SERVICES, "FriendlyName", "second").text("sid");
		String number = buy("PhoneNumber", "+14155550100").text("sid");
		this.client.post(SERVICES + "/" + service + "/PhoneNumbers", "PhoneNumberSid", number);

		assertError(this.client.post(SERVICES + "/" + service + "/PhoneNumbers", "PhoneNumberSid", number), 409, 21710);
		assertError(this.client.post(SERVICES + "/" + other + "/PhoneNumbers", "PhoneNumberSid", number), 409, 21712);
	}

	@Test
	void onlyTheAccountsOwnTextableNumbersCanBeAdded() {
		String service = this.client.post(SERVICES, "FriendlyName", "strict").text("sid");
		String numbers = SERVICES + "/" + service + "/PhoneNumbers";
		Subaccount sub = subaccount("other");
		String subNumber = buyIn(sub.sid(), "PhoneNumber", "+14155550101").text("sid");
		String voiceOnly = buy("PhoneNumber", "+14155550104").text("sid");

		assertError(this.client.post(numbers, "PhoneNumberSid", "PN" + "0".repeat(32)), 400, 21421);
		assertError(this.client.post(numbers, "PhoneNumberSid", "garbage"), 400, 21421);
		assertError(this.client.post(numbers, "PhoneNumberSid", subNumber), 400, 21421);
		assertError(this.client.post(numbers, "PhoneNumberSid", voiceOnly), 400, 21715);
	}

	@Test
	void releasingANumberTakesItOutOfItsService() {
		String service = this.client.post(SERVICES, "FriendlyName", "release").text("sid");
		String number = buy("PhoneNumber", "+14155550100").text("sid");
		this.client.post(SERVICES + "/" + service + "/PhoneNumbers", "PhoneNumberSid", number);

		this.client.delete(this.client.account("/IncomingPhoneNumbers/" + number + ".json"));

		assertThat(this.client.get(SERVICES + "/" + service + "/PhoneNumbers").json().get("phone_numbers")).isEmpty();
	}

	@Test
	void usA2pCampaignsAreEmpty() {
		String service = this.client.post(SERVICES, "FriendlyName", "a2p").text("sid");

		JsonNode page = this.client.get(SERVICES + "/" + service + "/Compliance/Usa2p").json();

		assertThat(page.get("compliance")).isEmpty();
		assertThat(page.get("meta").get("key").asString()).isEqualTo("compliance");
		assertError(this.client.get(SERVICES + "/MG" + "0".repeat(32) + "/Compliance/Usa2p"), 404, 20404);
	}

	@Test
	void unknownMessagingPathsAreNotFoundAndCredentialsAreChecked() {
		assertError(this.client.get("/messaging/v1/Nothing"), 404, 20404);
		assertError(this.client.as(TwilioEmulator.DEFAULT_ACCOUNT_SID, "wrong").get(SERVICES), 401, 20003);
		assertThat(this.emulator.requestCount(Operation.SERVICE_LIST)).isZero();
	}

}
