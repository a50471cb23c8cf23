package io.twilioprovisioning.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Addresses of the 2010 API ({@code …/Addresses.json} list and create,
 * {@code …/Addresses/{Sid}.json} fetch, update and delete), per account. Creating one
 * needs {@code CustomerName}, {@code Street}, {@code City}, {@code Region},
 * {@code PostalCode} and a two-letter {@code IsoCountry}; a missing or blank one is
 * Twilio's address validation error 21628. Every address is accepted as given
 * ({@code validated} and {@code verified} stay {@code false}). An address a number needs
 * cannot be deleted (400, 21631).
 */
final class AddressesHandler {

	private static final String BASE = "/2010-04-01/Accounts/{Account}/Addresses";

	private static final List<String> REQUIRED = List.of("CustomerName", "Street", "City", "Region", "PostalCode",
			"IsoCountry");

	private final EmulatorContext context;

	AddressesHandler(EmulatorContext context) {
		this.context = context;
	}

	void register(RouteTable routes) {
		routes.route(TwilioHost.API, BASE + ".json")
			.get(Operation.ADDRESS_LIST, this::list)
			.post(Operation.ADDRESS_CREATE, this::create);
		routes.route(TwilioHost.API, BASE + "/{Sid}.json")
			.get(Operation.ADDRESS_FETCH, this::fetch)
			.post(Operation.ADDRESS_UPDATE, this::update)
			.delete(Operation.ADDRESS_DELETE, this::delete);
	}

	private EmulatorResponse list(Call call) {
		EmulatorRequest request = call.request();
		String customerName = request.queryParam("CustomerName");
		String friendlyName = request.queryParam("FriendlyName");
		String isoCountry = request.queryParam("IsoCountry");
		String emergency = request.queryParam("EmergencyEnabled");
		List<AddressRecord> addresses = this.context.state()
			.read((state) -> state.addresses().ofAccount(call.account().sid()))
			.stream()
			.filter((address) -> customerName == null || customerName.equals(address.customerName()))
			.filter((address) -> friendlyName == null || friendlyName.equals(address.friendlyName()))
			.filter((address) -> isoCountry == null || isoCountry.equalsIgnoreCase(address.isoCountry()))
			.filter((address) -> emergency == null || NumberSearch.isTrue(emergency) == address.emergencyEnabled())
			.toList();
		Paging.Slice<AddressRecord> slice = Paging.slice(addresses, request);
		return EmulatorContext.json(200,
				Paging.legacyEnvelope("addresses", slice.items().stream().map(AddressesHandler::json).toList(), slice,
						call.path(),
						Paging.filters(request, "CustomerName", "FriendlyName", "EmergencyEnabled", "IsoCountry")));
	}

	private EmulatorResponse create(Call call) {
		EmulatorRequest request = call.request();
		requireActive(call.account());
		for (String name : REQUIRED) {
			String value = request.formParam(name);
			if (value == null || value.isBlank()) {
				throw TwilioErrorException.badRequest(21628, "Address Validation Error: " + name + " is required");
			}
		}
		String isoCountry = request.formParam("IsoCountry").strip().toUpperCase(Locale.ROOT);
		if (!isoCountry.matches("[A-Z]{2}")) {
			throw TwilioErrorException.badRequest(21628,
					"Address Validation Error: IsoCountry must be an ISO 3166-1 alpha-2 code, was " + isoCountry);
		}
		String friendlyName = NumberSettings.friendlyName(request);
		AddressRecord created = this.context.state().write((state) -> {
			Instant now = this.context.now();
			AddressRecord address = new AddressRecord(
					EmulatorContext.newSid("AD", (sid) -> state.addresses().find(sid).isPresent()),
					call.account().sid(), text(request, "CustomerName"), blankToNull(friendlyName),
					text(request, "Street"), blankToNull(request.formParam("StreetSecondary")), text(request, "City"),
					text(request, "Region"), text(request, "PostalCode"), isoCountry,
					NumberSearch.isTrue(request.formParam("EmergencyEnabled")), now, now);
			state.addresses().save(address);
			return address;
		});
		return EmulatorContext.json(201, json(created));
	}

