package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

class AvailablePhoneNumbersTests extends StandaloneEmulatorTest {

	@Test
	void searchByAreaCodeOffersFictionalNumbersOfThatArea() {
		EmulatorClient.Reply reply = search("US/Local", "AreaCode=415");

		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> numbers = numbers(reply);
		assertThat(numbers).hasSize(50);
		assertThat(numbers).allSatisfy((number) -> {
			assertThat(number.get("phone_number").asString()).matches("\\+141555501\\d\\d");
			assertThat(number.get("locality").asString()).isEqualTo("San Francisco");
			assertThat(number.get("region").asString()).isEqualTo("CA");
			assertThat(number.get("postal_code").asString()).isEqualTo("94103");
			assertThat(number.get("iso_country").asString()).isEqualTo("US");
			assertThat(number.get("capabilities").has("SMS")).isTrue();
			assertThat(number.get("capabilities").has("voice")).isTrue();
		});
		assertThat(numbers.get(0).get("friendly_name").asString()).isEqualTo("(415) 555-0100");
		assertThat(numbers.get(0).get("latitude").asString()).matches("37\\.\\d{6}");
		assertThat(reply.text("uri")).startsWith("/2010-04-01/Accounts/" + TwilioEmulator.DEFAULT_ACCOUNT_SID
				+ "/AvailablePhoneNumbers/US/Local.json?AreaCode=415");
	}

	@Test
	void pageSizeLimitsTheResults() {
		assertThat(numbers(search("US/Local", "AreaCode=212&PageSize=7"))).hasSize(7);
		assertThat(numbers(search("US/Local", "AreaCode=212&PageSize=1000"))).hasSize(100);
	}

	@Test
	void containsMatchesDigitsWildcardsAndAnchors() {
		assertThat(phoneNumbers(search("US/Local", "AreaCode=212&Contains=555010*"))).hasSize(10)
			.allSatisfy((number) -> assertThat(number).startsWith("+1212555010"));
		assertThat(phoneNumbers(search("US/Local", "Contains=%2B1617&PageSize=1000"))).hasSize(100)
			.allSatisfy((number) -> assertThat(number).startsWith("+1617"));
		assertThat(phoneNumbers(search("US/Local", "Contains=0199$&PageSize=1000")))
			.allSatisfy((number) -> assertThat(number).endsWith("0199"))
			.hasSize(11);
		assertThat(phoneNumbers(search("US/Local", "AreaCode=312&Contains=JKL0"))).isNotEmpty()
			.allSatisfy((number) -> assertThat(number).contains("5550"));
	}

	@Test
	void regionLocalityAndPostalCodeSelectTheirArea() {
		assertThat(numbers(search("US/Local", "InRegion=TX&PageSize=1000"))).hasSize(100)
			.allSatisfy((number) -> assertThat(number.get("locality").asString()).isEqualTo("Austin"));
		assertThat(phoneNumbers(search("US/Local", "InLocality=Seattle"))).isNotEmpty()
			.allSatisfy((number) -> assertThat(number).startsWith("+1206"));
		assertThat(phoneNumbers(search("US/Local", "InPostalCode=02108"))).isNotEmpty()
			.allSatisfy((number) -> assertThat(number).startsWith("+1617"));
		assertThat(phoneNumbers(search("CA/Local", "InRegion=BC"))).isNotEmpty()
			.allSatisfy((number) -> assertThat(number).startsWith("+1604"));
	}

	@Test
	void nearNumberFindsNumbersWithinTheDistance() {
		List<String> near = phoneNumbers(search("US/Local", "NearNumber=%2B14155550100&PageSize=1000"));

		assertThat(near).anyMatch((number) -> number.startsWith("+1415"))
			.anyMatch((number) -> number.startsWith("+1510"))
			.allMatch((number) -> number.startsWith("+1415") || number.startsWith("+1510"));
	}

	@Test
	void capabilityFiltersKeepOnlyCapableNumbers() {
		List<JsonNode> all = numbers(search("US/Local", "AreaCode=415&PageSize=100"));
		List<JsonNode> capable = numbers(search("US/Local",
				"AreaCode=415&PageSize=100&SmsEnabled=true&MmsEnabled=true&VoiceEnabled=true&FaxEnabled=true"));

		assertThat(all).hasSize(100);
		assertThat(capable).isNotEmpty().hasSizeLessThan(all.size()).allSatisfy((number) -> {
			JsonNode capabilities = number.get("capabilities");
			assertThat(capabilities.get("voice").asBoolean()).isTrue();
			assertThat(capabilities.get("SMS").asBoolean()).isTrue();
			assertThat(capabilities.get("MMS").asBoolean()).isTrue();
			assertThat(capabilities.get("fax").asBoolean()).isTrue();
		});
	}

	@Test
	void excludeAddressRequiredFiltersDropNumbersNeedingAnAddress() {
		List<String> unfiltered = addressRequirements(search("US/Local", "AreaCode=415&PageSize=100"));
		List<String> noAddress = addressRequirements(
				search("US/Local", "AreaCode=415&PageSize=100&ExcludeAllAddressRequired=true"));
		List<String> noLocal = addressRequirements(
				search("US/Local", "AreaCode=415&PageSize=100&ExcludeLocalAddressRequired=true"));
		List<String> noForeign = addressRequirements(
				search("US/Local", "AreaCode=415&PageSize=100&ExcludeForeignAddressRequired=true"));

		assertThat(unfiltered).contains("none", "any", "local", "foreign");
		assertThat(noAddress).isNotEmpty().containsOnly("none");
		assertThat(noLocal).isNotEmpty().doesNotContain("local").contains("any");
		assertThat(noForeign).isNotEmpty().doesNotContain("foreign").contains("local");
	}

