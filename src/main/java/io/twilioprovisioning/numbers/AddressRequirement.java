package io.twilioprovisioning.numbers;

import java.util.Locale;

/**
 * Whether buying a number needs an Address on the account: {@code none}, {@code any},
 * {@code local} (in the number's country) or {@code foreign} (outside it).
 */
public enum AddressRequirement {

	NONE, ANY, LOCAL, FOREIGN;

	/**
	 * Reads Twilio's spelling; unknown or missing values count as {@link #NONE}.
	 */
	public static AddressRequirement fromTwilio(String value) {
		if (value == null) {
			return NONE;
		}
		return switch (value.strip().toLowerCase(Locale.ROOT)) {
			case "any" -> ANY;
			case "local" -> LOCAL;
			case "foreign" -> FOREIGN;
			default -> NONE;
		};
	}

}
