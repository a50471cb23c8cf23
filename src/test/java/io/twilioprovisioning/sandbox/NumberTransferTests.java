package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.Test;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moving a number between the main account and its subaccounts with {@code AccountSid} on
 * the number's update, as API-NOTES §2.4 describes.
 */
class NumberTransferTests extends StandaloneEmulatorTest {

	@Test
	void parentMovesANumberToASubaccountWhichThenOwnsIt() {
		Subaccount sub = subaccount("target");
		String sid = buy("PhoneNumber", "+14155550100", "VoiceUrl", "https://example.test/voice").text("sid");

		EmulatorClient.Reply moved = this.client.post(number(TwilioEmulator.DEFAULT_ACCOUNT_SID, sid), "AccountSid",
				sub.sid());

		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.text("account_sid")).isEqualTo(sub.sid());
		assertThat(moved.text("sid")).isEqualTo(sid);
		assertThat(moved.text("voice_url")).isEqualTo("https://example.test/voice");
		assertThat(moved.text("uri")).isEqualTo(number(sub.sid(), sid));
		assertThat(this.emulator.owned(sid).orElseThrow().accountSid()).isEqualTo(sub.sid());
		assertError(this.client.get(number(TwilioEmulator.DEFAULT_ACCOUNT_SID, sid)), 404, 20404);
		assertThat(sub.client().get(number(sub.sid(), sid)).status()).isEqualTo(200);
	}

	@Test
	void numbersMoveBackToTheParentAndBetweenSiblings() {
		Subaccount first = subaccount("first");
		Subaccount second = subaccount("second");
		String sid = buyIn(first.sid(), "PhoneNumber", "+14155550101").text("sid");

		assertThat(this.client.post(number(first.sid(), sid), "AccountSid", second.sid()).text("account_sid"))
			.isEqualTo(second.sid());
		assertThat(this.client.post(number(second.sid(), sid), "AccountSid", TwilioEmulator.DEFAULT_ACCOUNT_SID)
			.text("account_sid")).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
	}

	@Test
	void onlyTheParentsCredentialsTransfer() {
		Subaccount sub = subaccount("mover");
		String sid = buyIn(sub.sid(), "PhoneNumber", "+14155550102").text("sid");

		assertError(sub.client().post(number(sub.sid(), sid), "AccountSid", TwilioEmulator.DEFAULT_ACCOUNT_SID), 400,
				21474);
		assertThat(this.emulator.owned(sid).orElseThrow().accountSid()).isEqualTo(sub.sid());
	}

	@Test
	void theTargetMustBeAnActiveAccountOfTheFamily() {
		Subaccount suspended = subaccount("suspended");
		this.client.post(EmulatorClient.account(suspended.sid(), ".json"), "Status", "suspended");
		String sid = buy("PhoneNumber", "+14155550103").text("sid");
		String path = number(TwilioEmulator.DEFAULT_ACCOUNT_SID, sid);

		assertError(this.client.post(path, "AccountSid", "AC" + "1".repeat(32)), 400, 21473);
		assertError(this.client.post(path, "AccountSid", "not-an-account"), 400, 21470);
		assertError(this.client.post(path, "AccountSid", suspended.sid()), 400, 21472);
		assertThat(this.emulator.owned(sid).orElseThrow().accountSid()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
	}

	@Test
	void aNumberNeedingAnAddressMovesOnlyToAnAccountWithOne() {
		Subaccount sub = subaccount("needs an address");
		String mainAddress = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		String sid = buy("PhoneNumber", "+14155550190", "AddressSid", mainAddress).text("sid");
		String path = number(TwilioEmulator.DEFAULT_ACCOUNT_SID, sid);

		assertError(this.client.post(path, "AccountSid", sub.sid()), 400, 21613);

		String subAddress = address(sub.sid(), "GB");
		EmulatorClient.Reply moved = this.client.post(path, "AccountSid", sub.sid());
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.text("address_sid")).isEqualTo(subAddress);
	}

	@Test
	void aMovedNumberLeavesItsMessagingService() {
		Subaccount sub = subaccount("messaging");
		String sid = buy("PhoneNumber", "+14155550104").text("sid");
		String service = this.client.post("/messaging/v1/Services", "FriendlyName", "main").text("sid");
		this.client.post("/messaging/v1/Services/" + service + "/PhoneNumbers", "PhoneNumberSid", sid);

		this.client.post(number(TwilioEmulator.DEFAULT_ACCOUNT_SID, sid), "AccountSid", sub.sid());

		assertThat(this.client.get("/messaging/v1/Services/" + service + "/PhoneNumbers").json().get("phone_numbers"))
			.isEmpty();
	}

	private static String number(String accountSid, String sid) {
		return EmulatorClient.account(accountSid, "/IncomingPhoneNumbers/" + sid + ".json");
	}

}
