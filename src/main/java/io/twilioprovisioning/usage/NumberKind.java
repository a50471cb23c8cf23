package io.twilioprovisioning.usage;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberType;

/**
 * The country and type that price a number, worked out from the number itself with
 * libphonenumber (the inventory keeps neither): toll-free and mobile where the numbering
 * plan says so (UK {@code 07…} also when the number is not allocated), local otherwise.
 * <p>
 * libphonenumber finds a number's region by trying each region of its country calling
 * code in turn (25 for +1), and {@code getNumberType} does that search again; a number
 * that no region's plan knows (e.g. the sandbox's reserved {@code N9X} area codes) goes
 * through all of them twice. The search is done once here: when it finds no region,
 * {@code getNumberType} would find none either and answer {@code UNKNOWN}, so that is
 * answered without searching again (the same answers, half the work; docs/benchmarks.md
 * section 8).
 *
 * @param isoCountry ISO 3166 alpha-2 code, e.g. {@code US}
 * @param type the number type
 */
record NumberKind(String isoCountry, NumberType type) {

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	static NumberKind of(E164Number number) {
		try {
			Phonenumber.PhoneNumber parsed = parse(number);
			String region = UTIL.getRegionCodeForNumber(parsed);
			// no region's plan knows the number: getNumberType would search in vain too
			PhoneNumberType libraryType = (region != null) ? UTIL.getNumberType(parsed) : PhoneNumberType.UNKNOWN;
			if (region == null || "ZZ".equals(region) || "001".equals(region)) {
				region = UTIL.getRegionCodeForCountryCode(parsed.getCountryCode());
			}
			if (!isTwoLetterCode(region)) {
				region = "ZZ";
			}
			NumberType type = switch (libraryType) {
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

	/**
	 * The number as libphonenumber parses it. A North American number ({@code +1} and ten
	 * digits, the first 2–9) is built directly: parsing it finds country code 1 and that
	 * national number, strips nothing (no national prefix {@code 1}, no leading zero) and
	 * sets nothing else, at a third of the cost of working out each number's kind
	 * ({@code NumberKindTests} holds the two equal).
	 */
	static Phonenumber.PhoneNumber parse(E164Number number) throws NumberParseException {
		String value = number.value();
		if (value.length() == 12 && value.charAt(1) == '1' && value.charAt(2) >= '2' && value.charAt(2) <= '9') {
			return new Phonenumber.PhoneNumber().setCountryCode(1).setNationalNumber(Long.parseLong(value, 2, 12, 10));
		}
		return UTIL.parse(value, null);
	}

	private static boolean isTwoLetterCode(String region) {
		return region != null && region.length() == 2 && region.charAt(0) >= 'A' && region.charAt(0) <= 'Z'
				&& region.charAt(1) >= 'A' && region.charAt(1) <= 'Z';
	}

}
