package io.twilioprovisioning.usage;

/**
 * The port to the carrier's price list (Twilio's Pricing API). The {@code twilio} module
 * implements it; failures leave as the {@code numbers} module's typed carrier exceptions.
 */
public interface PriceSource {

	/**
	 * The monthly price of each number type sold in a country.
	 * @param isoCountry ISO 3166 alpha-2 code, e.g. {@code US}
	 * @return the prices; an empty map when the carrier sells no numbers there
	 */
	CountryPrices monthlyPrices(String isoCountry);

}
