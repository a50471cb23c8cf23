package io.twilioprovisioning.tenancy;

/**
 * A client's Twilio resources as stored.
 *
 * @param clientId the client
 * @param accountSid its subaccount, or {@code null} (none yet, or shared mode)
 * @param accountName the subaccount's friendly name
 * @param messagingEnabled whether the client's numbers join a Messaging Service
 * @param messagingServiceSid its service, or {@code null}
 * @param addressSid its Address, or {@code null}
 * @param addressIsoCountry the Address's country
 * @param bundleSid its regulatory Bundle, or {@code null}
 */
public record ClientTenancy(long clientId, String accountSid, String accountName, boolean messagingEnabled,
		String messagingServiceSid, String addressSid, String addressIsoCountry, String bundleSid) {

	static ClientTenancy none(long clientId) {
		return new ClientTenancy(clientId, null, null, false, null, null, null, null);
	}

}
