package io.twilioprovisioning.sandbox;

/**
 * What a number needs from the account that owns it, checked when it is bought, updated
 * or transferred: an Address of the account that satisfies its
 * {@code address_requirements} ({@code any}: any address; {@code local}: one in the
 * number's country; {@code foreign}: one outside it), and for British mobile numbers an
 * approved regulatory bundle of the account for them.
 */
final class NumberRequirements {

	private NumberRequirements() {
	}

	/**
	 * The number moved to the target account, with the target's Address and bundle where
	 * it needs them, out of any Messaging Service.
	 */
	static OwnedRecord transfer(EmulatorState state, OwnedRecord number, AccountRecord target,
			EmulatorRequest request) {
		String country = Catalog.countryOf(number.phoneNumber());
		String requirement = number.addressRequirements();
		String addressSid = blank(request.formParam("AddressSid"));
		if (addressSid == null && !"none".equals(requirement)) {
			addressSid = state.addresses()
				.ofAccount(target.sid())
				.stream()
				.filter((address) -> address.satisfies(requirement, country))
				.map(AddressRecord::sid)
				.findFirst()
				.orElse(null);
		}
		addressSid = requireAddress(state, target, addressSid, requirement, country, 21613);
		String bundleSid = blank(request.formParam("BundleSid"));
		if (bundleSid == null && requiresBundle(country, number.type())) {
			bundleSid = state.bundles()
				.approvedFor(target.sid(), country, number.type())
				.map(BundleRecord::sid)
				.orElse(null);
		}
		bundleSid = requireBundle(state, target, bundleSid, country, number.type());
		state.messaging().removeSender(number.sid());
		return new OwnedRecord(number.sid(), target.sid(), number.phoneNumber(), number.friendlyName(), number.type(),
				number.capabilities(), number.addressRequirements(), number.beta(), number.origin(), number.webhooks(),
				number.extras().withAddressAndBundle(addressSid, bundleSid), number.dateCreated(),
				number.dateUpdated());
	}

	/**
	 * The Address a number gets: the one sent, which must be the account's and satisfy
	 * the requirement.
	 * @param code 21631 for a purchase or update, 21613 for a transfer
	 * @return the address SID, or {@code null} when none was sent and none is needed
	 */
	static String requireAddress(EmulatorState state, AccountRecord account, String addressSid, String requirement,
			String country, int code) {
		if (addressSid == null) {
			if (!"none".equals(requirement)) {
				throw TwilioErrorException.badRequest(code,
						"Phone Number Requires an Address: send the AddressSid of an Address of account "
								+ account.sid() + " that satisfies the requirement '" + requirement + "' (" + country
								+ ")");
			}
			return null;
		}
		AddressRecord address = state.addresses()
			.find(account.sid(), addressSid)
			.orElseThrow(() -> TwilioErrorException.badRequest(code,
					"AddressSid " + addressSid + " is not an Address of account " + account.sid()));
		if (!address.satisfies(requirement, country)) {
			throw TwilioErrorException.badRequest(code, "Address " + addressSid + " in " + address.isoCountry()
					+ " does not satisfy the number's address requirement '" + requirement + "' (" + country + ")");
		}
		return address.sid();
	}

	/**
	 * The bundle a number gets: the one sent, which must be an approved bundle of the
	 * account for the number's country and type when the number needs one.
	 * @return the bundle SID, or {@code null} when none was sent and none is needed
	 */
	static String requireBundle(EmulatorState state, AccountRecord account, String bundleSid, String country,
			String type) {
		boolean required = requiresBundle(country, type);
		if (bundleSid == null) {
			if (required) {
				throw TwilioErrorException.badRequest(21649,
						"Phone Number Requires a Bundle: send the BundleSid of " + "an approved bundle of account "
								+ account.sid() + " for " + country + " " + type + " numbers");
			}
			return null;
		}
		BundleRecord bundle = state.bundles()
			.find(account.sid(), bundleSid)
			.orElseThrow(() -> TwilioErrorException.badRequest(21649,
					"BundleSid " + bundleSid + " is not a Bundle of account " + account.sid()));
		if (required && !bundle.covers(country, type)) {
			throw TwilioErrorException.badRequest(21649,
					"Bundle " + bundleSid + " is not an approved bundle for " + country + " " + type + " numbers");
		}
		return bundle.sid();
	}

	/**
	 * Which numbers need a regulatory bundle: British mobile numbers.
	 */
	static boolean requiresBundle(String country, String type) {
		return "GB".equals(country) && Catalog.MOBILE.equals(type);
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

}
