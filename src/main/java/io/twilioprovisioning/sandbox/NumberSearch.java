package io.twilioprovisioning.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The AvailablePhoneNumbers search over the {@link Catalog}: every query parameter Twilio
 * documents for the per-type endpoints, one page of results, never a number any account
 * owns. Checks what the specification requires: {@code Contains} has 2 to 16 characters
 * of which at least 2 are digits or letters, {@code InRateCenter} comes with
 * {@code InLata}. Twilio documents no error code for these, so they answer 400 with the
 * generic code 400 ("Bad Request").
 */
final class NumberSearch {

	private static final Map<String, String> TYPES = Map.of("Local", Catalog.LOCAL, "TollFree", Catalog.TOLL_FREE,
			"Mobile", Catalog.MOBILE, "National", "national", "Voip", "voip", "SharedCost", "shared-cost",
			"MachineToMachine", "machine-to-machine");

	private static final double EARTH_RADIUS_MILES = 3958.8;

	private NumberSearch() {
	}

	/**
	 * Whether the country offers the type named in the path ({@code Local},
	 * {@code Mobile}…): Twilio answers 404 for a type a country does not offer.
	 */
	static boolean isOffered(String country, String pathType) {
		String type = TYPES.get(pathType);
		return type != null && Catalog.offers(country, type);
	}

