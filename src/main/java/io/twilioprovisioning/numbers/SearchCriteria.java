package io.twilioprovisioning.numbers;

import java.util.Locale;

/**
 * What to search for among the numbers for sale. Optional filters are {@code null}.
 *
 * @param country ISO 3166 alpha-2 country, upper case
 * @param type local, toll-free or mobile
 * @param areaCode 3-digit area code (US/CA)
 * @param contains pattern of 2 to 16 digits, letters and the wildcards {@code * % + $}
 * @param region state or province, e.g. {@code CA}
 * @param locality city
 * @param postalCode postal code
 * @param nearNumber numbers geographically near this one
 * @param smsEnabled only numbers that can receive SMS, when {@code true}
 * @param mmsEnabled only numbers that can receive MMS, when {@code true}
 * @param voiceEnabled only numbers that can receive calls, when {@code true}
 * @param excludeAddressRequired leave out numbers that need an Address
 * @param limit how many numbers, 1 to 30
 */
public record SearchCriteria(String country, NumberType type, String areaCode, String contains, String region,
		String locality, String postalCode, E164Number nearNumber, Boolean smsEnabled, Boolean mmsEnabled,
		Boolean voiceEnabled, boolean excludeAddressRequired, int limit) {

	/** Twilio answers at most this many numbers and cannot page a search. */
	public static final int MAX_LIMIT = 30;

	public SearchCriteria {
		if (country == null || !country.matches("[A-Za-z]{2}")) {
			throw new IllegalArgumentException("country must be an ISO 3166 alpha-2 code");
		}
		country = country.toUpperCase(Locale.ROOT);
		if (type == null) {
			type = NumberType.LOCAL;
		}
		if (areaCode != null && !areaCode.matches("\\d{3}")) {
			throw new IllegalArgumentException("areaCode must be 3 digits");
		}
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT);
		}
	}

	/**
	 * Local numbers in a country, no filter, 20 results.
	 */
	public static SearchCriteria local(String country) {
		return new SearchCriteria(country, NumberType.LOCAL, null, null, null, null, null, null, null, null, null,
				false, 20);
	}

	public SearchCriteria withAreaCode(String code) {
		return new SearchCriteria(this.country, this.type, code, this.contains, this.region, this.locality,
				this.postalCode, this.nearNumber, this.smsEnabled, this.mmsEnabled, this.voiceEnabled,
				this.excludeAddressRequired, this.limit);
	}

	public SearchCriteria withLimit(int newLimit) {
		return new SearchCriteria(this.country, this.type, this.areaCode, this.contains, this.region, this.locality,
				this.postalCode, this.nearNumber, this.smsEnabled, this.mmsEnabled, this.voiceEnabled,
				this.excludeAddressRequired, newLimit);
	}

}
