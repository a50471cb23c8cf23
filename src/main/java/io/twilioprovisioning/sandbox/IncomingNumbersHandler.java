package io.twilioprovisioning.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.function.Predicate;

import io.twilioprovisioning.sandbox.OwnedRecord.Capabilities;
import io.twilioprovisioning.sandbox.OwnedRecord.Extras;
import io.twilioprovisioning.sandbox.OwnedRecord.Webhooks;

/**
 * IncomingPhoneNumbers, the numbers an account owns: list (paged in number order with
 * relative {@code next_page_uri}s), purchase, fetch, update (which also transfers a
 * number to another account of the family with {@code AccountSid}) and release.
 *
 * <p>
 * A purchase needs an {@code AddressSid} of the buying account that satisfies the
 * number's {@code address_requirements} (21631) and, for British mobile numbers, the
 * {@code BundleSid} of an approved bundle of the account for them (21649); it takes the
 * number's {@link PriceList price} off the main account's balance. Buying a number the
 * account already owns answers 201 and applies the parameters sent, like an update,
 * without a charge. A transfer needs the main account's credentials (21474), a target in
 * the family (21473) that is active (21472) and has an Address the number needs (21613)
 * and a bundle it needs (21649); the number leaves its Messaging Service.
 */
final class IncomingNumbersHandler {

	private static final String BASE = "/2010-04-01/Accounts/{Account}/IncomingPhoneNumbers";

	private static final Catalog.Entry MAGIC_ENTRY = new Catalog.Entry(TwilioEmulator.MAGIC_AVAILABLE,
			PhoneFormat.friendly(TwilioEmulator.MAGIC_AVAILABLE), Catalog.LOCAL, "US", TwilioEmulator.MAGIC_AREA_CODE,
			null, null, null, null, null, null, null, "none", false, new Capabilities(true, true, true, false));

	private final EmulatorContext context;

	IncomingNumbersHandler(EmulatorContext context) {
		this.context = context;
	}

	void register(RouteTable routes) {
		routes.route(TwilioHost.API, BASE + ".json")
			.get(Operation.LIST, this::list)
			.post(Operation.PURCHASE, this::purchase);
		routes.route(TwilioHost.API, BASE + "/{Type:Local|Mobile|TollFree}.json")
			.get(Operation.LIST, this::list)
			.post(Operation.PURCHASE, this::purchase);
		routes.route(TwilioHost.API, BASE + "/{Sid}.json")
			.get(Operation.FETCH, this::fetch)
			.post(Operation.UPDATE, this::update)
			.delete(Operation.RELEASE, this::release);
	}

	private EmulatorResponse list(Call call) {
		EmulatorRequest request = call.request();
		int pageSize = Paging.pageSize(request.queryParam("PageSize"));
		int page = Paging.pageIndex(request.queryParam("Page"));
		String token = request.queryParam("PageToken");
		if (token != null && !token.matches("P[AB]\\d{7,15}")) {
			throw TwilioErrorException.badRequest(21481, "Invalid PageToken");
		}
		Predicate<OwnedRecord> filter = listFilter(call);
		String phoneNumber = request.queryParam("PhoneNumber");
		boolean backwards = token != null && token.startsWith("PB");
		List<OwnedRecord> items = new ArrayList<>(pageSize);
		boolean hasMore = this.context.state().read((state) -> {
			NavigableMap<String, OwnedRecord> owned = state.numbers().ofAccount(call.account().sid());
			Collection<OwnedRecord> source;
			if (NumberPattern.isExact(phoneNumber)) {
				OwnedRecord exact = owned.get(phoneNumber.strip());
				source = (exact != null) ? List.of(exact) : List.of();
			}
			else if (token == null) {
				source = owned.values();
			}
			else {
				String key = "+" + token.substring(2);
				source = backwards ? owned.headMap(key, false).descendingMap().values()
						: owned.tailMap(key, false).values();
			}
			long skip = (token == null) ? (long) page * pageSize : 0;
			Iterator<OwnedRecord> iterator = source.iterator();
			while (iterator.hasNext()) {
				OwnedRecord number = iterator.next();
				if (!filter.test(number)) {
					continue;
				}
				if (skip > 0) {
					skip--;
				}
				else if (items.size() < pageSize) {
					items.add(number);
				}
				else {
					return true;
				}
			}
			return false;
		});
		if (backwards) {
			Collections.reverse(items);
			hasMore = true;
		}
		String base = call.path() + "?" + Paging.filters(request, "PhoneNumber", "FriendlyName", "Beta", "Origin")
				+ "PageSize=" + pageSize;
		Map<String, Object> json = EmulatorContext.object();
		json.put("end", items.isEmpty() ? page * pageSize : page * pageSize + items.size() - 1);
		json.put("first_page_uri", base + "&Page=0");
		json.put("incoming_phone_numbers", items.stream().map(IncomingNumbersHandler::json).toList());
		json.put("next_page_uri", (hasMore && !items.isEmpty())
				? base + "&Page=" + (page + 1) + "&PageToken=PA" + digits(items.get(items.size() - 1)) : null);
		json.put("page", page);
		json.put("page_size", pageSize);
		json.put("previous_page_uri", (page > 0 && !items.isEmpty())
				? base + "&Page=" + (page - 1) + "&PageToken=PB" + digits(items.get(0)) : null);
		json.put("start", page * pageSize);
		json.put("uri", base + "&Page=" + page + ((token != null) ? "&PageToken=" + token : ""));
		return EmulatorContext.json(200, json);
	}

