package io.twilioprovisioning.tenancy;

/**
 * Where client numbers live in Twilio ({@code PROVISIONING_TENANCY}).
 */
public enum TenancyMode {

	/** Every number in the main account (the default). */
	SHARED,

	/** Each client has a subaccount, and its numbers live there. */
	SUBACCOUNT_PER_CLIENT;

	/**
	 * The value as configured, e.g. {@code subaccount-per-client}.
	 */
	public String label() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
