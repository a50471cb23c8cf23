package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Phone-number prices on {@code pricing.twilio.com}: {@code /v1/PhoneNumbers/Countries}
 * (the countries the catalogue sells in) and {@code /v1/PhoneNumbers/Countries/{Iso}}
 * (the monthly price of each number type there, from the {@link PriceList} that purchases
 * are charged with; 404 for another country). Prices are strings, as Twilio sends them.
 */
final class PricingHandler {

	private static final String COUNTRIES = "/v1/PhoneNumbers/Countries";

	void register(RouteTable routes) {
		routes.route(TwilioHost.PRICING, COUNTRIES).get(Operation.PRICE_COUNTRY_LIST, this::list);
		routes.route(TwilioHost.PRICING, COUNTRIES + "/{Country}").get(Operation.PRICE_COUNTRY_FETCH, this::fetch);
	}

	private EmulatorResponse list(Call call) {
		List<Map<String, Object>> countries = new ArrayList<>();
		for (Catalog.Country country : Catalog.countries().values()) {
			Map<String, Object> json = EmulatorContext.object();
			json.put("country", country.name());
			json.put("iso_country", country.isoCountry());
			json.put("url", TwilioHost.PRICING.url(COUNTRIES + "/" + country.isoCountry()));
			countries.add(json);
		}
		Paging.Slice<Map<String, Object>> slice = Paging.slice(countries, call.request());
		return EmulatorContext.json(200,
				Paging.metaEnvelope("countries", slice.items(), slice, call.host(), call.path(), ""));
	}

	private EmulatorResponse fetch(Call call) {
		String iso = call.parameter("Country").toUpperCase(Locale.ROOT);
		Catalog.Country country = Catalog.countries().get(iso);
		if (country == null) {
			throw call.notFound();
		}
		List<Map<String, Object>> prices = new ArrayList<>();
		for (Map.Entry<String, BigDecimal> price : PriceList.of(iso).entrySet()) {
			Map<String, Object> json = EmulatorContext.object();
			json.put("number_type", Catalog.TOLL_FREE.equals(price.getKey()) ? "toll free" : price.getKey());
			json.put("base_price", price.getValue().toPlainString());
			json.put("current_price", price.getValue().toPlainString());
			prices.add(json);
		}
		Map<String, Object> json = EmulatorContext.object();
		json.put("country", country.name());
		json.put("iso_country", iso);
		json.put("phone_number_prices", prices);
		json.put("price_unit", PriceList.CURRENCY);
		json.put("url", TwilioHost.PRICING.url(COUNTRIES + "/" + iso));
		return EmulatorContext.json(200, json);
	}

}