	private EmulatorResponse fetch(Call call) {
		return EmulatorContext.json(200, json(this.context.state().read((state) -> require(state, call))));
	}

	private EmulatorResponse update(Call call) {
		EmulatorRequest request = call.request();
		requireActive(call.account());
		for (String name : REQUIRED) {
			String value = request.formParam(name);
			if (value != null && value.isBlank()) {
				throw TwilioErrorException.badRequest(21628,
						"Address Validation Error: " + name + " must not be blank");
			}
		}
		String friendlyName = NumberSettings.friendlyName(request);
		AddressRecord updated = this.context.state().write((state) -> {
			AddressRecord current = require(state, call);
			String emergency = request.formParam("EmergencyEnabled");
			AddressRecord changed = new AddressRecord(current.sid(), current.accountSid(),
					valueOr(request, "CustomerName", current.customerName()),
					(friendlyName != null) ? blankToNull(friendlyName) : current.friendlyName(),
					valueOr(request, "Street", current.street()),
					(request.formParam("StreetSecondary") != null) ? blankToNull(request.formParam("StreetSecondary"))
							: current.streetSecondary(),
					valueOr(request, "City", current.city()), valueOr(request, "Region", current.region()),
					valueOr(request, "PostalCode", current.postalCode()), current.isoCountry(),
					(emergency != null) ? NumberSearch.isTrue(emergency) : current.emergencyEnabled(),
					current.dateCreated(), this.context.now());
			state.addresses().save(changed);
			return changed;
		});
		return EmulatorContext.json(200, json(updated));
	}

	private EmulatorResponse delete(Call call) {
		requireActive(call.account());
		this.context.state().write((state) -> {
			AddressRecord address = require(state, call);
			state.numbers()
				.ofAccount(address.accountSid())
				.values()
				.stream()
				.filter((number) -> address.sid().equals(number.extras().addressSid())
						&& !"none".equals(number.addressRequirements()))
				.findFirst()
				.ifPresent((number) -> {
					throw TwilioErrorException.badRequest(21631, "Address " + address.sid()
							+ " cannot be deleted: phone number " + number.phoneNumber() + " requires it");
				});
			state.addresses().remove(address);
			return address;
		});
		return EmulatorContext.noContent();
	}

	private static AddressRecord require(EmulatorState state, Call call) {
		return state.addresses().find(call.account().sid(), call.parameter("Sid")).orElseThrow(call::notFound);
	}

	private static void requireActive(AccountRecord account) {
		if (!account.isActive()) {
			throw TwilioErrorException.accountNotActive(account.sid());
		}
	}

	private static String text(EmulatorRequest request, String name) {
		return request.formParam(name).strip();
	}

	private static String valueOr(EmulatorRequest request, String name, String current) {
		String value = request.formParam(name);
		return (value != null) ? value.strip() : current;
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	static Map<String, Object> json(AddressRecord address) {
		Map<String, Object> json = EmulatorContext.object();
		json.put("account_sid", address.accountSid());
		json.put("city", address.city());
		json.put("customer_name", address.customerName());
		json.put("date_created", TwilioJson.date(address.dateCreated()));
		json.put("date_updated", TwilioJson.date(address.dateUpdated()));
		json.put("emergency_enabled", address.emergencyEnabled());
		json.put("friendly_name", address.friendlyName());
		json.put("iso_country", address.isoCountry());
		json.put("postal_code", address.postalCode());
		json.put("region", address.region());
		json.put("sid", address.sid());
		json.put("street", address.street());
		json.put("street_secondary", address.streetSecondary());
		json.put("uri", TwilioJson.accountPath(address.accountSid()) + "/Addresses/" + address.sid() + ".json");
		json.put("validated", false);
		json.put("verified", false);
		return json;
	}

}
