package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class AccountAccessTests extends StandaloneEmulatorTest {

	@Test
	void requestWithoutCredentialsIs401With20003() {
		EmulatorClient anonymous = new EmulatorClient(this.server.baseUrl(), TwilioEmulator.DEFAULT_ACCOUNT_SID, null);

		EmulatorClient.Reply reply = anonymous.get(anonymous.account("/IncomingPhoneNumbers.json"));

		assertError(reply, 401, 20003);
		assertThat(reply.headers().firstValue("WWW-Authenticate"))
			.hasValueSatisfying((value) -> assertThat(value).startsWith("Basic"));
		assertThat(this.emulator.requestCount(Operation.LIST)).isZero();
	}

	@Test
	void wrongAuthTokenIs401With20003() {
		EmulatorClient intruder = new EmulatorClient(this.server.baseUrl(), TwilioEmulator.DEFAULT_ACCOUNT_SID,
				"wrong-token");

		assertError(intruder.post(intruder.account("/IncomingPhoneNumbers.json"), "PhoneNumber", "+14155550100"), 401,
				20003);
		assertThat(this.emulator.ownedCount()).isZero();
	}

	@Test
	void anotherAccountInThePathIsNotFound() {
		String otherAccount = "/2010-04-01/Accounts/AC" + "f".repeat(32) + "/IncomingPhoneNumbers.json";

		assertError(this.client.get(otherAccount), 404, 20404);
	}

	@Test
	void unknownPathIsNotFound() {
		assertError(this.client.get(this.client.account("/Calls.json")), 404, 20404);
		assertError(this.client.get("/2010-04-01/Nothing.json"), 404, 20404);
	}

	@Test
	void wrongMethodIs405() {
		EmulatorClient.Reply reply = this.client.delete(this.client.account("/IncomingPhoneNumbers.json"));

		assertError(reply, 405, 20004);
		assertThat(reply.headers().firstValue("Allow")).hasValue("GET, POST");
	}

	@Test
	void accountAnswersWithoutTheAuthToken() {
		EmulatorClient.Reply reply = this.client.get(this.client.account(".json"));

		assertThat(reply.status()).isEqualTo(200);
		JsonNode account = reply.json();
		assertThat(account.get("sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(account.get("owner_account_sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(account.get("friendly_name").asString()).isEqualTo("Sandbox account");
		assertThat(account.get("status").asString()).isEqualTo("active");
		assertThat(account.get("type").asString()).isEqualTo("Full");
		assertThat(account.get("subresource_uris").get("balance").asString()).endsWith("/Balance.json");
		assertThat(account.has("auth_token")).isFalse();
		assertThat(reply.body()).doesNotContain(TwilioEmulator.DEFAULT_AUTH_TOKEN);
	}

	@Test
	void balanceStartsAtTheInitialBalance() {
		EmulatorClient.Reply reply = this.client.get(this.client.account("/Balance.json"));

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("account_sid")).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(reply.text("balance")).isEqualTo("500.00");
		assertThat(reply.text("currency")).isEqualTo("USD");
	}

	@Test
	void answersCarryTwilioHeaders() {
		EmulatorClient.Reply reply = this.client.get(this.client.account("/Balance.json"));

		assertThat(reply.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		assertThat(reply.headers().firstValue("Twilio-Request-Id"))
			.hasValueSatisfying((value) -> assertThat(value).matches("RQ[0-9a-f]{32}"));
		assertThat(reply.headers().firstValue("Twilio-Concurrent-Requests")).hasValue("1");
	}

	@Test
	void requestsAreCountedPerOperation() {
		this.client.get(this.client.account("/Balance.json"));
		this.client.get(this.client.account("/Balance.json"));
		this.client.get(this.client.account(".json"));

		assertThat(this.emulator.requestCount(Operation.BALANCE)).isEqualTo(2);
		assertThat(this.emulator.requestCount(Operation.ACCOUNT)).isEqualTo(1);
		assertThat(this.emulator.requestCount(Operation.PURCHASE)).isZero();
	}

}
