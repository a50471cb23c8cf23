package io.twilioprovisioning.sandbox;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Addresses ({@code …/Addresses.json}) and the numbers that need one (21631).
 */
class AddressesTests extends StandaloneEmulatorTest {

	private static final String RFC_2822 = "[A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} \\+0000";

	@Test
	void createAnswers201WithTheAddress() {
		EmulatorClient.Reply reply = this.client.post(this.client.account("/Addresses.json"), "CustomerName",
				"Acme Dental", "FriendlyName", "Head office", "Street", "1 Fictional Way", "StreetSecondary", "Suite 5",
				"City", "San Francisco", "Region", "CA", "PostalCode", "94103", "IsoCountry", "us", "EmergencyEnabled",
				"true");

		assertThat(reply.status()).isEqualTo(201);
		JsonNode address = reply.json();
		String sid = address.get("sid").asString();
		assertThat(sid).matches("AD[0-9a-f]{32}");
		assertThat(address.get("account_sid").asString()).isEqualTo(TwilioEmulator.DEFAULT_ACCOUNT_SID);
		assertThat(address.get("customer_name").asString()).isEqualTo("Acme Dental");
		assertThat(address.get("friendly_name").asString()).isEqualTo("Head office");
		assertThat(address.get("street").asString()).isEqualTo("1 Fictional Way");
		assertThat(address.get("street_secondary").asString()).isEqualTo("Suite 5");
		assertThat(address.get("city").asString()).isEqualTo("San Francisco");
		assertThat(address.get("region").asString()).isEqualTo("CA");
		assertThat(address.get("postal_code").asString()).isEqualTo("94103");
		assertThat(address.get("iso_country").asString()).isEqualTo("US");
		assertThat(address.get("emergency_enabled").asBoolean()).isTrue();
		assertThat(address.get("validated").asBoolean()).isFalse();
		assertThat(address.get("date_created").asString()).matches(RFC_2822);
		assertThat(address.get("uri").asString()).isEqualTo(this.client.account("/Addresses/" + sid + ".json"));
	}

	@Test
	void everyRequiredFieldIsChecked() {
		assertError(this.client.post(this.client.account("/Addresses.json"), "CustomerName", "Acme", "Street", "1 Way",
				"City", "Springfield", "Region", "XX", "IsoCountry", "US"), 400, 21628);
		assertError(this.client.post(this.client.account("/Addresses.json"), "CustomerName", "Acme", "Street", "1 Way",
				"City", "Springfield", "Region", "XX", "PostalCode", "1", "IsoCountry", "USA"), 400, 21628);
	}

	@Test
	void fetchUpdateListAndDelete() {
		String us = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		String gb = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "GB");
		String path = this.client.account("/Addresses/" + us + ".json");

		assertThat(this.client.get(path).text("customer_name")).isEqualTo("Acme Dental");
		EmulatorClient.Reply updated = this.client.post(path, "CustomerName", "Acme Dental West", "City", "Oakland");
		assertThat(updated.text("customer_name")).isEqualTo("Acme Dental West");
		assertThat(updated.text("city")).isEqualTo("Oakland");
		assertThat(updated.text("street")).isEqualTo("1 Fictional Way");
		assertThat(this.client.get(this.client.account("/Addresses.json?IsoCountry=GB")).json().get("addresses"))
			.singleElement()
			.satisfies((address) -> assertThat(address.get("sid").asString()).isEqualTo(gb));
		assertThat(this.client.get(this.client.account("/Addresses.json?PageSize=1"))
			.json()
			.get("next_page_uri")
			.asString()).contains("PageSize=1&Page=1&PageToken=PT1");

		assertThat(this.client.delete(path).status()).isEqualTo(204);
		assertError(this.client.get(path), 404, 20404);
	}

	@Test
	void addressesBelongToTheirAccount() {
		Subaccount sub = subaccount("own addresses");
		String subAddress = address(sub.sid(), "US");

		assertThat(sub.client().get(sub.client().account("/Addresses/" + subAddress + ".json")).status())
			.isEqualTo(200);
		assertError(this.client.get(this.client.account("/Addresses/" + subAddress + ".json")), 404, 20404);
		assertThat(this.client.get(this.client.account("/Addresses.json")).json().get("addresses")).isEmpty();
	}

	@Test
	void aNumberNeedingAnAddressIsRefusedWith21631WithoutOne() {
		EmulatorClient.Reply reply = buy("PhoneNumber", "+14155550190");

		assertError(reply, 400, 21631);
		assertThat(this.emulator.ownedCount()).isZero();
		assertThat(this.emulator.balance()).isEqualByComparingTo(TwilioEmulator.INITIAL_BALANCE);
	}

	@Test
	void anyAddressOfTheBuyingAccountSatisfiesAny() {
		String gb = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "GB");

		EmulatorClient.Reply reply = buy("PhoneNumber", "+14155550190", "AddressSid", gb);

		assertThat(reply.status()).isEqualTo(201);
		assertThat(reply.text("address_sid")).isEqualTo(gb);
		assertThat(reply.text("address_requirements")).isEqualTo("any");
	}

	@Test
	void localNeedsAnAddressInTheNumbersCountryAndForeignOneOutsideIt() {
		String us = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		String gb = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "GB");

		assertError(buy("PhoneNumber", "+14155550191", "AddressSid", gb), 400, 21631);
		assertThat(buy("PhoneNumber", "+14155550191", "AddressSid", us).status()).isEqualTo(201);
		assertError(buy("PhoneNumber", "+14155550192", "AddressSid", us), 400, 21631);
		assertThat(buy("PhoneNumber", "+14155550192", "AddressSid", gb).status()).isEqualTo(201);
	}

	@Test
	void anotherAccountsAddressDoesNotCount() {
		Subaccount sub = subaccount("other");
		String subAddress = address(sub.sid(), "US");

		assertError(buy("PhoneNumber", "+14155550190", "AddressSid", subAddress), 400, 21631);
		assertThat(buyIn(sub.sid(), "PhoneNumber", "+14155550190", "AddressSid", subAddress).status()).isEqualTo(201);
	}

	@Test
	void purchaseByAreaCodeSkipsNumbersTheRequestCannotBuy() {
		for (int i = 0; i < 90; i++) {
			assertThat(buy("AreaCode", "212").status()).isEqualTo(201);
		}

		assertError(buy("AreaCode", "212"), 400, 21452);
		String us = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		assertThat(buy("AreaCode", "212", "AddressSid", us).text("phone_number")).isEqualTo("+12125550190");
	}

	@Test
	void anAddressANumberNeedsCannotBeDeleted() {
		String us = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		String sid = buy("PhoneNumber", "+14155550190", "AddressSid", us).text("sid");

		assertError(this.client.delete(this.client.account("/Addresses/" + us + ".json")), 400, 21631);

		this.client.delete(this.client.account("/IncomingPhoneNumbers/" + sid + ".json"));
		assertThat(this.client.delete(this.client.account("/Addresses/" + us + ".json")).status()).isEqualTo(204);
	}

	@Test
	void updateChangesTheNumbersAddressOnlyToOneThatSatisfiesIt() {
		String us = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		String gb = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "GB");
		String sid = buy("PhoneNumber", "+14155550191", "AddressSid", us).text("sid");
		String path = this.client.account("/IncomingPhoneNumbers/" + sid + ".json");

		assertError(this.client.post(path, "AddressSid", gb), 400, 21631);
		assertError(this.client.post(path, "AddressSid", ""), 400, 21631);
		String other = address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "US");
		assertThat(this.client.post(path, "AddressSid", other).text("address_sid")).isEqualTo(other);
	}

}
