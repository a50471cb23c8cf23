package io.twilioprovisioning.tenancy;

import java.util.List;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;

/**
 * A client's Twilio resources as the console and the API show them, with the A2P 10DLC
 * status read from Twilio.
 *
 * @param mode {@code shared} or {@code subaccount-per-client}
 * @param clientId the client
 * @param subaccountSid its subaccount, or {@code null}
 * @param subaccountName the subaccount's friendly name
 * @param messagingEnabled whether its textable numbers join a Messaging Service
 * @param messagingServiceSid its Messaging Service, or {@code null}
 * @param serviceNumbers how many numbers the service has in Twilio, or {@code null} when
 * unknown
 * @param campaigns the service's A2P 10DLC campaigns
 * @param campaignRegistered whether one of them is verified
 * @param usLocalNumbers how many active US local numbers the client holds
 * @param a2pWarning why its US texts may be blocked, or {@code null}
 * @param a2pConsoleUrl where brands and campaigns are registered
 * @param addressSid its Address, or {@code null}
 * @param addressIsoCountry the Address's country
 * @param bundleSid its regulatory Bundle, or {@code null}
 * @param problem what could not be read from Twilio, or {@code null}
 */
@NullMarked
public record TenancyView(String mode, long clientId, @Nullable String subaccountSid, @Nullable String subaccountName,
		boolean messagingEnabled, @Nullable String messagingServiceSid, @Nullable Integer serviceNumbers,
		List<CampaignView> campaigns, boolean campaignRegistered, long usLocalNumbers, @Nullable String a2pWarning,
		String a2pConsoleUrl, @Nullable String addressSid, @Nullable String addressIsoCountry,
		@Nullable String bundleSid, @Nullable String problem) {

	/**
	 * One A2P 10DLC campaign.
	 *
	 * @param sid {@code QE…}
	 * @param status Twilio's status, e.g. {@code VERIFIED}
	 * @param usecase e.g. {@code MIXED}
	 */
	@NullMarked
	public record CampaignView(String sid, @Nullable String status, @Nullable String usecase) {

	}

}
