package io.twilioprovisioning.usage;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberType;

/**
 * The country and type that price a number, worked out from the number itself with
 * libphonenumber (the inventory keeps neither): toll-free and mobile where the numbering
 * plan says so (UK {@code 07…} also when the number is not allocated), local otherwise.
 *
 * @param isoCountry ISO 3166 alpha-2 code, e.g. {@code US}
 * @param type the number type
 */
record NumberKind(String isoCountry, NumberType type) {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	static NumberKind of(E164Number number) {
		try {
			Phonenumber.PhoneNumber parsed = UTIL.parse(number.value(), null);
			String region = UTIL.getRegionCodeForNumber(parsed);
			if (region == null || "ZZ".equals(region) || "001".equals(region)) {
				region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
			}
			if (region == null || !region.matches("[A-Z]{2}")) {
				region = "ZZ";
			}
			NumberType type = switch (UTIL.getNumberType(parsed)) {
				case TOLL_FREE -> NumberType.TOLL_FREE;
				case MOBILE -> NumberType.MOBILE;
				default -> ("GB".equals(region) && String.valueOf(parsed.getNationalNumber()).startsWith("7"))
						? NumberType.MOBILE : NumberType.LOCAL;
			};
			return new NumberKind(region, type);
		}
		catch (NumberParseException ex) {
			return new NumberKind("ZZ", NumberType.LOCAL);
		}
	}

}
