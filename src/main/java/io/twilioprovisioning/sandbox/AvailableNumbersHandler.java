package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

import io.twilioprovisioning.sandbox.OwnedRecord.Capabilities;

/**
 * AvailablePhoneNumbers: the countries the catalogue sells in
 * ({@code …/AvailablePhoneNumbers.json}, {@code …/AvailablePhoneNumbers/{Country}.json})
 * and the per-type search ({@code …/AvailablePhoneNumbers/{Country}/{Type}.json}), which
 * answers 404 (20404) for a country or type the catalogue does not sell, as Twilio does
 * for {@code US/Mobile}. A search never offers a number any account owns.
 */
final class AvailableNumbersHandler {

	private static final String BASE = "/2010-04-01/Accounts/{Account}/AvailablePhoneNumbers";

	private final EmulatorContext context;

	AvailableNumbersHandler(EmulatorContext context) {
		this.context = context;
	}

	void register(RouteTable routes) {
		routes.route(TwilioHost.API, BASE + ".json").get(Operation.COUNTRIES, this::countries);
		routes.route(TwilioHost.API, BASE + "/{Country}.json").get(Operation.COUNTRIES, this::country);
		routes.route(TwilioHost.API, BASE + "/{Country}/{Type}.json").get(Operation.SEARCH, this::search);
	}

	private EmulatorResponse countries(Call call) {
		Map<String, Object> json = EmulatorContext.object();
		json.put("countries",
				Catalog.countries()
					.values()
					.stream()
					.map((country) -> country(call.account().sid(), country))
					.toList());
		json.put("uri", call.path());
		return EmulatorContext.json(200, json);
	}

	private EmulatorResponse country(Call call) {
		Catalog.Country country = Catalog.countries().get(call.parameter("Country"));
		if (country == null) {
			throw call.notFound();
		}
		return EmulatorContext.json(200, country(call.account().sid(), country));
	}

	private EmulatorResponse search(Call call) {
		String country = call.parameter("Country");
		String type = call.parameter("Type");
		if (!NumberSearch.isOffered(country, type)) {
			throw call.notFound();
		}
		EmulatorRequest request = call.request();
		List<Catalog.Entry> found = this.context.state()
			.read((state) -> NumberSearch.search(country, type, request, state.numbers()::isOwned));
		int pageSize = Paging.pageSize(request.queryParam("PageSize"));
		String uri = call.path() + "?" + query(request.query());
		Map<String, Object> json = EmulatorContext.object();
		json.put("available_phone_numbers", found.stream().map(AvailableNumbersHandler::json).toList());
		json.put("end", Math.max(0, found.size() - 1));
		json.put("first_page_uri", uri);
		json.put("next_page_uri", null);
		json.put("page", 0);
		json.put("page_size", pageSize);
		json.put("previous_page_uri", null);
		json.put("start", 0);
		json.put("uri", uri);
		return EmulatorContext.json(200, json);
	}

	private static Map<String, Object> country(String accountSid, Catalog.Country country) {
		String uri = TwilioJson.accountPath(accountSid) + "/AvailablePhoneNumbers/" + country.isoCountry();
		Map<String, Object> subresources = EmulatorContext.object();
		for (String type : country.types()) {
			String key = switch (type) {
				case Catalog.TOLL_FREE -> "toll_free";
				default -> type;
			};
			subresources.put(key, uri + "/" + NumberSearch.pathType(type) + ".json");
		}
		Map<String, Object> json = EmulatorContext.object();
		json.put("country_code", country.isoCountry());
		json.put("country", country.name());
		json.put("uri", uri + ".json");
		json.put("beta", false);
		json.put("subresource_uris", subresources);
		return json;
	}

	/**
	 * An available number. Capabilities use the keys live searches answer with
	 * ({@code voice}, {@code SMS}, {@code MMS}, {@code fax}); latitude and longitude are
	 * strings, as in Twilio's examples.
	 */
	static Map<String, Object> json(Catalog.Entry entry) {
		Map<String, Object> json = EmulatorContext.object();
		json.put("friendly_name", entry.friendlyName());
		json.put("phone_number", entry.phoneNumber());
		json.put("lata", entry.lata());
		json.put("locality", entry.locality());
		json.put("rate_center", entry.rateCenter());
		json.put("latitude", coordinate(entry.latitude()));
		json.put("longitude", coordinate(entry.longitude()));
		json.put("region", entry.region());
		json.put("postal_code", entry.postalCode());
		json.put("iso_country", entry.isoCountry());
		json.put("address_requirements", entry.addressRequirements());
		json.put("beta", entry.beta());
		json.put("capabilities", capabilities(entry.capabilities(), "SMS", "MMS"));
		return json;
	}

	static Map<String, Object> capabilities(Capabilities capabilities, String smsKey, String mmsKey) {
		Map<String, Object> json = EmulatorContext.object();
		json.put("voice", capabilities.voice());
		json.put(smsKey, capabilities.sms());
		json.put(mmsKey, capabilities.mms());
		json.put("fax", capabilities.fax());
		return json;
	}

	private static String coordinate(Double value) {
		return (value != null) ? BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString() : null;
	}

	private static String query(Map<String, List<String>> parameters) {
		StringBuilder query = new StringBuilder();
		parameters.forEach((name, values) -> values.forEach((value) -> {
			if (query.length() > 0) {
				query.append('&');
			}
			query.append(Paging.encode(name)).append('=').append(Paging.encode(value));
		}));
		return query.toString();
	}

}
