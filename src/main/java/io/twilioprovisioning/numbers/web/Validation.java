package io.twilioprovisioning.numbers.web;

/**
 * Patterns shared by the request records.
 */
final class Validation {

	static final String SID = "^PN[0-9a-fA-F]{32}$";

	static final String SID_MESSAGE = "must be a phone number SID: PN followed by 32 hex digits";

	static final String AREA_CODE = "^[2-9][0-9]{2}$";

	static final String AREA_CODE_MESSAGE = "must be a 3-digit area code";

	static final String PLAIN_TEXT = "^[^\\p{Cc}\\p{Cf}<>]*$";

	static final String PLAIN_TEXT_MESSAGE = "must not contain control characters or < >";

	static final String METHOD = "^(GET|POST)$";

	static final String METHOD_MESSAGE = "must be GET or POST";

	private Validation() {
	}

}
