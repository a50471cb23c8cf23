package io.twilioprovisioning.numbers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberType;
import io.twilioprovisioning.numbers.PhoneNumberText;
import io.twilioprovisioning.numbers.SearchCriteria;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Route 1: search the numbers for sale.
 *
 * @param country ISO 3166 alpha-2, default US
 * @param type local, toll-free or mobile, default local
 * @param areaCode 3-digit area code
 * @param contains 2–16 digits/letters with Twilio's wildcards
 * @param region state or province, 2 letters
 * @param locality city
 * @param postalCode postal code
 * @param nearNumber numbers near this one
 * @param smsEnabled only SMS-capable numbers
 * @param mmsEnabled only MMS-capable numbers
 * @param voiceEnabled only voice-capable numbers
 * @param excludeAddressRequired leave out numbers that need an Address
 * @param limit 1–30, default 20
 */
@Schema(example = "{\"country\":\"US\",\"type\":\"local\",\"areaCode\":\"415\",\"smsEnabled\":true,\"limit\":10}")
record SearchRequest(@Pattern(regexp = "^[A-Za-z]{2}$", message = "must be a 2-letter ISO country code") String country,
		@Pattern(regexp = "^(?i)(local|toll-free|toll_free|mobile)$",
				message = "must be local, toll-free or mobile") String type,
		@Pattern(regexp = Validation.AREA_CODE, message = Validation.AREA_CODE_MESSAGE) String areaCode,
		@Size(min = 2, max = 16) @Pattern(regexp = "^\\+?[0-9A-Za-z*%]*\\$?$",
				message = "may hold digits, letters and the wildcards * % (+ at the start, $ at the end)") String contains,
		@Pattern(regexp = "^[A-Za-z]{2}$", message = "must be a 2-letter state or province code") String region,
		@Size(max = 64) @Pattern(regexp = "^[\\p{L}\\p{M} .'-]*$",
				message = "may hold letters, spaces, dots, apostrophes and hyphens") String locality,
		@Pattern(regexp = "^[A-Za-z0-9 -]{3,10}$", message = "must be a postal code") String postalCode,
		@PhoneNumberText String nearNumber, Boolean smsEnabled, Boolean mmsEnabled, Boolean voiceEnabled,
		Boolean excludeAddressRequired, @Min(1) @Max(SearchCriteria.MAX_LIMIT) Integer limit) {

	SearchCriteria toCriteria() {
		String countryCode = (this.country != null) ? this.country : "US";
		return new SearchCriteria(countryCode, (this.type != null) ? NumberType.fromLabel(this.type) : NumberType.LOCAL,
				this.areaCode, this.contains, this.region, this.locality, this.postalCode,
				(this.nearNumber != null) ? E164Number.parse(this.nearNumber, countryCode) : null, this.smsEnabled,
				this.mmsEnabled, this.voiceEnabled, Boolean.TRUE.equals(this.excludeAddressRequired),
				(this.limit != null) ? this.limit : 20);
	}

}
