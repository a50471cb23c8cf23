package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a number costs per month, by country and type: fictional but plausible prices, in
 * USD, for exactly the countries and types the {@link Catalog} sells. The Pricing API
 * answers them and a purchase takes them off the balance.
 */
final class PriceList {

	static final String CURRENCY = "USD";

	private static final Map<String, Map<String, BigDecimal>> PRICES = Map.of("US", prices("1.15", null, "2.15"), "CA",
			prices("1.30", null, "2.30"), "GB", prices("1.25", "1.40", "2.50"));

	private PriceList() {
	}

	/**
	 * The monthly price of a number of this country and type.
	 * @param country ISO code, e.g. {@code US}
	 * @param type {@link Catalog#LOCAL}, {@link Catalog#MOBILE} or
	 * {@link Catalog#TOLL_FREE}
	 */
	static BigDecimal monthly(String country, String type) {
		BigDecimal price = PRICES.getOrDefault(country, Map.of()).get(type);
		if (price == null) {
			throw new IllegalArgumentException("No price for " + type + " numbers in " + country);
		}
		return price;
	}

	/**
	 * The prices of a country by type, in the order local, mobile, toll-free; empty when
	 * the catalogue does not sell there.
	 */
	static Map<String, BigDecimal> of(String country) {
		return PRICES.getOrDefault(country, Map.of());
	}

	private static Map<String, BigDecimal> prices(String local, String mobile, String tollFree) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		prices.put(Catalog.LOCAL, new BigDecimal(local));
		if (mobile != null) {
			prices.put(Catalog.MOBILE, new BigDecimal(mobile));
		}
		prices.put(Catalog.TOLL_FREE, new BigDecimal(tollFree));
		return prices;
	}

}
