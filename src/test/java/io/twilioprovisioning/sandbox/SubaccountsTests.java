package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subaccounts: {@code /2010-04-01/Accounts.json} and {@code Accounts/{Sid}.json}, the
 * parent's credentials acting on a subaccount's resources, a subaccount's own
 * credentials.
 */
class SubaccountsTests extends StandaloneEmulatorTest {

	private static final String ACCOUNTS = "/2010-04-01/Accounts.json";

	@Test
	void createAnswers201WithTheSubaccountAndItsOwnAuthToken() {
		EmulatorClient.Reply reply = this.client.post(ACCOUNTS, "FriendlyName", "Acme Dental");

		assertThat(reply.status()).isEqualTo(201);
		JsonNode account = reply.json();
		String sid = account.get("sid").asString();
		assertThat(sid).matches("AC[0-9a-f]{32}").isNotEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(account.get("owner_account_sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(account.get("friendly_name").asString()).isEqualTo("Acme Dental");
		assertThat(account.get("status").asString()).isEqualTo("active");
		assertThat(account.get("type").asString()).isEqualTo("Full");
		assertThat(account.get("auth_token").asString()).matches("[0-9a-f]{32}");
		assertThat(account.get("uri").asString()).isEqualTo("/2010-04-01/Accounts/" + sid + ".json");
		assertThat(account.get("subresource_uris").get("incoming_phone_numbers").asString())
			.isEqualTo("/2010-04-01/Accounts/" + sid + "/IncomingPhoneNumbers.json");
		assertThat(this.emulator.requestCount(Operation.ACCOUNT_CREATE)).isEqualTo(1);
	}

	@Test
	void friendlyNameDefaultsToTheCreationTime() {
		EmulatorClient.Reply reply = this.client.post(ACCOUNTS);

		assertThat(reply.text("friendly_name"))
			.matches("SubAccount Created at \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d [ap]m");
	}

	@Test
	void listShowsTheMainAccountAndItsSubaccountsWithFiltersAndPaging() {
		String first = subaccount("first").sid();
		String second = subaccount("second").sid();
		this.client.post(EmulatorClient.account(second, ".json"), "Status", "suspended");

		assertThat(sids(this.client.get(ACCOUNTS).json())).containsExactly(TwilioEmulator.DEFAULT_ACCOUNT_SID, first,
				second);
		assertThat(sids(this.client.get(ACCOUNTS + "?FriendlyName=first").json())).containsExactly(first);
		assertThat(sids(this.client.get(ACCOUNTS + "?Status=suspended").json())).containsExactly(second);

		List<String> paged = new ArrayList<>();
		String next = ACCOUNTS + "?PageSize=2";
		while (next != null) {
			JsonNode page = this.client.get(next).json();
			paged.addAll(sids(page));
			next = page.get("next_page_uri").isNull() ? null : page.get("next_page_uri").asString();
		}
		assertThat(paged).containsExactly(TwilioEmulator.DEFAULT_ACCOUNT_SID, first, second);
	}

	@Test
	void aSubaccountListsOnlyItselfAndCannotCreateSubaccounts() {
		Subaccount sub = subaccount("alone");
		subaccount("sibling");

		assertThat(sids(sub.client().get(ACCOUNTS).json())).containsExactly(sub.sid());
		assertError(sub.client().post(ACCOUNTS, "FriendlyName", "nested"), 400, 21101);
	}

	@Test
	void updateRenamesAndSuspendsASubaccountWhoseCredentialsThenStopWorking() {
		Subaccount sub = subaccount("before");
		assertThat(sub.client().get(sub.client().account(".json")).status()).isEqualTo(200);

		EmulatorClient.Reply reply = this.client.post(EmulatorClient.account(sub.sid(), ".json"), "FriendlyName",
				"after", "Status", "suspended");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(reply.text("friendly_name")).isEqualTo("after");
		assertThat(reply.text("status")).isEqualTo("suspended");
		assertError(sub.client().get(sub.client().account(".json")), 401, 20003);
		assertError(buyIn(sub.sid(), "PhoneNumber", "+14155550100"), 403, 20005);
		assertThat(this.client.post(EmulatorClient.account(sub.sid(), ".json"), "Status", "active").status())
			.isEqualTo(200);
		assertThat(sub.client().get(sub.client().account(".json")).status()).isEqualTo(200);
	}

	@Test
	void closingASubaccountReleasesItsNumbersAndCannotBeUndone() {
		Subaccount sub = subaccount("closing");
		String sid = buyIn(sub.sid(), "PhoneNumber", "+14155550100").text("sid");

		assertThat(this.client.post(EmulatorClient.account(sub.sid(), ".json"), "Status", "closed").status())
			.isEqualTo(200);

		assertThat(this.emulator.owned(sid)).isEmpty();
		assertError(this.client.post(EmulatorClient.account(sub.sid(), ".json"), "Status", "active"), 400, 21479);
		assertThat(this.client.get(EmulatorClient.account(sub.sid(), ".json")).text("status")).isEqualTo("closed");
	}

	@Test
	void theMainAccountsStatusCannotBeChanged() {
		assertError(this.client.post(this.client.account(".json"), "Status", "suspended"), 400, 21477);
		assertError(this.client.post(this.client.account(".json"), "Status", "sleeping"), 400, 400);
		assertThat(this.client.post(this.client.account(".json"), "FriendlyName", "Renamed").text("friendly_name"))
			.isEqualTo("Renamed");
	}

	@Test
	void parentCredentialsBuyAndListInTheSubaccountWhichOwnsTheNumber() {
		Subaccount sub = subaccount("buyer");

		EmulatorClient.Reply bought = buyIn(sub.sid(), "PhoneNumber", "+14155550100");

		assertThat(bought.status()).isEqualTo(201);
		assertThat(bought.text("account_sid")).isEqualTo(sub.sid());
		assertThat(bought.text("uri")).startsWith("/2010-04-01/Accounts/" + sub.sid() + "/IncomingPhoneNumbers/PN");
		assertThat(numbers(this.client.get(EmulatorClient.account(sub.sid(), "/IncomingPhoneNumbers.json"))))
			.containsExactly("+14155550100");
		assertThat(numbers(this.client.get(this.client.account("/IncomingPhoneNumbers.json")))).isEmpty();
		assertThat(numbers(sub.client().get(sub.client().account("/IncomingPhoneNumbers.json"))))
			.containsExactly("+14155550100");
		assertError(this.client.get(this.client.account("/IncomingPhoneNumbers/" + bought.text("sid") + ".json")), 404,
				20404);
	}

	@Test
	void aNumberOwnedByAnotherAccountOfTheFamilyIsNotAvailable() {
		Subaccount sub = subaccount("owner");
		buyIn(sub.sid(), "PhoneNumber", "+14155550100");

		assertError(buy("PhoneNumber", "+14155550100"), 400, 21422);
	}

	@Test
	void purchasesInASubaccountAreChargedToTheMainAccount() {
		Subaccount sub = subaccount("billed");
		buyIn(sub.sid(), "PhoneNumber", "+14155550100");

		assertThat(this.client.get(this.client.account("/Balance.json")).text("balance")).isEqualTo("498.85");
		JsonNode subBalance = this.client.get(EmulatorClient.account(sub.sid(), "/Balance.json")).json();
		assertThat(subBalance.get("account_sid").asString()).isEqualTo(sub.sid());
		assertThat(subBalance.get("balance").isNull()).isTrue();
	}

	@Test
	void aSubaccountsCredentialsReachOnlyItself() {
		Subaccount sub = subaccount("own");
		Subaccount sibling = subaccount("sibling");

		assertThat(sub.client().get(sub.client().account("/Balance.json")).status()).isEqualTo(200);
		assertError(sub.client().get(this.client.account(".json")), 401, 20003);
		assertError(sub.client().get(this.client.account("/IncomingPhoneNumbers.json")), 401, 20003);
		assertError(sub.client().get(EmulatorClient.account(sibling.sid(), ".json")), 401, 20003);
		assertError(this.client.as(sub.sid(), "wrong-token").get(sub.client().account(".json")), 401, 20003);
	}

	@Test
	void theMainAccountAnswersWithoutItsAuthTokenButASubaccountWithItsOwn() {
		Subaccount sub = subaccount("tokens");

		assertThat(this.client.get(this.client.account(".json")).json().has("auth_token")).isFalse();
		assertThat(this.client.get(EmulatorClient.account(sub.sid(), ".json")).text("auth_token"))
			.isEqualTo(sub.authToken());
	}

	@Test
	void resetForgetsSubaccounts() {
		Subaccount sub = subaccount("forgotten");

		this.emulator.reset();

		assertError(this.client.get(EmulatorClient.account(sub.sid(), ".json")), 404, 20404);
		assertError(sub.client().get(sub.client().account(".json")), 401, 20003);
	}

	private static List<String> sids(JsonNode page) {
		List<String> sids = new ArrayList<>();
		page.get("accounts").forEach((account) -> sids.add(account.get("sid").asString()));
		return sids;
	}

	private static List<String> numbers(EmulatorClient.Reply reply) {
		assertThat(reply.status()).isEqualTo(200);
		List<String> numbers = new ArrayList<>();
		reply.json()
			.get("incoming_phone_numbers")
			.forEach((number) -> numbers.add(number.get("phone_number").asString()));
		return numbers;
	}

}
