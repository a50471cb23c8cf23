package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

class PurchaseTests extends StandaloneEmulatorTest {

	private static final String RFC_2822 = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000";

	@Test
	void purchaseByPhoneNumberAnswers201WithTheFullResource() {
		EmulatorClient.Reply reply = buy("PhoneNumber", "+14155550123", "FriendlyName", "client 42", "VoiceUrl",
				"https://example.test/voice", "VoiceMethod", "GET", "SmsUrl", "https://example.test/sms",
				"StatusCallback", "https://example.test/status");

		assertThat(reply.status()).isEqualTo(201);
		JsonNode number = reply.json();
		String sid = number.get("sid").asString();
		assertThat(sid).matches("PN[0-9a-f]{32}");
		assertThat(number.get("account_sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(number.get("phone_number").asString()).isEqualTo("+14155550123");
		assertThat(number.get("friendly_name").asString()).isEqualTo("client 42");
		assertThat(number.get("voice_url").asString()).isEqualTo("https://example.test/voice");
		assertThat(number.get("voice_method").asString()).isEqualTo("GET");
		assertThat(number.get("sms_url").asString()).isEqualTo("https://example.test/sms");
		assertThat(number.get("sms_method").asString()).isEqualTo("POST");
		assertThat(number.get("status_callback").asString()).isEqualTo("https://example.test/status");
		assertThat(number.get("voice_fallback_url").isNull()).isTrue();
		assertThat(number.get("status").asString()).isEqualTo("in-use");
		assertThat(number.get("origin").asString()).isEqualTo("twilio");
		assertThat(number.get("api_version").asString()).isEqualTo("2010-04-01");
		assertThat(number.get("date_created").asString()).matches(RFC_2822);
		assertThat(number.get("capabilities").has("sms")).isTrue();
		assertThat(number.get("uri").asString()).isEqualTo("/2010-04-01/Accounts/" + TwilioEmulator.DEFAULT_ACCOUNT_SID
				+ "/IncomingPhoneNumbers/" + sid + ".json");
		assertThat(this.emulator.owned(sid)).hasValueSatisfying((owned) -> {
			assertThat(owned.phoneNumber()).isEqualTo("+14155550123");
			assertThat(owned.voiceUrl()).isEqualTo("https://example.test/voice");
			assertThat(owned.statusCallback()).isEqualTo("https://example.test/status");
		});
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
	}

	@Test
	void friendlyNameDefaultsToTheFormattedNumber() {
		assertThat(buy("PhoneNumber", "+12125550101").text("friendly_name")).isEqualTo("(212) 555-0101");
	}

	@Test
	void purchaseChargesTheBalance() {
		buy("PhoneNumber", "+12125550101");
		buy("PhoneNumber", "+12125550102");

		EmulatorClient.Reply balance = this.client.get(this.client.account("/Balance.json"));

		assertThat(balance.text("balance")).isEqualTo("497.70");
		assertThat(balance.text("currency")).isEqualTo("USD");
	}

	@Test
	void purchaseByAreaCodePicksAnAvailableNumberOfThatArea() {
		String first = buy("AreaCode", "312").text("phone_number");
		String second = buy("AreaCode", "312").text("phone_number");

		assertThat(first).startsWith("+131255501");
		assertThat(second).startsWith("+131255501").isNotEqualTo(first);
		assertThat(this.emulator.purchaseCount()).isEqualTo(2);
	}

	@Test
	void purchaseInAnAreaCodeWithoutNumbersIsRefusedWith21452() {
		assertError(buy("AreaCode", "999"), 400, 21452);
	}

	@Test
	void magicUnavailableNumberIsRefusedWith21422() {
		EmulatorClient.Reply reply = buy("PhoneNumber", TwilioEmulator.MAGIC_UNAVAILABLE);

		assertError(reply, 400, 21422);
		assertThat(reply.text("more_info")).isEqualTo("https://www.twilio.com/docs/errors/21422");
		assertThat(reply.text("message")).contains("+15005550000");
		assertThat(this.emulator.ownedCount()).isZero();
	}

	@Test
	void magicInvalidNumberIsRefusedWith21421() {
		assertError(buy("PhoneNumber", TwilioEmulator.MAGIC_INVALID), 400, 21421);
	}

	@Test
	void magicEmptyAreaCodeIsRefusedWith21452() {
		assertError(buy("AreaCode", "533"), 400, 21452);
	}

	@Test
	void magicAreaCodeBuysTheMagicAvailableNumber() {
		EmulatorClient.Reply reply = buy("AreaCode", "500");

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.text("phone_number")).isEqualTo("+15005550006");
		assertThat(reply.text("friendly_name")).isEqualTo("(500) 555-0006");
	}

	@Test
	void magicAvailableNumberCanBeBought() {
		assertThat(buy("PhoneNumber", "+15005550006").status()).isEqualTo(201);
		assertThat(this.emulator.ownedByNumber("+15005550006")).isPresent();
	}

	@Test
	void numberOutsideTheSellableRangesIsNotAvailable() {
		assertError(buy("PhoneNumber", "+14155551234"), 400, 21422);
	}

	@Test
	void garbagePhoneNumberIsInvalid() {
		assertError(buy("PhoneNumber", "not a number"), 400, 21421);
	}

	@Test
	void purchaseOfAnOwnedNumberAnswers201AndAppliesTheParametersLikeAnUpdate() {
		String sid = buy("PhoneNumber", "+16175550150", "VoiceUrl", "https://example.test/voice").text("sid");

		EmulatorClient.Reply again = buy("PhoneNumber", "+16175550150", "FriendlyName", "other", "SmsUrl",
				"https://example.test/sms");

		assertThat(again.status()).isEqualTo(201);
		assertThat(again.text("sid")).isEqualTo(sid);
		assertThat(again.text("friendly_name")).isEqualTo("other");
		assertThat(again.text("sms_url")).isEqualTo("https://example.test/sms");
		assertThat(again.text("voice_url")).isEqualTo("https://example.test/voice");
		assertThat(again.text("status")).isEqualTo("in-use");
		assertThat(this.emulator.owned(sid).orElseThrow().friendlyName()).isEqualTo("other");
		assertThat(this.emulator.purchaseCount()).isEqualTo(1);
		assertThat(this.emulator.ownedCount()).isEqualTo(1);
		assertThat(this.emulator.balance()).isEqualByComparingTo("498.85");
	}

	@Test
	void purchaseNeedsExactlyOneOfPhoneNumberAndAreaCode() {
		assertError(buy("FriendlyName", "nothing to buy"), 400, 21421);
		assertError(buy("PhoneNumber", "+14155550100", "AreaCode", "415"), 400, 21421);
		assertThat(this.emulator.ownedCount()).isZero();
	}

	@Test
	void friendlyNameLongerThan64CharactersIsRefused() {
		assertError(buy("PhoneNumber", "+14155550100", "FriendlyName", "x".repeat(65)), 400, 20002);
		assertThat(buy("PhoneNumber", "+14155550100", "FriendlyName", "x".repeat(64)).status()).isEqualTo(201);
	}

	@Test
	void invalidWebhookSettingsAreRefused() {
		assertError(buy("PhoneNumber", "+14155550100", "VoiceMethod", "PUT"), 400, 21403);
		assertError(buy("PhoneNumber", "+14155550100", "VoiceUrl", "ftp://example.test"), 400, 21402);
		assertError(buy("PhoneNumber", "+14155550100", "VoiceFallbackUrl", "https://example.test/f"), 400, 21405);
		assertError(buy("PhoneNumber", "+14155550100", "SmsFallbackUrl", "https://example.test/f"), 400, 21406);
		assertThat(this.emulator.ownedCount()).isZero();
	}

	@Test
	void typedLocalEndpointBuysByNumberButRefusesAreaCode() {
		String path = this.client.account("/IncomingPhoneNumbers/Local.json");

		assertThat(this.client.post(path, "PhoneNumber", "+15125550100").status()).isEqualTo(201);
		assertError(this.client.post(path, "AreaCode", "512"), 400, 21457);
	}

	@Test
	void releasedNumberIsOfferedAgain() {
		String sid = buy("PhoneNumber", "+14045550100").text("sid");
		this.client.delete(this.client.account("/IncomingPhoneNumbers/" + sid + ".json"));

		EmulatorClient.Reply search = search("US/Local", "AreaCode=404&PageSize=1");

		assertThat(search.json().get("available_phone_numbers").get(0).get("phone_number").asString())
			.isEqualTo("+14045550100");
	}

	static void assertError(EmulatorClient.Reply reply, int status, int code) {
		assertThat(reply.status()).isEqualTo(status);
		JsonNode body = reply.json();
		assertThat(body.get("code").asInt()).isEqualTo(code);
		assertThat(body.get("status").asInt()).isEqualTo(status);
		assertThat(body.get("message").asString()).isNotBlank();
		assertThat(body.get("more_info").asString()).isEqualTo("https://www.twilio.com/docs/errors/" + code);
	}

}
