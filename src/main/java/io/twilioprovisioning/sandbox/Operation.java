package io.twilioprovisioning.sandbox;

/**
 * The Twilio operations the emulator serves, used to count calls and aim faults.
 */
public enum Operation {

	/** {@code GET …/AvailablePhoneNumbers/{Country}/{Type}.json}. */
	SEARCH,

	/** {@code GET …/IncomingPhoneNumbers.json}. */
	LIST,

	/** {@code POST …/IncomingPhoneNumbers.json}. */
	PURCHASE,

	/** {@code GET …/IncomingPhoneNumbers/{Sid}.json}. */
	FETCH,

	/** {@code POST …/IncomingPhoneNumbers/{Sid}.json}. */
	UPDATE,

	/** {@code DELETE …/IncomingPhoneNumbers/{Sid}.json}. */
	RELEASE,

	/** {@code GET /2010-04-01/Accounts/{Sid}.json}. */
	ACCOUNT,

	/** {@code GET …/Balance.json}. */
	BALANCE

}
