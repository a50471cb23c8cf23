package io.twilioprovisioning.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.twilioprovisioning.sandbox.MessagingServiceRecord.Settings;
import io.twilioprovisioning.sandbox.MessagingStore.Sender;

/**
 * Messaging Services on {@code messaging.twilio.com}: {@code /v1/Services} (list, create,
 * fetch, update, delete), their phone numbers {@code /v1/Services/{Sid}/PhoneNumbers}
 * (add by {@code PhoneNumberSid}, list, fetch, remove) and their US A2P campaigns
 * {@code /v1/Services/{Sid}/Compliance/Usa2p} (read-only, always empty: the emulator
 * registers no campaigns). Everything belongs to the account whose credentials are used.
 *
 * <p>
 * Twilio's refusals: a missing or too long {@code FriendlyName} (20002), a number that is
 * not the account's (21421), already in this service (409, 21710) or in another one (409,
 * 21712), or that can receive neither SMS nor MMS (21715); bad URLs and methods as for
 * numbers (21402, 21403). Deleting a service leaves its numbers with the account.
 */
final class MessagingServicesHandler {

	private static final String SERVICES = "/v1/Services";

	private final EmulatorContext context;

	MessagingServicesHandler(EmulatorContext context) {
		this.context = context;
	}

	void register(RouteTable routes) {
		routes.route(TwilioHost.MESSAGING, SERVICES)
			.get(Operation.SERVICE_LIST, this::list)
			.post(Operation.SERVICE_CREATE, this::create);
		routes.route(TwilioHost.MESSAGING, SERVICES + "/{Sid}")
			.get(Operation.SERVICE_FETCH, this::fetch)
			.post(Operation.SERVICE_UPDATE, this::update)
			.delete(Operation.SERVICE_DELETE, this::delete);
		routes.route(TwilioHost.MESSAGING, SERVICES + "/{Service}/PhoneNumbers")
			.get(Operation.SERVICE_NUMBER_LIST, this::listNumbers)
			.post(Operation.SERVICE_NUMBER_ADD, this::addNumber);
		routes.route(TwilioHost.MESSAGING, SERVICES + "/{Service}/PhoneNumbers/{Sid}")
			.get(Operation.SERVICE_NUMBER_FETCH, this::fetchNumber)
			.delete(Operation.SERVICE_NUMBER_REMOVE, this::removeNumber);
		routes.route(TwilioHost.MESSAGING, SERVICES + "/{Service}/Compliance/Usa2p")
			.get(Operation.A2P_CAMPAIGN_LIST, this::campaigns);
	}

	private EmulatorResponse list(Call call) {
		List<MessagingServiceRecord> services = this.context.state()
			.read((state) -> state.messaging().ofAccount(call.account().sid()));
		Paging.Slice<MessagingServiceRecord> slice = Paging.slice(services, call.request());
		return EmulatorContext.json(200,
				Paging.metaEnvelope("services", slice.items().stream().map(MessagingServicesHandler::json).toList(),
						slice, call.host(), call.path(), ""));
	}

	private EmulatorResponse create(Call call) {
		String friendlyName = NumberSettings.friendlyName(call.request());
		if (friendlyName == null || friendlyName.isBlank()) {
			throw TwilioErrorException.badRequest(20002, "FriendlyName is required");
		}
		Settings settings = settings(Settings.DEFAULTS, call.request());
		MessagingServiceRecord created = this.context.state().write((state) -> {
			Instant now = this.context.now();
			MessagingServiceRecord service = new MessagingServiceRecord(
					EmulatorContext.newSid("MG", state.messaging()::isSidTaken), call.account().sid(), friendlyName,
					settings, now, now);
			state.messaging().save(service);
			return service;
		});
		return EmulatorContext.json(201, json(created));
	}

	private EmulatorResponse fetch(Call call) {
		return EmulatorContext.json(200,
				json(this.context.state().read((state) -> requireService(state, call, call.parameter("Sid")))));
	}

	private EmulatorResponse update(Call call) {
		String friendlyName = NumberSettings.friendlyName(call.request());
		MessagingServiceRecord updated = this.context.state().write((state) -> {
			MessagingServiceRecord current = requireService(state, call, call.parameter("Sid"));
			MessagingServiceRecord changed = new MessagingServiceRecord(current.sid(), current.accountSid(),
					(friendlyName == null || friendlyName.isBlank()) ? current.friendlyName() : friendlyName,
					settings(current.settings(), call.request()), current.dateCreated(), this.context.now());
			state.messaging().save(changed);
			return changed;
		});
		return EmulatorContext.json(200, json(updated));
	}

	private EmulatorResponse delete(Call call) {
		this.context.state().write((state) -> {
			state.messaging().remove(requireService(state, call, call.parameter("Sid")));
			return null;
		});
		return EmulatorContext.noContent();
	}

