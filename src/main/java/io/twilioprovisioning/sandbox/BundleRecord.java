package io.twilioprovisioning.sandbox;

import java.time.Instant;

/**
 * A regulatory Bundle of an account (numbers.twilio.com/v2/RegulatoryCompliance/Bundles):
 * the documents that let it buy numbers of one type in one country.
 *
 * @param sid {@code BU} + 32 hex
 * @param accountSid the owning account
 * @param regulationSid {@code RN} + 32 hex, the regulation it satisfies
 * @param friendlyName its name
 * @param status {@code draft}, {@code pending-review}, {@code in-review},
 * {@code twilio-rejected}, {@code twilio-approved} or {@code provisionally-approved}
 * @param isoCountry the regulation's country
 * @param numberType the regulation's number type: {@code local}, {@code mobile} or
 * {@code toll-free}
 * @param endUserType {@code business} or {@code individual}
 * @param email who hears about status changes
 * @param dateCreated when it was created
 * @param dateUpdated when it last changed
 */
record BundleRecord(String sid, String accountSid, String regulationSid, String friendlyName, String status,
		String isoCountry, String numberType, String endUserType, String email, Instant dateCreated,
		Instant dateUpdated) {

	static final String APPROVED = "twilio-approved";

	/**
	 * Whether a purchase of a number of this country and type may use the bundle.
	 */
	boolean covers(String country, String type) {
		return APPROVED.equals(this.status) && this.isoCountry.equals(country) && this.numberType.equals(type);
	}

}
