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

	/** {@code POST …/IncomingPhoneNumbers/{Sid}.json}, a transfer included. */
	UPDATE,

	/** {@code DELETE …/IncomingPhoneNumbers/{Sid}.json}. */
	RELEASE,

	/** {@code GET /2010-04-01/Accounts/{Sid}.json}. */
	ACCOUNT,

	/** {@code GET …/Balance.json}. */
	BALANCE,

	/** {@code GET /2010-04-01/Accounts.json}. */
	ACCOUNT_LIST,

	/** {@code POST /2010-04-01/Accounts.json}: a new subaccount. */
	ACCOUNT_CREATE,

	/** {@code POST /2010-04-01/Accounts/{Sid}.json}. */
	ACCOUNT_UPDATE,

	/**
	 * {@code GET …/AvailablePhoneNumbers.json} and
	 * {@code …/AvailablePhoneNumbers/{Country}.json}.
	 */
	COUNTRIES,

	/** {@code GET …/Addresses.json}. */
	ADDRESS_LIST,

	/** {@code POST …/Addresses.json}. */
	ADDRESS_CREATE,

	/** {@code GET …/Addresses/{Sid}.json}. */
	ADDRESS_FETCH,

	/** {@code POST …/Addresses/{Sid}.json}. */
	ADDRESS_UPDATE,

	/** {@code DELETE …/Addresses/{Sid}.json}. */
	ADDRESS_DELETE,

	/** {@code GET messaging…/v1/Services}. */
	SERVICE_LIST,

	/** {@code POST messaging…/v1/Services}. */
	SERVICE_CREATE,

	/** {@code GET messaging…/v1/Services/{Sid}}. */
	SERVICE_FETCH,

	/** {@code POST messaging…/v1/Services/{Sid}}. */
	SERVICE_UPDATE,

	/** {@code DELETE messaging…/v1/Services/{Sid}}. */
	SERVICE_DELETE,

	/** {@code GET messaging…/v1/Services/{Sid}/PhoneNumbers}. */
	SERVICE_NUMBER_LIST,

	/** {@code POST messaging…/v1/Services/{Sid}/PhoneNumbers}. */
	SERVICE_NUMBER_ADD,

	/** {@code GET messaging…/v1/Services/{Sid}/PhoneNumbers/{Sid}}. */
	SERVICE_NUMBER_FETCH,

	/** {@code DELETE messaging…/v1/Services/{Sid}/PhoneNumbers/{Sid}}. */
	SERVICE_NUMBER_REMOVE,

	/** {@code GET messaging…/v1/Services/{Sid}/Compliance/Usa2p}. */
	A2P_CAMPAIGN_LIST,

	/** {@code GET pricing…/v1/PhoneNumbers/Countries}. */
	PRICE_COUNTRY_LIST,

	/** {@code GET pricing…/v1/PhoneNumbers/Countries/{Iso}}. */
	PRICE_COUNTRY_FETCH,

	/** {@code GET numbers…/v2/RegulatoryCompliance/Bundles}. */
	BUNDLE_LIST,

	/** {@code GET numbers…/v2/RegulatoryCompliance/Bundles/{Sid}}. */
	BUNDLE_FETCH

}
