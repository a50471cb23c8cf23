package io.twilioprovisioning.numbers;

/**
 * A number for sale, as a search returns it.
 *
 * @param phoneNumber the number
 * @param friendlyName the carrier's formatted form, e.g. {@code (415) 555-0100}
 * @param locality city, when known
 * @param region state or province, when known
 * @param postalCode postal code, when known
 * @param isoCountry ISO 3166 alpha-2 country
 * @param capabilities what it can receive
 * @param addressRequirements whether buying it needs an Address
 * @param beta whether the number is new to Twilio
 */
public record AvailableNumber(E164Number phoneNumber, String friendlyName, String locality, String region,
		String postalCode, String isoCountry, Capabilities capabilities, AddressRequirement addressRequirements,
		boolean beta) {

}