	private static Predicate<OwnedRecord> listFilter(Call call) {
		EmulatorRequest request = call.request();
		Predicate<OwnedRecord> filter = (number) -> true;
		String pathType = call.parameter("Type");
		if (pathType != null) {
			String type = catalogType(pathType);
			filter = filter.and((number) -> number.type().equals(type));
		}
		String phoneNumber = request.queryParam("PhoneNumber");
		if (phoneNumber != null && !phoneNumber.isBlank() && !NumberPattern.isExact(phoneNumber)) {
			NumberPattern pattern = NumberPattern.compile(phoneNumber);
			filter = filter.and((number) -> pattern.matches(number.phoneNumber()));
		}
		String friendlyName = request.queryParam("FriendlyName");
		if (friendlyName != null) {
			filter = filter.and((number) -> friendlyName.equals(number.friendlyName()));
		}
		if (NumberSearch.isFalse(request.queryParam("Beta"))) {
			filter = filter.and((number) -> !number.beta());
		}
		String origin = request.queryParam("Origin");
		if (origin != null && !origin.isBlank()) {
			filter = filter.and((number) -> number.origin().equalsIgnoreCase(origin.strip()));
		}
		return filter;
	}

	private EmulatorResponse purchase(Call call) {
		EmulatorRequest request = call.request();
		AccountRecord account = requireActive(call.account());
		String phoneNumber = blankToNull(request.formParam("PhoneNumber"));
		String areaCode = blankToNull(request.formParam("AreaCode"));
		String pathType = call.parameter("Type");
		if (pathType != null && areaCode != null) {
			throw TwilioErrorException.badRequest(21457, "AreaCode parameter not supported for this endpoint");
		}
		if (phoneNumber == null && areaCode == null) {
			throw TwilioErrorException.badRequest(21421, "A PhoneNumber or an AreaCode is required");
		}
		if (phoneNumber != null && areaCode != null) {
			throw TwilioErrorException.badRequest(21421, "Send either a PhoneNumber or an AreaCode, not both");
		}
		String friendlyName = NumberSettings.friendlyName(request);
		Webhooks webhooks = NumberSettings.webhooks(Webhooks.NONE, request);
		Extras extras = NumberSettings.extras(Extras.NONE, request);
		return this.context.state().write((state) -> {
			Catalog.Entry entry = (phoneNumber != null) ? entryForNumber(state, phoneNumber)
					: entryForAreaCode(state, areaCode, account, extras.addressSid());
			OwnedRecord existing = state.numbers().findByNumber(entry.phoneNumber()).orElse(null);
			if (existing != null) {
				if (!existing.accountSid().equals(account.sid())) {
					throw TwilioErrorException.badRequest(21422,
							"PhoneNumber " + entry.phoneNumber() + " is not available");
				}
				OwnedRecord updated = configure(state, existing, request, account);
				state.numbers().save(updated);
				return EmulatorContext.json(201, json(updated));
			}
			if (pathType != null && !catalogType(pathType).equals(entry.type())) {
				throw TwilioErrorException.badRequest(21458,
						"PhoneNumber " + entry.phoneNumber() + " is not a " + pathType + " number");
			}
			String country = entry.isoCountry();
			String addressSid = NumberRequirements.requireAddress(state, account, extras.addressSid(),
					entry.addressRequirements(), country, 21631);
			String bundleSid = NumberRequirements.requireBundle(state, account, extras.bundleSid(), country,
					entry.type());
			Instant now = this.context.now();
			OwnedRecord bought = new OwnedRecord(EmulatorContext.newSid("PN", state.numbers()::isSidTaken),
					account.sid(), entry.phoneNumber(),
					(friendlyName != null && !friendlyName.isBlank()) ? friendlyName : entry.friendlyName(),
					entry.type(), entry.capabilities(), entry.addressRequirements(), entry.beta(), "twilio", webhooks,
					extras.withAddressAndBundle(addressSid, bundleSid), now, now);
			state.numbers().save(bought);
			state.numbers().countPurchase();
			state.accounts().charge(PriceList.monthly(country, entry.type()));
			return EmulatorContext.json(201, json(bought));
		});
	}