	@Test
	void betaFalseLeavesOutNumbersNewToTwilio() {
		List<JsonNode> all = numbers(search("US/Local", "AreaCode=415&PageSize=100"));
		List<JsonNode> established = numbers(search("US/Local", "AreaCode=415&PageSize=100&Beta=false"));

		assertThat(all).anyMatch((number) -> number.get("beta").asBoolean());
		assertThat(established).isNotEmpty().noneMatch((number) -> number.get("beta").asBoolean());
	}

	@Test
	void tollFreeSearchOffersFictionalTollFreeNumbers() {
		List<String> any = phoneNumbers(search("US/TollFree", "PageSize=1000"));
		List<String> eightEightEight = phoneNumbers(search("US/TollFree", "AreaCode=888"));

		assertThat(any).hasSize(700)
			.allMatch((number) -> number.matches("\\+1(800|833|844|855|866|877|888)55501\\d\\d"));
		assertThat(eightEightEight).hasSize(50).allMatch((number) -> number.startsWith("+1888555"));
	}

	@Test
	void greatBritainOffersOfcomDramaNumbers() {
		List<JsonNode> local = numbers(search("GB/Local", "InLocality=London"));
		List<String> mobile = phoneNumbers(search("GB/Mobile", "PageSize=5"));

		assertThat(local).isNotEmpty().allSatisfy((number) -> {
			assertThat(number.get("phone_number").asString()).startsWith("+44207946");
			assertThat(number.get("iso_country").asString()).isEqualTo("GB");
		});
		assertThat(local.get(0).get("friendly_name").asString()).isEqualTo("020 7946 0100");
		assertThat(mobile).hasSize(5).allMatch((number) -> number.startsWith("+447700900"));
	}

	@Test
	void unknownAreaCodeGivesAnEmptyList() {
		EmulatorClient.Reply reply = search("US/Local", "AreaCode=999");

		assertThat(reply.status()).isEqualTo(200);
		assertThat(numbers(reply)).isEmpty();
	}

	@Test
	void typeTheCountryDoesNotOfferIsNotFoundAsOnTwilio() {
		assertError(search("US/Mobile", ""), 404, 20404);
		assertError(search("CA/Mobile", ""), 404, 20404);
		assertError(search("US/National", ""), 404, 20404);
		assertThat(search("GB/Mobile", "PageSize=1").status()).isEqualTo(200);
	}

	@Test
	void containsNeedsAtLeastTwoDigitsOrLetters() {
		assertError(search("US/Local", "Contains=5"), 400, 400);
		assertError(search("US/Local", "Contains=5*"), 400, 400);
		assertError(search("US/Local", "Contains=" + "5".repeat(17)), 400, 400);
		assertThat(numbers(search("US/Local", "AreaCode=415&Contains=55"))).isNotEmpty();
	}

	@Test
	void inRateCenterNeedsInLata() {
		assertError(search("US/Local", "InRateCenter=SNFC"), 400, 400);
		assertThat(phoneNumbers(search("US/Local", "InRateCenter=SNFC&InLata=722"))).isNotEmpty()
			.allSatisfy((number) -> assertThat(number).startsWith("+1415"));
	}

	@Test
	void countriesListTheSubresourcesEachCountryOffers() {
		EmulatorClient.Reply list = this.client.get(this.client.account("/AvailablePhoneNumbers.json"));
		EmulatorClient.Reply us = this.client.get(this.client.account("/AvailablePhoneNumbers/US.json"));

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("countries")).extracting((country) -> country.get("country_code").asString())
			.containsExactly("CA", "GB", "US");
		JsonNode subresources = us.json().get("subresource_uris");
		assertThat(subresources.propertyNames()).containsExactly("local", "toll_free");
		assertThat(subresources.get("toll_free").asString())
			.isEqualTo(this.client.account("/AvailablePhoneNumbers/US/TollFree.json"));
		assertThat(this.client.get(this.client.account("/AvailablePhoneNumbers/GB.json"))
			.json()
			.get("subresource_uris")
			.propertyNames()).containsExactly("local", "mobile", "toll_free");
		assertError(this.client.get(this.client.account("/AvailablePhoneNumbers/FR.json")), 404, 20404);
	}

	@Test
	void unsupportedCountryIsNotFound() {
		EmulatorClient.Reply reply = search("FR/Local", "");

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.json().get("code").asInt()).isEqualTo(20404);
	}

	@Test
	void invalidAreaCodeIsRefused() {
		EmulatorClient.Reply reply = search("US/Local", "AreaCode=12");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("code").asInt()).isEqualTo(21451);
	}

	@Test
	void searchNeverOffersANumberTheAccountOwns() {
		assertThat(buy("PhoneNumber", "+14155550100").status()).isEqualTo(201);
		assertThat(buy("PhoneNumber", "+14155550142").status()).isEqualTo(201);

		List<String> offered = phoneNumbers(search("US/Local", "AreaCode=415&PageSize=1000"));

		assertThat(offered).hasSize(98).doesNotContain("+14155550100", "+14155550142");
	}

	private static List<JsonNode> numbers(EmulatorClient.Reply reply) {
		assertThat(reply.status()).isEqualTo(200);
		List<JsonNode> numbers = new ArrayList<>();
		reply.json().get("available_phone_numbers").forEach(numbers::add);
		return numbers;
	}

	private static List<String> phoneNumbers(EmulatorClient.Reply reply) {
		return numbers(reply).stream().map((number) -> number.get("phone_number").asString()).toList();
	}

	private static List<String> addressRequirements(EmulatorClient.Reply reply) {
		return numbers(reply).stream().map((number) -> number.get("address_requirements").asString()).toList();
	}

}
