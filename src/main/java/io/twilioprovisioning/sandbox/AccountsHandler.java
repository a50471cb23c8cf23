package io.twilioprovisioning.sandbox;

import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Account resource of the 2010 API: the main account, its subaccounts
 * ({@code /2010-04-01/Accounts.json} list and create, {@code Accounts/{Sid}.json} fetch
 * and update) and the Balance.
 *
 * <p>
 * Twilio's rules: only the main account creates subaccounts (21101 from a subaccount), at
 * most {@value AccountStore#MAX_SUBACCOUNTS} (21480); a list shows the caller and, for
 * the main account, its subaccounts; the main account's status cannot be changed (21477)
 * and a closed subaccount cannot be reopened (21479); closing a subaccount releases its
 * numbers. A subaccount's auth token is in its resource (never the main account's); a
 * subaccount has no balance of its own (its purchases are billed to the main account), so
 * its Balance answers {@code null}s.
 */
final class AccountsHandler {

	private static final Set<String> STATUSES = Set.of(AccountRecord.ACTIVE, AccountRecord.SUSPENDED,
			AccountRecord.CLOSED);

	private static final DateTimeFormatter DEFAULT_NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd hh:mm a", Locale.US)
		.withZone(ZoneOffset.UTC);

	private static final SecureRandom TOKENS = new SecureRandom();

	private final EmulatorContext context;

	AccountsHandler(EmulatorContext context) {
		this.context = context;
	}

	void register(RouteTable routes) {
		routes.route(TwilioHost.API, "/2010-04-01/Accounts.json")
			.get(Operation.ACCOUNT_LIST, this::list)
			.post(Operation.ACCOUNT_CREATE, this::create);
		routes.route(TwilioHost.API, "/2010-04-01/Accounts/{Account}.json")
			.get(Operation.ACCOUNT, this::fetch)
			.post(Operation.ACCOUNT_UPDATE, this::update);
		routes.route(TwilioHost.API, "/2010-04-01/Accounts/{Account}/Balance.json")
			.get(Operation.BALANCE, this::balance);
	}

	private EmulatorResponse list(Call call) {
		String friendlyName = call.request().queryParam("FriendlyName");
		String status = call.request().queryParam("Status");
		List<AccountRecord> accounts = this.context.state()
			.read((state) -> state.accounts().all())
			.stream()
			.filter((account) -> account.sid().equals(call.caller().sid())
					|| (call.caller().isMain() && account.ownerSid().equals(call.caller().sid())))
			.filter((account) -> friendlyName == null || friendlyName.equals(account.friendlyName()))
			.filter((account) -> status == null || status.equalsIgnoreCase(account.status()))
			.toList();
		Paging.Slice<AccountRecord> slice = Paging.slice(accounts, call.request());
		return EmulatorContext.json(200,
				Paging.legacyEnvelope("accounts", slice.items().stream().map(AccountsHandler::json).toList(), slice,
						call.path(), Paging.filters(call.request(), "FriendlyName", "Status")));
	}

	private EmulatorResponse create(Call call) {
		if (!call.caller().isMain()) {
			throw TwilioErrorException.badRequest(21101, "Subaccounts cannot contain subaccounts");
		}
		String friendlyName = NumberSettings.friendlyName(call.request());
		AccountRecord created = this.context.state().write((state) -> {
			if (state.accounts().subaccountCount() >= AccountStore.MAX_SUBACCOUNTS) {
				throw TwilioErrorException.badRequest(21480,
						"Reached maximum number of subaccounts (" + AccountStore.MAX_SUBACCOUNTS + ")");
			}
			Instant now = this.context.now();
			String name = (friendlyName != null && !friendlyName.isBlank()) ? friendlyName
					: "SubAccount Created at " + DEFAULT_NAME.format(now).toLowerCase(Locale.ROOT);
			AccountRecord account = new AccountRecord(
					EmulatorContext.newSid("AC", (sid) -> state.accounts().find(sid).isPresent()), call.caller().sid(),
					name, AccountRecord.ACTIVE, newToken(), now, now);
			state.accounts().save(account);
			state.bundles().seed(account.sid(), now);
			return account;
		});
		return EmulatorContext.json(201, json(created));
	}

