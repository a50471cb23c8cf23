package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.util.Map;

import io.twilioprovisioning.numbers.NumberType;

/**
 * The monthly number prices of one country, as the carrier lists them.
 *
 * @param isoCountry ISO 3166 alpha-2 code
 * @param currency ISO 4217 code of the prices
 * @param monthly the monthly price by number type
 */
public record CountryPrices(String isoCountry, String currency, Map<NumberType, BigDecimal> monthly) {

	public CountryPrices {
		monthly = Map.copyOf(monthly);
	}

}