	private EmulatorResponse fetch(Call call) {
		return EmulatorContext.json(200, json(this.context.state().read((state) -> require(state, call))));
	}

	private EmulatorResponse update(Call call) {
		NumberSettings.friendlyName(call.request());
		String newOwner = blankToNull(call.request().formParam("AccountSid"));
		OwnedRecord updated = this.context.state().write((state) -> {
			OwnedRecord current = require(state, call);
			AccountRecord owner = call.account();
			if (newOwner != null && !newOwner.strip().equals(current.accountSid())) {
				owner = transferTarget(state, call, newOwner.strip());
				current = NumberRequirements.transfer(state, current, owner, call.request());
			}
			else {
				requireActive(owner);
			}
			OwnedRecord changed = configure(state, current, call.request(), owner);
			state.numbers().save(changed);
			return changed;
		});
		return EmulatorContext.json(200, json(updated));
	}

	private EmulatorResponse release(Call call) {
		requireActive(call.account());
		this.context.state().write((state) -> {
			OwnedRecord released = require(state, call);
			state.numbers().remove(released);
			state.messaging().removeSender(released.sid());
			return released;
		});
		return EmulatorContext.noContent();
	}

	/**
	 * Applies the settings of a purchase or update to a number the account owns.
	 */
	private OwnedRecord configure(EmulatorState state, OwnedRecord current, EmulatorRequest request,
			AccountRecord owner) {
		String friendlyName = NumberSettings.friendlyName(request);
		Webhooks webhooks = NumberSettings.webhooks(current.webhooks(), request);
		Extras extras = NumberSettings.extras(current.extras(), request);
		String country = Catalog.countryOf(current.phoneNumber());
		if (request.formParam("AddressSid") != null) {
			NumberRequirements.requireAddress(state, owner, extras.addressSid(), current.addressRequirements(), country,
					21631);
		}
		if (request.formParam("BundleSid") != null) {
			NumberRequirements.requireBundle(state, owner, extras.bundleSid(), country, current.type());
		}
		String name = (friendlyName == null) ? current.friendlyName()
				: (friendlyName.isBlank() ? PhoneFormat.friendly(current.phoneNumber()) : friendlyName);
		return new OwnedRecord(current.sid(), owner.sid(), current.phoneNumber(), name, current.type(),
				current.capabilities(), current.addressRequirements(), current.beta(), current.origin(), webhooks,
				extras, current.dateCreated(), this.context.now());
	}

	private static AccountRecord transferTarget(EmulatorState state, Call call, String target) {
		if (!call.caller().isMain()) {
			throw TwilioErrorException.badRequest(21474,
					"API User must be the parent account to transfer phone numbers");
		}
		if (!target.matches("AC[0-9a-fA-F]{32}")) {
			throw TwilioErrorException.badRequest(21470, "AccountSid " + target + " is not a valid AccountSid");
		}
		AccountRecord account = state.accounts()
			.find(target)
			.filter((candidate) -> candidate.ownerSid().equals(call.caller().sid()))
			.orElseThrow(() -> TwilioErrorException.badRequest(21473,
					"AccountSid " + target + " is not related to the originating owner of this number"));
		if (!account.isActive()) {
			throw TwilioErrorException.badRequest(21472, "Account " + target + " is not active");
		}
		return account;
	}

	private static Catalog.Entry entryForNumber(EmulatorState state, String phoneNumber) {
		String number = PhoneFormat.normalize(phoneNumber);
		if (number == null || number.equals(TwilioEmulator.MAGIC_INVALID)) {
			throw TwilioErrorException.badRequest(21421, "PhoneNumber " + phoneNumber + " is invalid");
		}
		if (number.equals(TwilioEmulator.MAGIC_AVAILABLE)) {
			return MAGIC_ENTRY;
		}
		Catalog.Entry entry = Catalog.find(number);
		if (entry != null) {
			return entry;
		}
		OwnedRecord owned = state.numbers().findByNumber(number).orElse(null);
		if (owned == null) {
			throw TwilioErrorException.badRequest(21422, "PhoneNumber " + number + " is not available");
		}
		return new Catalog.Entry(number, owned.friendlyName(), owned.type(), Catalog.countryOf(number), null, null,
				null, null, null, null, null, null, owned.addressRequirements(), owned.beta(), owned.capabilities());
	}

