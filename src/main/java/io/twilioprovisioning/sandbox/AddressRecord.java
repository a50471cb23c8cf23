package io.twilioprovisioning.sandbox;

import java.time.Instant;

/**
 * An Address of an account: where the customer behind its numbers is, which numbers with
 * address requirements need.
 *
 * @param sid {@code AD} + 32 hex
 * @param accountSid the owning account
 * @param customerName the customer's name
 * @param friendlyName a name for it, or {@code null}
 * @param street street and number
 * @param streetSecondary more of the street, or {@code null}
 * @param city the city
 * @param region state or region
 * @param postalCode the postal code
 * @param isoCountry ISO 3166-1 alpha-2
 * @param emergencyEnabled whether it may serve as an emergency address
 * @param dateCreated when it was created
 * @param dateUpdated when it last changed
 */
record AddressRecord(String sid, String accountSid, String customerName, String friendlyName, String street,
		String streetSecondary, String city, String region, String postalCode, String isoCountry,
		boolean emergencyEnabled, Instant dateCreated, Instant dateUpdated) {

	/**
	 * Whether this address satisfies a number's address requirement.
	 * @param requirement {@code none}, {@code any}, {@code local} (in the number's
	 * country) or {@code foreign} (outside it)
	 * @param numberCountry the number's country
	 */
	boolean satisfies(String requirement, String numberCountry) {
		return switch (requirement) {
			case "local" -> this.isoCountry.equals(numberCountry);
			case "foreign" -> !this.isoCountry.equals(numberCountry);
			default -> true;
		};
	}

}
