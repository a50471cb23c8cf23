package io.twilioprovisioning.tenancy;

import java.util.List;
import java.util.Optional;

/**
 * The port to Twilio for the tenancy resources: subaccounts, Messaging Services and their
 * numbers, A2P 10DLC campaigns, Addresses. Implemented by the {@code twilio} module;
 * fails with the {@code numbers} module's carrier exceptions. An account of {@code null}
 * is the main account.
 */
public interface TenancyCarrier {

	/** The main account's SID. */
	String mainAccountSid();

	/**
	 * The subaccounts with exactly this friendly name (Twilio's {@code FriendlyName}
	 * filter), so a creation whose answer was lost is found again.
	 */
	List<Subaccount> findSubaccounts(String friendlyName);

	/**
	 * Creates a subaccount. Never repeated: a lost answer is an unknown outcome.
	 */
	Subaccount createSubaccount(String friendlyName);

	/** The services of the account with exactly this friendly name. */
	List<String> findServices(String accountSid, String friendlyName);

	/** Creates a Messaging Service in the account. */
	String createService(String accountSid, String friendlyName, String inboundUrl);

	/**
	 * Adds a number of the account to the service.
	 * @throws io.twilioprovisioning.numbers.CarrierRefusedException 21710 already there,
	 * 21712 in another service, 21715 cannot text
	 */
	void addToService(String accountSid, String serviceSid, String numberSid);

	/**
	 * Takes a number out of the service.
	 * @return {@code false} when it was not there
	 */
	boolean removeFromService(String accountSid, String serviceSid, String numberSid);

	/** The SIDs of the service's numbers. */
	List<String> serviceNumbers(String accountSid, String serviceSid);

	/** The service's US A2P 10DLC campaigns. */
	List<Campaign> campaigns(String accountSid, String serviceSid);

	/** Creates an Address in the account. */
	String createAddress(String accountSid, AddressForm address);

	/**
	 * A Twilio subaccount.
	 *
	 * @param sid {@code AC…}
	 * @param friendlyName its name
	 * @param status {@code active}, {@code suspended} or {@code closed}
	 */
	record Subaccount(String sid, String friendlyName, String status) {

	}

	/**
	 * A US A2P 10DLC campaign of a Messaging Service.
	 *
	 * @param sid {@code QE…}
	 * @param status Twilio's campaign status, e.g. {@code VERIFIED}, {@code IN_PROGRESS},
	 * {@code FAILED}
	 * @param usecase e.g. {@code MIXED}
	 */
	record Campaign(String sid, String status, String usecase) {

		/** Whether texts may flow: Twilio verified the campaign. */
		public boolean registered() {
			return "VERIFIED".equalsIgnoreCase(this.status);
		}

	}

	/**
	 * Optional lookups of a result.
	 */
	static <T> Optional<T> first(List<T> items) {
		return items.isEmpty() ? Optional.empty() : Optional.of(items.get(0));
	}

}
