package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.twilioprovisioning.sandbox.OwnedRecord.Capabilities;

/**
 * The numbers the emulator sells: a fixed, deterministic inventory in fictional ranges
 * only.
 * <ul>
 * <li>US and Canada local: {@code +1 NPA 555 0100}–{@code 0199} for a table of area codes
 * (NANP reserves 555-0100 to 555-0199 for fiction);</li>
 * <li>US toll-free: {@code +1 800|833|844|855|866|877|888 555 01xx};</li>
 * <li>Great Britain: Ofcom's drama ranges (London {@code 020 7946 01xx}, Leeds
 * {@code 0113 496 01xx}, Manchester {@code 0161 496 01xx}, mobile {@code 07700 900 1xx},
 * freephone {@code 0808 157 01xx}).</li>
 * </ul>
 * Capabilities, address requirements and the beta flag vary with the last two digits, so
 * every search filter selects a different subset. North American numbers need no Address
 * (as on Twilio) except the last ten of each block ({@code 0190}–{@code 0199}), which
 * need one of each kind, so a client that takes the first numbers offered buys without an
 * Address while the address filters and error 21631 can still be exercised.
 */
final class Catalog {

	static final String LOCAL = "local";

	static final String TOLL_FREE = "toll-free";

	static final String MOBILE = "mobile";

	private static final List<Area> AREAS = List.of(
			new Area("US", "415", "San Francisco", "CA", "94103", "722", "SNFC", 37.7749, -122.4194),
			new Area("US", "510", "Oakland", "CA", "94612", "722", "OKLD", 37.8044, -122.2712),
			new Area("US", "212", "New York", "NY", "10001", "132", "NWYRCYZN01", 40.7506, -73.9972),
			new Area("US", "312", "Chicago", "IL", "60601", "358", "CHCG", 41.8853, -87.6229),
			new Area("US", "512", "Austin", "TX", "78701", "558", "AUSTIN", 30.2711, -97.7437),
			new Area("US", "206", "Seattle", "WA", "98101", "674", "SEATTLE", 47.6114, -122.3305),
			new Area("US", "617", "Boston", "MA", "02108", "128", "BOSTON", 42.3570, -71.0637),
			new Area("US", "303", "Denver", "CO", "80202", "656", "DENVER", 39.7530, -104.9990),
			new Area("US", "305", "Miami", "FL", "33131", "460", "MIAMI", 25.7663, -80.1917),
			new Area("US", "404", "Atlanta", "GA", "30303", "438", "ATLANTA", 33.7525, -84.3915),
			new Area("US", "702", "Las Vegas", "NV", "89101", "721", "LAS VEGAS", 36.1724, -115.1372),
			new Area("CA", "416", "Toronto", "ON", "M5H 2N2", "888", "TORONTO", 43.6511, -79.3832),
			new Area("CA", "604", "Vancouver", "BC", "V6B 1A1", "888", "VANCOUVER", 49.2827, -123.1207),
			new Area("CA", "514", "Montreal", "QC", "H2Y 1C6", "888", "MONTREAL", 45.5017, -73.5673));

	private static final List<String> TOLL_FREE_CODES = List.of("800", "833", "844", "855", "866", "877", "888");

	/**
	 * The countries the catalogue sells in, with the AvailablePhoneNumbers subresources
	 * each offers (Twilio answers 404 for the others, e.g. {@code US/Mobile}).
	 */
	private static final Map<String, Country> COUNTRIES = buildCountries();

	private static final List<Entry> ENTRIES = build();

	private static final Map<String, Entry> BY_NUMBER = index(ENTRIES);

	private Catalog() {
	}

	static List<Entry> entries() {
		return ENTRIES;
	}

	static Entry find(String e164) {
		return BY_NUMBER.get(e164);
	}

	/**
	 * The countries the catalogue sells in, by ISO code, in the order of their names.
	 */
	static Map<String, Country> countries() {
		return COUNTRIES;
	}

	/**
	 * Whether AvailablePhoneNumbers offers a type in a country.
	 * @param isoCountry e.g. {@code US}
	 * @param type {@link #LOCAL}, {@link #TOLL_FREE} or {@link #MOBILE}
	 */
	static boolean offers(String isoCountry, String type) {
		Country country = COUNTRIES.get(isoCountry);
		return country != null && country.types().contains(type);
	}

	/**
	 * The country of a number: the catalogue's, else by its calling code and area.
	 * @return the ISO code, {@code US} for a North American number outside the table
	 */
	static String countryOf(String e164) {
		Entry entry = find(e164);
		if (entry != null) {
			return entry.isoCountry();
		}
		Area area = areaOf(e164);
		if (area != null) {
			return area.isoCountry();
		}
		return (e164 != null && e164.startsWith("+44")) ? "GB" : "US";
	}