	private EmulatorResponse listNumbers(Call call) {
		List<Map<String, Object>> numbers = this.context.state().read((state) -> {
			MessagingServiceRecord service = requireService(state, call, call.parameter("Service"));
			List<Map<String, Object>> rendered = new ArrayList<>();
			for (Sender sender : state.messaging().senders(service.sid())) {
				state.numbers()
					.find(sender.numberSid())
					.ifPresent((number) -> rendered.add(json(service, sender, number)));
			}
			return rendered;
		});
		Paging.Slice<Map<String, Object>> slice = Paging.slice(numbers, call.request());
		return EmulatorContext.json(200,
				Paging.metaEnvelope("phone_numbers", slice.items(), slice, call.host(), call.path(), ""));
	}

	private EmulatorResponse addNumber(Call call) {
		String numberSid = call.request().formParam("PhoneNumberSid");
		if (numberSid == null || !numberSid.strip().matches("PN[0-9a-fA-F]{32}")) {
			throw TwilioErrorException.badRequest(21421,
					"PhoneNumberSid " + numberSid + " is not a valid Phone Number SID");
		}
		Map<String, Object> added = this.context.state().write((state) -> {
			MessagingServiceRecord service = requireService(state, call, call.parameter("Service"));
			OwnedRecord number = state.numbers()
				.find(numberSid.strip())
				.filter((owned) -> owned.accountSid().equals(call.account().sid()))
				.orElseThrow(() -> TwilioErrorException.badRequest(21421,
						"PhoneNumberSid " + numberSid + " is not a phone number of this account"));
			Sender existing = state.messaging().senderOf(number.sid()).orElse(null);
			if (existing != null && existing.serviceSid().equals(service.sid())) {
				throw TwilioErrorException.conflict(21710,
						"Phone Number or Short Code is already in the Messaging Service.");
			}
			if (existing != null) {
				throw TwilioErrorException.conflict(21712,
						"Phone Number or Short Code is associated with another Messaging Service.");
			}
			if (!number.capabilities().sms() && !number.capabilities().mms()) {
				throw TwilioErrorException.badRequest(21715,
						"Phone Number " + number.phoneNumber() + " can receive neither SMS nor MMS");
			}
			Sender sender = new Sender(service.sid(), number.sid(), this.context.now());
			state.messaging().add(sender);
			return json(service, sender, number);
		});
		return EmulatorContext.json(201, added);
	}

	private EmulatorResponse fetchNumber(Call call) {
		return EmulatorContext.json(200, this.context.state().read((state) -> {
			MessagingServiceRecord service = requireService(state, call, call.parameter("Service"));
			Sender sender = requireSender(state, call, service);
			return json(service, sender, state.numbers().find(sender.numberSid()).orElseThrow(call::notFound));
		}));
	}

	private EmulatorResponse removeNumber(Call call) {
		this.context.state().write((state) -> {
			Sender sender = requireSender(state, call, requireService(state, call, call.parameter("Service")));
			state.messaging().removeSender(sender.numberSid());
			return null;
		});
		return EmulatorContext.noContent();
	}

	private EmulatorResponse campaigns(Call call) {
		this.context.state().read((state) -> requireService(state, call, call.parameter("Service")));
		Paging.Slice<Object> slice = Paging.slice(List.of(), call.request());
		return EmulatorContext.json(200,
				Paging.metaEnvelope("compliance", List.of(), slice, call.host(), call.path(), ""));
	}

	private static MessagingServiceRecord requireService(EmulatorState state, Call call, String sid) {
		return state.messaging().find(call.account().sid(), sid).orElseThrow(call::notFound);
	}

	private static Sender requireSender(EmulatorState state, Call call, MessagingServiceRecord service) {
		return state.messaging()
			.senderOf(call.parameter("Sid"))
			.filter((sender) -> sender.serviceSid().equals(service.sid()))
			.orElseThrow(call::notFound);
	}

	private static Settings settings(Settings current, EmulatorRequest request) {
		return new Settings(NumberSettings.url(request, "InboundRequestUrl", current.inboundRequestUrl()),
				NumberSettings.method(request, "InboundMethod", current.inboundMethod()),
				NumberSettings.url(request, "FallbackUrl", current.fallbackUrl()),
				NumberSettings.method(request, "FallbackMethod", current.fallbackMethod()),
				NumberSettings.url(request, "StatusCallback", current.statusCallback()),
				flag(request, "StickySender", current.stickySender()),
				flag(request, "MmsConverter", current.mmsConverter()),
				flag(request, "SmartEncoding", current.smartEncoding()), scanMessageContent(request, current),
				flag(request, "FallbackToLongCode", current.fallbackToLongCode()),
				flag(request, "AreaCodeGeomatch", current.areaCodeGeomatch()), validityPeriod(request, current),
				flag(request, "SynchronousValidation", current.synchronousValidation()),
				(NumberSettings.text(request, "Usecase", null) != null) ? NumberSettings.text(request, "Usecase", null)
						: current.usecase(),
				flag(request, "UseInboundWebhookOnNumber", current.useInboundWebhookOnNumber()));
	}