	/**
	 * The first number of the area code that no account owns and that the request can
	 * buy: one without an address requirement, or one the Address sent satisfies.
	 */
	private static Catalog.Entry entryForAreaCode(EmulatorState state, String areaCode, AccountRecord account,
			String addressSid) {
		String code = areaCode.strip();
		if (!code.matches("[2-9]\\d\\d")) {
			throw TwilioErrorException.badRequest(21451, "AreaCode " + areaCode + " is not a valid area code");
		}
		if (code.equals(TwilioEmulator.MAGIC_AREA_CODE)) {
			return MAGIC_ENTRY;
		}
		AddressRecord address = state.addresses().find(account.sid(), addressSid).orElse(null);
		if (!code.equals(TwilioEmulator.MAGIC_EMPTY_AREA_CODE)) {
			for (Catalog.Entry entry : Catalog.entries()) {
				if (code.equals(entry.areaCode()) && !state.numbers().isOwned(entry.phoneNumber()) && ("none"
					.equals(entry.addressRequirements())
						|| (address != null && address.satisfies(entry.addressRequirements(), entry.isoCountry())))) {
					return entry;
				}
			}
		}
		throw TwilioErrorException.badRequest(21452, "No phone numbers found in area code " + code);
	}

	private static OwnedRecord require(EmulatorState state, Call call) {
		return state.numbers()
			.find(call.parameter("Sid"))
			.filter((number) -> number.accountSid().equals(call.account().sid()))
			.orElseThrow(call::notFound);
	}

	private static AccountRecord requireActive(AccountRecord account) {
		if (!account.isActive()) {
			throw TwilioErrorException.accountNotActive(account.sid());
		}
		return account;
	}

	private static String catalogType(String pathType) {
		return switch (pathType) {
			case "TollFree" -> Catalog.TOLL_FREE;
			case "Mobile" -> Catalog.MOBILE;
			default -> Catalog.LOCAL;
		};
	}

	private static String digits(OwnedRecord number) {
		return number.phoneNumber().substring(1);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	static Map<String, Object> json(OwnedRecord number) {
		String uri = TwilioJson.accountPath(number.accountSid()) + "/IncomingPhoneNumbers/" + number.sid() + ".json";
		Extras extras = number.extras();
		Map<String, Object> json = EmulatorContext.object();
		json.put("account_sid", number.accountSid());
		json.put("address_sid", extras.addressSid());
		json.put("address_requirements", number.addressRequirements());
		json.put("api_version", TwilioJson.API_VERSION);
		json.put("beta", number.beta());
		json.put("capabilities", AvailableNumbersHandler.capabilities(number.capabilities(), "sms", "mms"));
		json.put("date_created", TwilioJson.date(number.dateCreated()));
		json.put("date_updated", TwilioJson.date(number.dateUpdated()));
		json.put("friendly_name", number.friendlyName());
		json.put("identity_sid", extras.identitySid());
		json.put("phone_number", number.phoneNumber());
		json.put("origin", number.origin());
		json.put("sid", number.sid());
		json.put("sms_application_sid", extras.smsApplicationSid());
		json.put("sms_fallback_method", number.smsFallbackMethod());
		json.put("sms_fallback_url", number.smsFallbackUrl());
		json.put("sms_method", number.smsMethod());
		json.put("sms_url", number.smsUrl());
		json.put("status_callback", number.statusCallback());
		json.put("status_callback_method", number.statusCallbackMethod());
		json.put("trunk_sid", extras.trunkSid());
		json.put("uri", uri);
		json.put("voice_receive_mode", extras.voiceReceiveMode());
		json.put("voice_application_sid", extras.voiceApplicationSid());
		json.put("voice_caller_id_lookup", extras.voiceCallerIdLookup());
		json.put("voice_fallback_method", number.voiceFallbackMethod());
		json.put("voice_fallback_url", number.voiceFallbackUrl());
		json.put("voice_method", number.voiceMethod());
		json.put("voice_url", number.voiceUrl());
		json.put("emergency_status", extras.emergencyStatus());
		json.put("emergency_address_sid", extras.emergencyAddressSid());
		json.put("emergency_address_status", "unregistered");
		json.put("bundle_sid", extras.bundleSid());
		json.put("status", "in-use");
		json.put("type", number.type());
		json.put("subresource_uris", Map.of("assigned_add_ons", uri.replace(".json", "/AssignedAddOns.json")));
		return json;
	}

}
