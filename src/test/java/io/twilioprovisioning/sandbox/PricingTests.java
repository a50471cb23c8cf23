package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static io.twilioprovisioning.sandbox.PurchaseTests.assertError;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Phone-number prices on the pricing host, served under {@code /pricing}, and the charge
 * of a purchase.
 */
class PricingTests extends StandaloneEmulatorTest {

	private static final String COUNTRIES = "/pricing/v1/PhoneNumbers/Countries";

	@Test
	void countriesAreTheOnesTheCatalogueSellsIn() {
		JsonNode page = this.client.get(COUNTRIES).json();

		List<String> countries = new ArrayList<>();
		page.get("countries").forEach((country) -> countries.add(country.get("iso_country").asString()));
		assertThat(countries).containsExactly("CA", "GB", "US");
		assertThat(page.get("countries").get(2).get("country").asString()).isEqualTo("United States");
		assertThat(page.get("countries").get(2).get("url").asString())
			.isEqualTo("https://pricing.twilio.com/v1/PhoneNumbers/Countries/US");
		assertThat(page.get("meta").get("key").asString()).isEqualTo("countries");
	}

	@Test
	void aCountryHasAMonthlyPricePerNumberTypeAsStrings() {
		JsonNode us = this.client.get(COUNTRIES + "/US").json();
		JsonNode gb = this.client.get(COUNTRIES + "/GB").json();

		assertThat(us.get("country").asString()).isEqualTo("United States");
		assertThat(us.get("price_unit").asString()).isEqualTo("USD");
		assertThat(prices(us)).containsExactly("local=1.15", "toll free=2.15");
		assertThat(prices(gb)).containsExactly("local=1.25", "mobile=1.40", "toll free=2.50");
		assertThat(us.get("phone_number_prices").get(0).get("base_price").isString()).isTrue();
	}

	@Test
	void aPurchaseIsChargedThePriceOfItsCountryAndType() {
		assertThat(buy("PhoneNumber", "+18005550100").status()).isEqualTo(201);
		assertThat(buy("PhoneNumber", "+442079460101", "AddressSid", address(TwilioEmulator.DEFAULT_ACCOUNT_SID, "GB"))
			.status()).isEqualTo(201);

		assertThat(this.emulator.balance()).isEqualByComparingTo("496.60");
	}

	@Test
	void aCountryTheCatalogueDoesNotSellInIsNotFound() {
		assertError(this.client.get(COUNTRIES + "/FR"), 404, 20404);
	}

	private static List<String> prices(JsonNode country) {
		List<String> prices = new ArrayList<>();
		country.get("phone_number_prices")
			.forEach((price) -> prices
				.add(price.get("number_type").asString() + "=" + price.get("current_price").asString()));
		return prices;
	}

}