	private static boolean flag(EmulatorRequest request, String name, boolean current) {
		String value = request.formParam(name);
		return (value != null) ? NumberSearch.isTrue(value) : current;
	}

	private static String scanMessageContent(EmulatorRequest request, Settings current) {
		String value = request.formParam("ScanMessageContent");
		if (value == null) {
			return current.scanMessageContent();
		}
		String scan = value.strip().toLowerCase(Locale.ROOT);
		if (!List.of("inherit", "enable", "disable").contains(scan)) {
			throw TwilioErrorException.badRequest(TwilioErrorException.BAD_REQUEST,
					"ScanMessageContent must be inherit, enable or disable, was " + value);
		}
		return scan;
	}

	private static int validityPeriod(EmulatorRequest request, Settings current) {
		String value = request.formParam("ValidityPeriod");
		if (value == null) {
			return current.validityPeriod();
		}
		try {
			int seconds = Integer.parseInt(value.strip());
			if (seconds >= 1 && seconds <= 36000) {
				return seconds;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw TwilioErrorException.badRequest(TwilioErrorException.BAD_REQUEST,
				"ValidityPeriod must be between 1 and 36000 seconds, was " + value);
	}

	static Map<String, Object> json(MessagingServiceRecord service) {
		String url = TwilioHost.MESSAGING.url(SERVICES + "/" + service.sid());
		Settings settings = service.settings();
		Map<String, Object> links = EmulatorContext.object();
		links.put("phone_numbers", url + "/PhoneNumbers");
		links.put("short_codes", url + "/ShortCodes");
		links.put("alpha_senders", url + "/AlphaSenders");
		links.put("messages", url + "/Messages");
		links.put("us_app_to_person", url + "/Compliance/Usa2p");
		links.put("us_app_to_person_usecases", url + "/Compliance/Usa2p/Usecases");
		links.put("channel_senders", url + "/ChannelSenders");
		links.put("destination_alpha_senders", url + "/DestinationAlphaSenders");
		Map<String, Object> json = EmulatorContext.object();
		json.put("account_sid", service.accountSid());
		json.put("sid", service.sid());
		json.put("date_created", TwilioJson.isoDate(service.dateCreated()));
		json.put("date_updated", TwilioJson.isoDate(service.dateUpdated()));
		json.put("friendly_name", service.friendlyName());
		json.put("inbound_request_url", settings.inboundRequestUrl());
		json.put("inbound_method", settings.inboundMethod());
		json.put("fallback_url", settings.fallbackUrl());
		json.put("fallback_method", settings.fallbackMethod());
		json.put("status_callback", settings.statusCallback());
		json.put("sticky_sender", settings.stickySender());
		json.put("smart_encoding", settings.smartEncoding());
		json.put("mms_converter", settings.mmsConverter());
		json.put("fallback_to_long_code", settings.fallbackToLongCode());
		json.put("scan_message_content", settings.scanMessageContent());
		json.put("area_code_geomatch", settings.areaCodeGeomatch());
		json.put("validity_period", settings.validityPeriod());
		json.put("synchronous_validation", settings.synchronousValidation());
		json.put("usecase", settings.usecase());
		json.put("us_app_to_person_registered", false);
		json.put("use_inbound_webhook_on_number", settings.useInboundWebhookOnNumber());
		json.put("links", links);
		json.put("url", url);
		return json;
	}

	private static Map<String, Object> json(MessagingServiceRecord service, Sender sender, OwnedRecord number) {
		List<String> capabilities = new ArrayList<>();
		if (number.capabilities().mms()) {
			capabilities.add("MMS");
		}
		if (number.capabilities().sms()) {
			capabilities.add("SMS");
		}
		if (number.capabilities().voice()) {
			capabilities.add("Voice");
		}
		Map<String, Object> json = EmulatorContext.object();
		json.put("sid", number.sid());
		json.put("account_sid", number.accountSid());
		json.put("service_sid", service.sid());
		json.put("date_created", TwilioJson.isoDate(sender.dateCreated()));
		json.put("date_updated", TwilioJson.isoDate(sender.dateCreated()));
		json.put("phone_number", number.phoneNumber());
		json.put("country_code", Catalog.countryOf(number.phoneNumber()));
		json.put("capabilities", capabilities);
		json.put("url", TwilioHost.MESSAGING.url(SERVICES + "/" + service.sid() + "/PhoneNumbers/" + number.sid()));
		return json;
	}

}
