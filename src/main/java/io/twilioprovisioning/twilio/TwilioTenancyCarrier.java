package io.twilioprovisioning.twilio;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Address;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.rest.messaging.v1.service.PhoneNumber;
import com.twilio.rest.messaging.v1.service.UsAppToPerson;

import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.platform.SandboxReset;
import io.twilioprovisioning.tenancy.AddressForm;
import io.twilioprovisioning.tenancy.TenancyCarrier;

import org.springframework.context.event.EventListener;

/**
 * The {@link TenancyCarrier} on Twilio: subaccounts and Addresses on the 2010 API with
 * the main account's credentials (subaccounts through {@code /Accounts/{sub}/…});
 * Messaging Services, their numbers and A2P campaigns on {@code messaging.twilio.com},
 * where resources belong to the account whose credentials are used, so a subaccount's are
 * fetched from Twilio (its {@code auth_token}, kept in memory only, never logged).
 */
class TwilioTenancyCarrier implements TenancyCarrier {

	private static final long PAGE_SIZE = 1000;

	private final TwilioRestClient client;

	private final TwilioMetrics metrics;

	private final Map<String, TwilioRestClient> subaccountClients = new ConcurrentHashMap<>();

	TwilioTenancyCarrier(TwilioRestClient client, TwilioMetrics metrics) {
		this.client = client;
		this.metrics = metrics;
	}

	@Override
	public String mainAccountSid() {
		return this.client.getAccountSid();
	}

	@Override
	public List<Subaccount> findSubaccounts(String friendlyName) {
		return this.metrics.call(TwilioCall.SUBACCOUNT_FIND, () -> {
			List<Subaccount> found = new ArrayList<>();
			for (Account account : Account.reader()
				.setFriendlyName(friendlyName)
				.setPageSize(PAGE_SIZE)
				.read(this.client)) {
				if (!account.getSid().equals(mainAccountSid()) && friendlyName.equals(account.getFriendlyName())
						&& account.getStatus() != Account.Status.CLOSED) {
					found.add(subaccount(account));
				}
			}
			return found;
		});
	}

	@Override
	public Subaccount createSubaccount(String friendlyName) {
		Account created = this.metrics.call(TwilioCall.SUBACCOUNT_CREATE,
				() -> Account.creator().setFriendlyName(friendlyName).create(this.client));
		return subaccount(created);
	}

	private static Subaccount subaccount(Account account) {
		return new Subaccount(account.getSid(), account.getFriendlyName(),
				(account.getStatus() != null) ? account.getStatus().toString() : null);
	}

	@Override
	public List<String> findServices(String accountSid, String friendlyName) {
		TwilioRestClient owner = clientOf(accountSid);
		return this.metrics.call(TwilioCall.SERVICE_FIND, () -> {
			List<String> found = new ArrayList<>();
			for (Service service : Service.reader().setPageSize(PAGE_SIZE).read(owner)) {
				if (friendlyName.equals(service.getFriendlyName())) {
					found.add(service.getSid());
				}
			}
			return found;
		});
	}

	/**
	 * Creates the service so that the number's own webhooks keep answering inbound texts
	 * ({@code UseInboundWebhookOnNumber}).
	 */
	@Override
	public String createService(String accountSid, String friendlyName, String inboundUrl) {
		TwilioRestClient owner = clientOf(accountSid);
		return this.metrics.call(TwilioCall.SERVICE_CREATE,
				() -> Service.creator(friendlyName).setUseInboundWebhookOnNumber(true).create(owner).getSid());
	}

	@Override
	public void addToService(String accountSid, String serviceSid, String numberSid) {
		TwilioRestClient owner = clientOf(accountSid);
		this.metrics.call(TwilioCall.SERVICE_JOIN, () -> PhoneNumber.creator(serviceSid, numberSid).create(owner));
	}

	@Override
	public boolean removeFromService(String accountSid, String serviceSid, String numberSid) {
		TwilioRestClient owner = clientOf(accountSid);
		try {
			return this.metrics.call(TwilioCall.SERVICE_LEAVE,
					() -> PhoneNumber.deleter(serviceSid, numberSid).delete(owner));
		}
		catch (CarrierRefusedException ex) {
			if (ex.isNotFound()) {
				return false;
			}
			throw ex;
		}
	}

	@Override
	public List<String> serviceNumbers(String accountSid, String serviceSid) {
		TwilioRestClient owner = clientOf(accountSid);
		return this.metrics.call(TwilioCall.SERVICE_NUMBERS, () -> {
			List<String> sids = new ArrayList<>();
			for (PhoneNumber number : PhoneNumber.reader(serviceSid).setPageSize(PAGE_SIZE).read(owner)) {
				sids.add(number.getSid());
			}
			return sids;
		});
	}

	@Override
	public List<Campaign> campaigns(String accountSid, String serviceSid) {
		TwilioRestClient owner = clientOf(accountSid);
		return this.metrics.call(TwilioCall.CAMPAIGNS, () -> {
			List<Campaign> campaigns = new ArrayList<>();
			for (UsAppToPerson campaign : UsAppToPerson.reader(serviceSid).setPageSize(50L).read(owner)) {
				campaigns.add(new Campaign(campaign.getSid(), campaign.getCampaignStatus(),
						campaign.getUsAppToPersonUsecase()));
			}
			return campaigns;
		});
	}

	@Override
	public String createAddress(String accountSid, AddressForm address) {
		String owner = (accountSid != null) ? accountSid : mainAccountSid();
		return this.metrics.call(TwilioCall.ADDRESS_CREATE,
				() -> Address
					.creator(owner, address.customerName(), address.street(), address.city(), address.region(),
							address.postalCode(), address.isoCountry())
					.create(this.client)
					.getSid());
	}

	/**
	 * The client acting as the account on the hosts without an account in the path: the
	 * main client, or one with the subaccount's own credentials (fetched with the main
	 * account's).
	 */
	private TwilioRestClient clientOf(String accountSid) {
		if (accountSid == null || accountSid.equals(mainAccountSid())) {
			return this.client;
		}
		return this.subaccountClients.computeIfAbsent(accountSid, (sid) -> {
			String token = this.metrics.call(TwilioCall.SUBACCOUNT_FIND, () -> Account.fetcher(sid).fetch(this.client))
				.getAuthToken();
			return new TwilioRestClient.Builder(sid, token).httpClient(this.client.getHttpClient())
				.objectMapper(this.client.getObjectMapper())
				.build();
		});
	}

	/**
	 * A sandbox reset closes the emulated subaccounts: forget their clients.
	 */
	@EventListener
	void on(SandboxReset reset) {
		this.subaccountClients.clear();
	}

}