	private EmulatorResponse fetch(Call call) {
		return EmulatorContext.json(200, json(call.account()));
	}

	private EmulatorResponse update(Call call) {
		String friendlyName = NumberSettings.friendlyName(call.request());
		String status = call.request().formParam("Status");
		if (status != null && !STATUSES.contains(status.strip().toLowerCase(Locale.ROOT))) {
			throw TwilioErrorException.badRequest(TwilioErrorException.BAD_REQUEST,
					"Status must be active, suspended or closed, was " + status);
		}
		AccountRecord updated = this.context.state().write((state) -> {
			AccountRecord current = state.accounts().find(call.account().sid()).orElseThrow(call::notFound);
			String newStatus = (status != null) ? status.strip().toLowerCase(Locale.ROOT) : current.status();
			if (!newStatus.equals(current.status())) {
				if (current.isMain()) {
					throw TwilioErrorException.badRequest(21477,
							"Unable to update Status for parent accounts, status updates restricted to subaccounts only");
				}
				if (AccountRecord.CLOSED.equals(current.status())) {
					throw TwilioErrorException.badRequest(21479,
							"Unable to update Status for subaccount, subaccount has been closed");
				}
			}
			String name = (friendlyName == null || friendlyName.isBlank()) ? current.friendlyName() : friendlyName;
			AccountRecord changed = current.with(name, newStatus, this.context.now());
			state.accounts().save(changed);
			if (AccountRecord.CLOSED.equals(newStatus) && !AccountRecord.CLOSED.equals(current.status())) {
				releaseAll(state, changed.sid());
			}
			return changed;
		});
		return EmulatorContext.json(200, json(updated));
	}

	private EmulatorResponse balance(Call call) {
		Map<String, Object> json = EmulatorContext.object();
		json.put("account_sid", call.account().sid());
		if (call.account().isMain()) {
			json.put("balance",
					this.context.state()
						.read((state) -> state.accounts().balance())
						.setScale(2, RoundingMode.HALF_UP)
						.toPlainString());
			json.put("currency", PriceList.CURRENCY);
		}
		else {
			json.put("balance", null);
			json.put("currency", null);
		}
		return EmulatorContext.json(200, json);
	}

	/**
	 * Releases every number of a closed account.
	 */
	private static void releaseAll(EmulatorState state, String accountSid) {
		for (OwnedRecord number : List.copyOf(state.numbers().ofAccount(accountSid).values())) {
			state.numbers().remove(number);
			state.messaging().removeSender(number.sid());
		}
	}

	static Map<String, Object> json(AccountRecord account) {
		String uri = TwilioJson.accountPath(account.sid());
		Map<String, Object> subresources = EmulatorContext.object();
		subresources.put("addresses", uri + "/Addresses.json");
		subresources.put("available_phone_numbers", uri + "/AvailablePhoneNumbers.json");
		subresources.put("applications", uri + "/Applications.json");
		subresources.put("balance", uri + "/Balance.json");
		subresources.put("calls", uri + "/Calls.json");
		subresources.put("incoming_phone_numbers", uri + "/IncomingPhoneNumbers.json");
		subresources.put("messages", uri + "/Messages.json");
		Map<String, Object> json = EmulatorContext.object();
		if (!account.isMain()) {
			json.put("auth_token", account.authToken());
		}
		json.put("date_created", TwilioJson.date(account.dateCreated()));
		json.put("date_updated", TwilioJson.date(account.dateUpdated()));
		json.put("friendly_name", account.friendlyName());
		json.put("owner_account_sid", account.ownerSid());
		json.put("sid", account.sid());
		json.put("status", account.status());
		json.put("subresource_uris", subresources);
		json.put("type", "Full");
		json.put("uri", uri + ".json");
		return json;
	}

	private static String newToken() {
		byte[] bytes = new byte[16];
		TOKENS.nextBytes(bytes);
		return HexFormat.of().formatHex(bytes);
	}

}
