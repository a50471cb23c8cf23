package io.twilioprovisioning.tenancy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.AddressRequirement;
import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberPlacement;
import io.twilioprovisioning.numbers.TrackedNumber;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each client's Twilio resources and the rules they impose on its numbers: in
 * {@code subaccount-per-client} mode the client's subaccount (created on first need,
 * named after the client, found again by name when Twilio's answer was lost), the
 * Messaging Service its textable numbers join (optional, per client or by default), and
 * the Address and Bundle its purchases carry; a purchase that needs one the client lacks
 * is refused before Twilio is called. Every Twilio-side step is audited.
 *
 * <p>
 * No database transaction stays open while Twilio is called; a creation is claimed in the
 * database first so two requests never create two subaccounts for one client.
 */
@Service
public class Tenancy implements NumberPlacement {

	/** Twilio's console page where brands and campaigns are registered. */
	public static final String A2P_CONSOLE_URL = "https://console.twilio.com/us1/develop/sms/regulatory-compliance/a2p-10dlc-overview";

	private static final Logger log = LoggerFactory.getLogger(Tenancy.class);

	private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

	private final TenancyProperties properties;

	private final ClientTenancyRepository repository;

	private final TenancyCarrier carrier;

	private final ClientManagement clients;

	private final ApplicationEventPublisher events;

	private final TransactionTemplate tx;

	private final Clock clock;

