package io.twilioprovisioning.tenancy;

import io.twilioprovisioning.platform.DomainException;

/**
 * A tenancy step refused before Twilio was called: the client lacks the Address or Bundle
 * a number needs (422), or its subaccount or service is being created by another request
 * (409).
 */
public class TenancyRefusedException extends DomainException {

	private static final long serialVersionUID = 1L;

	TenancyRefusedException(Kind kind, String problem, String message) {
		super(kind, problem, message);
	}

	static TenancyRefusedException addressRequired(String clientName, String number) {
		return new TenancyRefusedException(Kind.REFUSED, "address-required", number
				+ " needs an Address on file (Twilio requires one for most numbers outside the US and Canada), and "
				+ clientName + " has none. Add the client's address on its Tenancy page, then buy again. "
				+ "Nothing was sent to Twilio.");
	}

	static TenancyRefusedException bundleRequired(String clientName, String number) {
		return new TenancyRefusedException(Kind.REFUSED, "bundle-required",
				number + " is a mobile number that needs an approved regulatory Bundle, and " + clientName
						+ " has none. Set the client's Bundle SID on its Tenancy page (bundles are approved in "
						+ "Twilio's console), then buy again. Nothing was sent to Twilio.");
	}

	static TenancyRefusedException busy(String what) {
		return new TenancyRefusedException(Kind.CONFLICT, "tenancy-in-progress",
				what + " is being created by another request; try again in a moment.");
	}

}
