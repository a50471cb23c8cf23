package io.twilioprovisioning.numbers;

import io.twilioprovisioning.platform.DomainException;

/**
 * The text is not a phone number that can be written in E.164.
 */
public class InvalidPhoneNumberException extends DomainException {

	private static final long serialVersionUID = 1L;

	public InvalidPhoneNumberException(String input) {
		super(Kind.INVALID, "invalid-phone-number", "'" + abbreviate(input) + "' is not a valid phone number.");
	}

	private static String abbreviate(String input) {
		if (input == null) {
			return "";
		}
		return (input.length() > 40) ? input.substring(0, 40) + "…" : input;
	}

}