	/**
	 * The path name of a catalogue type, e.g. {@code TollFree} for {@code toll-free}.
	 */
	static String pathType(String type) {
		return TYPES.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().equals(type))
			.map(Map.Entry::getKey)
			.findFirst()
			.orElseThrow();
	}

	static List<Catalog.Entry> search(String country, String pathType, EmulatorRequest request,
			Predicate<String> owned) {
		String type = TYPES.get(pathType);
		int limit = pageSize(request.queryParam("PageSize"));
		Predicate<Catalog.Entry> filter = filter(request);
		List<Catalog.Entry> found = new ArrayList<>();
		for (Catalog.Entry entry : Catalog.entries()) {
			if (found.size() >= limit) {
				break;
			}
			if (entry.isoCountry().equals(country) && entry.type().equals(type) && !owned.test(entry.phoneNumber())
					&& filter.test(entry)) {
				found.add(entry);
			}
		}
		return found;
	}

	static int pageSize(String value) {
		return Paging.pageSize(value);
	}

	static boolean isTrue(String value) {
		return value != null && value.strip().equalsIgnoreCase("true");
	}

	static boolean isFalse(String value) {
		return value != null && value.strip().equalsIgnoreCase("false");
	}

	private static Predicate<Catalog.Entry> filter(EmulatorRequest request) {
		Predicate<Catalog.Entry> filter = (entry) -> true;
		String areaCode = request.queryParam("AreaCode");
		if (areaCode != null) {
			if (!areaCode.strip().matches("[2-9]\\d\\d")) {
				throw TwilioErrorException.badRequest(21451, "AreaCode " + areaCode + " is not a valid area code");
			}
			filter = filter.and((entry) -> areaCode.strip().equals(entry.areaCode()));
		}
		String contains = request.queryParam("Contains");
		if (contains != null && !contains.isBlank()) {
			requireValidContains(contains.strip());
			NumberPattern pattern = NumberPattern.compile(contains);
			filter = filter.and((entry) -> pattern.matches(entry.phoneNumber()));
		}
		String rateCenter = request.queryParam("InRateCenter");
		String lata = request.queryParam("InLata");
		if (rateCenter != null && !rateCenter.isBlank() && (lata == null || lata.isBlank())) {
			throw TwilioErrorException.badRequest(TwilioErrorException.BAD_REQUEST, "InRateCenter requires InLata");
		}
		filter = filter.and(same(request.queryParam("InRegion"), Catalog.Area::region, Catalog.Entry::region));
		filter = filter.and(same(request.queryParam("InLocality"), Catalog.Area::locality, Catalog.Entry::locality));
		filter = filter
			.and(same(request.queryParam("InPostalCode"), Catalog.Area::postalCode, Catalog.Entry::postalCode));
		filter = filter.and(same(request.queryParam("InLata"), Catalog.Area::lata, Catalog.Entry::lata));
		filter = filter
			.and(same(request.queryParam("InRateCenter"), Catalog.Area::rateCenter, Catalog.Entry::rateCenter));
		filter = filter.and(near(request));
		if (isTrue(request.queryParam("VoiceEnabled"))) {
			filter = filter.and((entry) -> entry.capabilities().voice());
		}
		if (isTrue(request.queryParam("SmsEnabled"))) {
			filter = filter.and((entry) -> entry.capabilities().sms());
		}
		if (isTrue(request.queryParam("MmsEnabled"))) {
			filter = filter.and((entry) -> entry.capabilities().mms());
		}
		if (isTrue(request.queryParam("FaxEnabled"))) {
			filter = filter.and((entry) -> entry.capabilities().fax());
		}
		if (isTrue(request.queryParam("ExcludeAllAddressRequired"))) {
			filter = filter.and((entry) -> "none".equals(entry.addressRequirements()));
		}
		if (isTrue(request.queryParam("ExcludeLocalAddressRequired"))) {
			filter = filter.and((entry) -> !"local".equals(entry.addressRequirements()));
		}
		if (isTrue(request.queryParam("ExcludeForeignAddressRequired"))) {
			filter = filter.and((entry) -> !"foreign".equals(entry.addressRequirements()));
		}
		if (isFalse(request.queryParam("Beta"))) {
			filter = filter.and((entry) -> !entry.beta());
		}
		return filter;
	}

	private static void requireValidContains(String contains) {
		long significant = contains.chars().filter(Character::isLetterOrDigit).count();
		if (contains.length() > 16 || significant < 2) {
			throw TwilioErrorException.badRequest(TwilioErrorException.BAD_REQUEST,
					"Contains must have 2 to 16 characters, at least 2 of them digits or letters, was " + contains);
		}
	}

	/**
	 * Filters on a field by value, or, given a phone number, by that number's area.
	 */
	private static Predicate<Catalog.Entry> same(String value, Function<Catalog.Area, String> ofArea,
			Function<Catalog.Entry, String> ofEntry) {
		if (value == null || value.isBlank()) {
			return (entry) -> true;
		}
		String wanted;
		String number = PhoneFormat.normalize(value);
		if (value.strip().startsWith("+") && number != null) {
			Catalog.Area area = Catalog.areaOf(number);
			wanted = (area != null) ? ofArea.apply(area) : null;
		}
		else {
			wanted = value.strip();
		}
		return (entry) -> wanted != null && ofEntry.apply(entry) != null
				&& ofEntry.apply(entry).toUpperCase(Locale.ROOT).equals(wanted.toUpperCase(Locale.ROOT));
	}

	private static Predicate<Catalog.Entry> near(EmulatorRequest request) {
		String nearNumber = request.queryParam("NearNumber");
		String nearLatLong = request.queryParam("NearLatLong");
		if ((nearNumber == null || nearNumber.isBlank()) && (nearLatLong == null || nearLatLong.isBlank())) {
			return (entry) -> true;
		}
		double distance = distance(request.queryParam("Distance"));
		double[] centre = centre(nearNumber, nearLatLong);
		if (centre == null) {
			return (entry) -> false;
		}
		return (entry) -> entry.latitude() != null
				&& miles(centre[0], centre[1], entry.latitude(), entry.longitude()) <= distance;
	}

	private static double[] centre(String nearNumber, String nearLatLong) {
		if (nearNumber != null && !nearNumber.isBlank()) {
			Catalog.Area area = Catalog.areaOf(PhoneFormat.normalize(nearNumber));
			return (area != null) ? new double[] { area.latitude(), area.longitude() } : null;
		}
		String[] parts = nearLatLong.split(",");
		try {
			return (parts.length == 2)
					? new double[] { Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()) }
					: null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static double distance(String value) {
		try {
			return (value != null) ? Math.min(500, Math.max(0, Integer.parseInt(value.strip()))) : 25;
		}
		catch (NumberFormatException ex) {
			return 25;
		}
	}

	private static double miles(double lat1, double lon1, double lat2, double lon2) {
		double dLat = Math.toRadians(lat2 - lat1);
		double dLon = Math.toRadians(lon2 - lon1);
		double a = Math.sin(dLat / 2) * Math.sin(dLat / 2) + Math.cos(Math.toRadians(lat1))
				* Math.cos(Math.toRadians(lat2)) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
		return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(a));
	}

}