	Tenancy(TenancyProperties properties, ClientTenancyRepository repository, TenancyCarrier carrier,
			ClientManagement clients, ApplicationEventPublisher events, PlatformTransactionManager transactionManager,
			Clock clock) {
		this.properties = properties;
		this.repository = repository;
		this.carrier = carrier;
		this.clients = clients;
		this.events = events;
		this.tx = new TransactionTemplate(transactionManager);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	public TenancyMode mode() {
		return this.properties.tenancy();
	}

	/**
	 * The client's stored resources (nothing created).
	 */
	public ClientTenancy of(long clientId) {
		return this.repository.find(clientId).orElseGet(() -> ClientTenancy.none(clientId));
	}

	private ClientTenancy row(long clientId) {
		return this.repository.find(clientId)
			.orElseGet(() -> this.tx
				.execute((status) -> this.repository.ensure(clientId, this.properties.messagingServicePerClient())));
	}

	// --- NumberPlacement -------------------------------------------------------------

	@Override
	public Placement prepare(Client client, E164Number number) {
		ClientTenancy row = row(client.id());
		String account = accountFor(client);
		String address = null;
		String bundle = null;
		if (number != null && needsAddress(number)) {
			if (row.addressSid() == null) {
				throw TenancyRefusedException.addressRequired(client.name(), number.value());
			}
			address = row.addressSid();
		}
		if (number != null && needsBundle(number)) {
			if (row.bundleSid() == null) {
				throw TenancyRefusedException.bundleRequired(client.name(), number.value());
			}
			bundle = row.bundleSid();
		}
		return new Placement(account, address, bundle);
	}

	@Override
	public String accountFor(Client client) {
		if (mode() != TenancyMode.SUBACCOUNT_PER_CLIENT) {
			return null;
		}
		return ensureAccount(client, "system");
	}

	@Override
	public List<String> afterPurchase(TrackedNumber number, String accountSid, String actor) {
		if (number.clientId() == null) {
			return List.of();
		}
		return join(this.clients.get(number.clientId()), number, accountSid, actor);
	}

	@Override
	public List<String> afterMove(TrackedNumber before, TrackedNumber after, String fromAccount, String toAccount,
			String actor) {
		List<String> warnings = new ArrayList<>();
		if (java.util.Objects.equals(fromAccount, toAccount) && before.clientId() != null) {
			ClientTenancy old = of(before.clientId());
			if (old.messagingServiceSid() != null) {
				try {
					if (this.carrier.removeFromService(fromAccount, old.messagingServiceSid(), before.sid())) {
						audit(actor, "SERVICE_LEAVE", "SUCCEEDED", before.clientId(), after, null,
								"Taken out of the Messaging Service of the client it left.");
					}
				}
				catch (CarrierException ex) {
					audit(actor, "SERVICE_LEAVE", outcome(ex), before.clientId(), after, ex.carrierCode(),
							ex.getMessage());
					warnings.add("The number could not be taken out of the previous client's Messaging Service: "
							+ ex.getMessage());
				}
			}
		}
		if (after.clientId() != null) {
			warnings.addAll(join(this.clients.get(after.clientId()), after, toAccount, actor));
		}
		return warnings;
	}

	/**
	 * Joins a number to its client's Messaging Service when the client has messaging on
	 * and the number can text.
	 */
	private List<String> join(Client client, TrackedNumber number, String accountSid, String actor) {
		ClientTenancy row = row(client.id());
		if (!row.messagingEnabled()
				|| (number.capabilities() != null && !number.capabilities().sms() && !number.capabilities().mms())) {
			return List.of();
		}
		String service;
		try {
			service = ensureService(client, accountSid, actor);
			this.carrier.addToService(accountSid, service, number.sid());
		}
		catch (CarrierRefusedException ex) {
			if (Integer.valueOf(21710).equals(ex.carrierCode())) {
				return List.of();
			}
			audit(actor, "SERVICE_JOIN", "REFUSED", client.id(), number, ex.carrierCode(), ex.getMessage());
			String why = Integer.valueOf(21712).equals(ex.carrierCode())
					? number.e164() + " is already a sender of another Messaging Service (Twilio error 21712), so it "
							+ "could not join " + client.name() + "'s service. Remove it from the other service in "
							+ "Twilio's console, then reassign or re-join it."
					: number.e164() + " could not join " + client.name() + "'s Messaging Service: " + ex.getMessage();
			return List.of(why);
		}
		catch (CarrierException | TenancyRefusedException ex) {
			audit(actor, "SERVICE_JOIN", "FAILED", client.id(), number,
					(ex instanceof CarrierException carrierEx) ? carrierEx.carrierCode() : null, ex.getMessage());
			return List.of(number.e164() + " is bought, but could not join " + client.name()
					+ "'s Messaging Service yet: " + ex.getMessage());
		}
		audit(actor, "SERVICE_JOIN", "SUCCEEDED", client.id(), number, null,
				"Joined " + client.name() + "'s Messaging Service.");
		return List.of();
	}

	// --- resources -------------------------------------------------------------------

	/**
	 * The client's subaccount, created when it has none: looked up by name first (a
	 * creation whose answer was lost, or a crash after Twilio created it), claimed in the
	 * database, then created.
	 * @throws TenancyRefusedException when another request is creating it
	 * @throws CarrierException when Twilio failed (nothing is stored)
	 */
	public String ensureAccount(Client client, String actor) {
		ClientTenancy row = row(client.id());
		if (row.accountSid() != null) {
			return row.accountSid();
		}
		String name = subaccountName(client);
		Optional<TenancyCarrier.Subaccount> found = TenancyCarrier.first(this.carrier.findSubaccounts(name));
		if (found.isPresent()) {
			return storeAccount(client, found.get(), actor, "Found the client's existing subaccount by its name.");
		}
		if (this.tx.execute((status) -> this.repository.claimAccount(client.id())) != 1) {
			ClientTenancy again = of(client.id());
			if (again.accountSid() != null) {
				return again.accountSid();
			}
			throw TenancyRefusedException.busy("The Twilio subaccount of " + client.name());
		}
		TenancyCarrier.Subaccount created;
		try {
			created = this.carrier.createSubaccount(name);
		}
		catch (CarrierOutcomeUnknownException lost) {
			Optional<TenancyCarrier.Subaccount> after;
			try {
				after = TenancyCarrier.first(this.carrier.findSubaccounts(name));
			}
			catch (CarrierException lookupFailed) {
				this.tx.executeWithoutResult((status) -> this.repository.releaseAccountClaim(client.id()));
				audit(actor, "SUBACCOUNT", "UNKNOWN", client.id(), null, null, lost.getMessage());
				throw lost;
			}
			if (after.isPresent()) {
				return storeAccount(client, after.get(), actor,
						"Twilio's answer was lost; the subaccount was found by its name.");
			}
			this.tx.executeWithoutResult((status) -> this.repository.releaseAccountClaim(client.id()));
			throw new CarrierUnavailableException("Twilio's answer to the creation of " + client.name()
					+ "'s subaccount was lost and Twilio has none by that name: nothing was created. Try again.", null,
					null, null, null, lost);
		}
		catch (CarrierException ex) {
			this.tx.executeWithoutResult((status) -> this.repository.releaseAccountClaim(client.id()));
			audit(actor, "SUBACCOUNT", outcome(ex), client.id(), null, ex.carrierCode(), ex.getMessage());
			throw ex;
		}
		return storeAccount(client, created, actor, "Created the client's subaccount \"" + name + "\".");
	}

	private String storeAccount(Client client, TenancyCarrier.Subaccount account, String actor, String detail) {
		this.tx.executeWithoutResult((status) -> {
			this.repository.setAccount(client.id(), account.sid(), account.friendlyName());
			this.events.publishEvent(new TenancyStep(actor, this.clock.instant(), "SUBACCOUNT", "SUCCEEDED",
					client.id(), null, null, null, null, detail));
		});
		log.info("Client {} has its Twilio subaccount", client.id());
		return account.sid();
	}

	/**
	 * The client's Messaging Service in the account its numbers live in, created on first
	 * need (found again by name first).
	 */
	public String ensureService(Client client, String accountSid, String actor) {
		ClientTenancy row = row(client.id());
		if (row.messagingServiceSid() != null) {
			return row.messagingServiceSid();
		}
		String name = subaccountName(client);
		Optional<String> found = TenancyCarrier.first(this.carrier.findServices(accountSid, name));
		if (found.isPresent()) {
			return storeService(client, found.get(), actor, "Found the client's Messaging Service by its name.");
		}
		if (this.tx.execute((status) -> this.repository.claimService(client.id())) != 1) {
			ClientTenancy again = of(client.id());
			if (again.messagingServiceSid() != null) {
				return again.messagingServiceSid();
			}
			throw TenancyRefusedException.busy("The Messaging Service of " + client.name());
		}
		String created;
		try {
			created = this.carrier.createService(accountSid, name, null);
		}
		catch (CarrierOutcomeUnknownException lost) {
			Optional<String> after = TenancyCarrier.first(this.carrier.findServices(accountSid, name));
			this.tx.executeWithoutResult((status) -> this.repository.releaseServiceClaim(client.id()));
			if (after.isPresent()) {
				return storeService(client, after.get(), actor,
						"Twilio's answer was lost; the service was found by its name.");
			}
			throw lost;
		}
		catch (CarrierException ex) {
			this.tx.executeWithoutResult((status) -> this.repository.releaseServiceClaim(client.id()));
			audit(actor, "SERVICE", outcome(ex), client.id(), null, ex.carrierCode(), ex.getMessage());
			throw ex;
		}
		return storeService(client, created, actor, "Created the client's Messaging Service \"" + name + "\".");
	}

	private String storeService(Client client, String sid, String actor, String detail) {
		this.tx.executeWithoutResult((status) -> {
			this.repository.setService(client.id(), sid);
			this.events.publishEvent(new TenancyStep(actor, this.clock.instant(), "SERVICE", "SUCCEEDED", client.id(),
					null, null, null, null, detail));
		});
		return sid;
	}

	/**
	 * Creates the client's subaccount (in {@code subaccount-per-client} mode) and, when
	 * messaging is on for it, its Messaging Service.
	 */
	public ClientTenancy provision(long clientId, String actor) {
		Client client = this.clients.getActive(clientId);
		ClientTenancy row = row(clientId);
		String account = (mode() == TenancyMode.SUBACCOUNT_PER_CLIENT) ? ensureAccount(client, actor) : null;
		if (row.messagingEnabled()) {
			ensureService(client, account, actor);
		}
		return of(clientId);
	}

	/**
	 * Switches the client's Messaging Service on or off and sets its Bundle SID.
	 */
	public ClientTenancy update(long clientId, boolean messagingEnabled, String bundleSid, String actor) {
		Client client = this.clients.get(clientId);
		row(clientId);
		this.tx.executeWithoutResult((status) -> {
			this.repository.setMessaging(clientId, messagingEnabled);
			this.repository.setBundle(clientId, bundleSid);
			this.events.publishEvent(new TenancyStep(actor, this.clock.instant(), "BUNDLE", "SUCCEEDED", client.id(),
					null, null, null, null, "Messaging Service " + (messagingEnabled ? "on" : "off") + "; Bundle "
							+ ((bundleSid != null) ? "set" : "none") + "."));
		});
		return of(clientId);
	}

	/**
	 * Creates the client's Address in Twilio, in the account its numbers live in, and
	 * stores it: later purchases that need one carry it.
	 */
	public ClientTenancy createAddress(long clientId, AddressForm form, String actor) {
		Client client = this.clients.getActive(clientId);
		row(clientId);
		String account = accountFor(client);
		String sid;
		try {
			sid = this.carrier.createAddress(account, form);
		}
		catch (CarrierException ex) {
			audit(actor, "ADDRESS", outcome(ex), clientId, null, ex.carrierCode(), ex.getMessage());
			throw ex;
		}
		this.tx.executeWithoutResult((status) -> {
			this.repository.setAddress(clientId, sid, form.isoCountry());
			this.events.publishEvent(new TenancyStep(actor, this.clock.instant(), "ADDRESS", "SUCCEEDED", clientId,
					null, null, null, null, "Created the client's " + form.isoCountry() + " Address in Twilio."));
		});
		return of(clientId);
	}

	/**
	 * Whether the client can buy a number with this requirement right now: it needs no
	 * Address, or the client has one that fits.
	 */
	public boolean canBuy(long clientId, AddressRequirement requirement, String isoCountry) {
		if (requirement == null || requirement == AddressRequirement.NONE) {
			return true;
		}
		ClientTenancy row = of(clientId);
		if (row.addressSid() == null) {
			return false;
		}
		return switch (requirement) {
			case LOCAL -> isoCountry == null || isoCountry.equalsIgnoreCase(row.addressIsoCountry());
			case FOREIGN -> isoCountry == null || !isoCountry.equalsIgnoreCase(row.addressIsoCountry());
			default -> true;
		};
	}

	/**
	 * The service's A2P 10DLC campaigns, read from Twilio.
	 */
	public List<TenancyCarrier.Campaign> campaigns(ClientTenancy row) {
		if (row.messagingServiceSid() == null) {
			return List.of();
		}
		return this.carrier.campaigns(row.accountSid(), row.messagingServiceSid());
	}

	/**
	 * The SIDs of the numbers in the client's service, read from Twilio.
	 */
	public List<String> serviceNumbers(ClientTenancy row) {
		if (row.messagingServiceSid() == null) {
			return List.of();
		}
		return this.carrier.serviceNumbers(row.accountSid(), row.messagingServiceSid());
	}

	/**
	 * Every client subaccount: account SID → client id.
	 */
	public java.util.Map<String, Long> clientsByAccount() {
		return this.repository.clientsByAccount();
	}

	/**
	 * The main account's SID.
	 */
	public String mainAccountSid() {
		return this.carrier.mainAccountSid();
	}

	/**
	 * Whether Twilio wants an Address for the number: most numbers outside the US and
	 * Canada (Twilio's search says exactly; a purchase by number alone does not, so the
	 * safe side is taken and the refusal comes before Twilio is called).
	 */
	static boolean needsAddress(E164Number number) {
		return !number.value().startsWith("+1");
	}

	/**
	 * Whether the number is a mobile number outside North America, which needs an
	 * approved regulatory Bundle (Twilio error 21649).
	 */
	static boolean needsBundle(E164Number number) {
		if (number.value().startsWith("+1")) {
			return false;
		}
		try {
			return PHONES.getNumberType(PHONES.parse(number.value(), null)) == PhoneNumberType.MOBILE;
		}
		catch (NumberParseException ex) {
			return false;
		}
	}

	static String subaccountName(Client client) {
		String suffix = " (client " + client.id() + ")";
		String name = client.name();
		int room = 64 - suffix.length();
		return ((name.length() > room) ? name.substring(0, room) : name) + suffix;
	}

	private void audit(String actor, String action, String outcome, Long clientId, TrackedNumber number, Integer code,
			String detail) {
		try {
			this.tx.executeWithoutResult((status) -> this.events.publishEvent(new TenancyStep(actor,
					this.clock.instant(), action, outcome, clientId, (number != null) ? number.id() : null,
					(number != null) ? number.e164() : null, (number != null) ? number.sid() : null, code, detail)));
		}
		catch (RuntimeException ex) {
			log.warn("Could not audit the tenancy step {} of client {}: {}", action, clientId, ex.getMessage());
		}
	}

	private static String outcome(CarrierException ex) {
		return (ex instanceof CarrierRefusedException) ? "REFUSED"
				: (ex instanceof CarrierOutcomeUnknownException) ? "UNKNOWN" : "FAILED";
	}

}
