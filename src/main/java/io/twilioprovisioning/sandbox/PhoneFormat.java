package io.twilioprovisioning.sandbox;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

/**
 * Twilio's default friendly name of a number: {@code (415) 555-0100} in North America,
 * the national form elsewhere.
 */
final class PhoneFormat {

	private PhoneFormat() {
	}

	static String friendly(String e164) {
		if (e164.length() == 12 && e164.startsWith("+1")) {
			return "(" + e164.substring(2, 5) + ") " + e164.substring(5, 8) + "-" + e164.substring(8);
		}
		PhoneNumberUtil util = PhoneNumberUtil.getInstance();
		try {
			return util.format(util.parse(e164, null), PhoneNumberFormat.NATIONAL);
		}
		catch (NumberParseException ex) {
			return e164;
		}
	}

	/**
	 * Normalises what a client sent as {@code PhoneNumber}: E.164, or ten North American
	 * digits.
	 * @return the E.164 form, or {@code null} when it is not a phone number
	 */
	static String normalize(String input) {
		if (input == null) {
			return null;
		}
		String text = input.strip().replaceAll("[\\s().\\-]", "");
		if (text.matches("\\+[1-9]\\d{6,14}")) {
			return text;
		}
		if (text.matches("[2-9]\\d{9}")) {
			return "+1" + text;
		}
		if (text.matches("1[2-9]\\d{9}")) {
			return "+" + text;
		}
		return null;
	}

}
