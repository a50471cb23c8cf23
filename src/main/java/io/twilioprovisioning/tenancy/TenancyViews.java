package io.twilioprovisioning.tenancy;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberQuery;
import io.twilioprovisioning.numbers.NumberSort;
import io.twilioprovisioning.numbers.PhoneNumberState;

import org.springframework.stereotype.Component;

/**
 * Builds {@link TenancyView}s: the stored resources, the service's numbers and A2P 10DLC
 * campaigns read from Twilio (a Twilio failure is a {@code problem}, the view still
 * renders), and the warning when a client holds US local numbers without a registered
 * campaign. The console templates call it as {@code @tenancyViews}.
 */
@Component("tenancyViews")
public class TenancyViews {

	private static final java.util.Set<String> TOLL_FREE = java.util.Set.of("800", "833", "844", "855", "866", "877",
			"888");

	private static final java.util.Set<String> CANADA = java.util.Set.of("204", "226", "236", "249", "250", "263",
			"289", "306", "343", "354", "365", "367", "368", "382", "387", "403", "416", "418", "428", "431", "437",
			"438", "450", "468", "474", "506", "514", "519", "548", "579", "581", "584", "587", "600", "604", "613",
			"639", "647", "672", "683", "705", "709", "742", "753", "778", "780", "782", "807", "819", "825", "867",
			"873", "879", "902", "905");

	private final Tenancy tenancy;

	private final NumberLifecycle lifecycle;

	private final ClientManagement clients;

	TenancyViews(Tenancy tenancy, NumberLifecycle lifecycle, ClientManagement clients) {
		this.tenancy = tenancy;
		this.lifecycle = lifecycle;
		this.clients = clients;
	}

	public TenancyView of(long clientId) {
		Client client = this.clients.get(clientId);
		ClientTenancy row = this.tenancy.of(clientId);
		List<TenancyCarrier.Campaign> campaigns = List.of();
		Integer serviceNumbers = null;
		String problem = null;
		if (row.messagingServiceSid() != null) {
			try {
				campaigns = this.tenancy.campaigns(row);
				serviceNumbers = this.tenancy.serviceNumbers(row).size();
			}
			catch (CarrierException ex) {
				problem = "Could not read the Messaging Service from Twilio: " + ex.getMessage();
			}
		}
		boolean registered = campaigns.stream().anyMatch(TenancyCarrier.Campaign::registered);
		long usLocal = usLocalNumbers(clientId);
		String warning = null;
		if (usLocal > 0 && !registered && problem == null) {
			warning = client.name() + " holds " + usLocal + " US local number" + ((usLocal == 1) ? "" : "s")
					+ " but has no registered A2P 10DLC campaign: texts from them to US phones are filtered or blocked. "
					+ ((row.messagingServiceSid() == null) ? "Switch its Messaging Service on, then register"
							: "Register")
					+ " a brand and a campaign for its Messaging Service in Twilio's console.";
		}
		return new TenancyView(this.tenancy.mode().label(), clientId, row.accountSid(), row.accountName(),
				row.messagingEnabled(), row.messagingServiceSid(), serviceNumbers,
				campaigns.stream().map((c) -> new TenancyView.CampaignView(c.sid(), c.status(), c.usecase())).toList(),
				registered, usLocal, warning, Tenancy.A2P_CONSOLE_URL, row.addressSid(), row.addressIsoCountry(),
				row.bundleSid(), problem);
	}

	/**
	 * Whether the client can buy a search result right now (the console's search).
	 */
	public boolean canBuy(long clientId, io.twilioprovisioning.numbers.AvailableNumber offer) {
		return this.tenancy.canBuy(clientId, offer.addressRequirements(), offer.isoCountry());
	}

	private long usLocalNumbers(long clientId) {
		AtomicLong count = new AtomicLong();
		this.lifecycle.forEach(new NumberQuery(clientId, PhoneNumberState.ACTIVE, null, false, NumberSort.DEFAULT),
				(number) -> {
					if (number.phoneNumber() != null && isUsLocal(number.e164())) {
						count.incrementAndGet();
					}
				});
		return count.get();
	}

	/**
	 * A US number that is not toll-free, by its NANP area code (libphonenumber does not
	 * place the fictional 555-01xx numbers the sandbox sells in a region).
	 */
	static boolean isUsLocal(String e164) {
		if (e164 == null || !e164.matches("\\+1\\d{10}")) {
			return false;
		}
		String areaCode = e164.substring(2, 5);
		return !TOLL_FREE.contains(areaCode) && !CANADA.contains(areaCode);
	}

}