	/**
	 * The area of a North American number of the catalog's table, for the {@code Near*}
	 * and {@code In*} filters given a phone number.
	 * @return the area, or {@code null}
	 */
	static Area areaOf(String e164) {
		if (e164 == null || !e164.startsWith("+1") || e164.length() != 12) {
			return null;
		}
		String areaCode = e164.substring(2, 5);
		return AREAS.stream().filter((area) -> area.areaCode().equals(areaCode)).findFirst().orElse(null);
	}

	private static List<Entry> build() {
		List<Entry> entries = new ArrayList<>();
		for (Area area : AREAS) {
			for (int n = 0; n < 100; n++) {
				String number = "+1" + area.areaCode() + "55501" + twoDigits(n);
				Capabilities capabilities = new Capabilities(n % 10 != 9, n % 5 != 4, n % 5 != 4 && n % 3 != 2,
						n % 4 == 0);
				entries.add(new Entry(number, PhoneFormat.friendly(number), LOCAL, area.isoCountry(), area.areaCode(),
						area.locality(), area.region(), area.postalCode(), area.lata(), area.rateCenter(),
						area.latitude() + (n % 10) * 0.001, area.longitude() - (n / 10) * 0.001,
						northAmericanAddress(n), n % 17 == 16, capabilities));
			}
		}
		for (String code : TOLL_FREE_CODES) {
			for (int n = 0; n < 100; n++) {
				String number = "+1" + code + "55501" + twoDigits(n);
				entries.add(new Entry(number, PhoneFormat.friendly(number), TOLL_FREE, "US", code, null, null, null,
						null, null, null, null, "none", false, new Capabilities(true, n % 4 != 3, false, false)));
			}
		}
		addBritish(entries, "+44207946", "01", "London", LOCAL);
		addBritish(entries, "+44113496", "01", "Leeds", LOCAL);
		addBritish(entries, "+44161496", "01", "Manchester", LOCAL);
		addBritish(entries, "+447700900", "1", null, MOBILE);
		addBritish(entries, "+44808157", "01", null, TOLL_FREE);
		return Collections.unmodifiableList(entries);
	}

	private static void addBritish(List<Entry> entries, String prefix, String block, String locality, String type) {
		for (int n = 0; n < 100; n++) {
			String number = prefix + block + twoDigits(n);
			String address = switch (type) {
				case LOCAL -> (n % 3 == 0) ? "any" : ((n % 3 == 1) ? "local" : "foreign");
				case MOBILE -> (n % 2 == 0) ? "any" : "none";
				default -> "none";
			};
			Capabilities capabilities = new Capabilities(n % 10 != 9, !TOLL_FREE.equals(type) && n % 5 != 4, false,
					false);
			entries.add(new Entry(number, PhoneFormat.friendly(number), type, "GB", null, locality, null, null, null,
					null, null, null, address, n % 17 == 16, capabilities));
		}
	}

	private static String northAmericanAddress(int n) {
		if (n < 90) {
			return "none";
		}
		return switch (n % 3) {
			case 0 -> "any";
			case 1 -> "local";
			default -> "foreign";
		};
	}

	private static Map<String, Country> buildCountries() {
		Map<String, Country> countries = new LinkedHashMap<>();
		countries.put("CA", new Country("CA", "Canada", List.of(LOCAL, TOLL_FREE)));
		countries.put("GB", new Country("GB", "United Kingdom", List.of(LOCAL, MOBILE, TOLL_FREE)));
		countries.put("US", new Country("US", "United States", List.of(LOCAL, TOLL_FREE)));
		return Collections.unmodifiableMap(countries);
	}

	private static String twoDigits(int n) {
		return (n < 10) ? "0" + n : Integer.toString(n);
	}

	private static Map<String, Entry> index(List<Entry> entries) {
		Map<String, Entry> index = new LinkedHashMap<>();
		entries.forEach((entry) -> index.put(entry.phoneNumber(), entry));
		return Collections.unmodifiableMap(index);
	}

	/**
	 * A country the catalogue sells in.
	 *
	 * @param isoCountry ISO 3166-1 alpha-2
	 * @param name the English name Twilio gives it
	 * @param types the number types AvailablePhoneNumbers offers there
	 */
	record Country(String isoCountry, String name, List<String> types) {

	}

	/**
	 * A place numbers come from.
	 */
	record Area(String isoCountry, String areaCode, String locality, String region, String postalCode, String lata,
			String rateCenter, double latitude, double longitude) {

	}

	/**
	 * One number for sale; fields Twilio leaves out for the country are {@code null}.
	 */
	record Entry(String phoneNumber, String friendlyName, String type, String isoCountry, String areaCode,
			String locality, String region, String postalCode, String lata, String rateCenter, Double latitude,
			Double longitude, String addressRequirements, boolean beta, Capabilities capabilities) {

	}

}
