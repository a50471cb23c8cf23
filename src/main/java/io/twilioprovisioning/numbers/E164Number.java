package io.twilioprovisioning.numbers;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber;

/**
 * A phone number in E.164 form ({@code +14155550100}), parsed from what people type
 * ({@code (415) 555-0100}, {@code +1 415 555 0100}, {@code 4155550100} with a default
 * region) with Google libphonenumber.
 *
 * <p>
 * A number is accepted when libphonenumber considers it <em>possible</em> for its region
 * (right length and shape). Validity against real allocation plans is not required:
 * Twilio's test numbers ({@code +1 500 555 0006}) and the fictional 555-01xx range are
 * not allocated, and Twilio itself is the judge of what it sells.
 *
 * @param value the E.164 string
 */
public record E164Number(String value) implements Comparable<E164Number> {

	/** The region used when the input has no country code. */
	public static final String DEFAULT_REGION = "US";

	/** Longest input accepted, in characters, before any parsing. */
	public static final int MAX_INPUT_LENGTH = 32;

	private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

	private static final Pattern E164 = Pattern.compile("\\+[1-9]\\d{1,14}");

	public E164Number {
		if (value == null || !E164.matcher(value).matches()) {
			throw new IllegalArgumentException("Not an E.164 number: " + value);
		}
	}

	/**
	 * Parses what a person typed.
	 * @param input the text, e.g. {@code (415) 555-0100}
	 * @param defaultRegion ISO 3166 alpha-2 region for numbers without a country code
	 * @return the number
	 * @throws InvalidPhoneNumberException when it is not a phone number
	 */
	public static E164Number parse(String input, String defaultRegion) {
		return tryParse(input, defaultRegion).orElseThrow(() -> new InvalidPhoneNumberException(input));
	}

	public static E164Number parse(String input) {
		return parse(input, DEFAULT_REGION);
	}

	/**
	 * Parses what a person typed, or answers empty when it is not a phone number.
	 */
	public static Optional<E164Number> tryParse(String input, String defaultRegion) {
		if (input == null || input.isBlank() || input.length() > MAX_INPUT_LENGTH) {
			return Optional.empty();
		}
		String text = input.strip();
		if (!text.matches("[+0-9 ()./\\-]+")) {
			return Optional.empty();
		}
		String region = (defaultRegion != null) ? defaultRegion.toUpperCase(Locale.ROOT) : DEFAULT_REGION;
		try {
			Phonenumber.PhoneNumber parsed = UTIL.parse(text, region);
			if (!UTIL.isPossibleNumber(parsed)) {
				return Optional.empty();
			}
			return Optional.of(new E164Number(UTIL.format(parsed, PhoneNumberFormat.E164)));
		}
		catch (NumberParseException | IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public static boolean isParsable(String input, String defaultRegion) {
		return tryParse(input, defaultRegion).isPresent();
	}

	/**
	 * The number as people in its own country write it, e.g. {@code (415) 555-0100}.
	 */
	public String national() {
		return format(PhoneNumberFormat.NATIONAL);
	}

	/**
	 * The number in international form, e.g. {@code +1 415-555-0100}.
	 */
	public String international() {
		return format(PhoneNumberFormat.INTERNATIONAL);
	}

	/**
	 * The ISO 3166 region of the number, e.g. {@code US}, or {@code ZZ} when unknown.
	 */
	public String region() {
		try {
			String region = UTIL.getRegionCodeForNumber(UTIL.parse(this.value, null));
			return (region != null) ? region : "ZZ";
		}
		catch (NumberParseException ex) {
			return "ZZ";
		}
	}

	private String format(PhoneNumberFormat format) {
		try {
			return UTIL.format(UTIL.parse(this.value, null), format);
		}
		catch (NumberParseException ex) {
			return this.value;
		}
	}

	@Override
	public int compareTo(E164Number other) {
		return this.value.compareTo(other.value);
	}

	@Override
	public String toString() {
		return this.value;
	}

}
