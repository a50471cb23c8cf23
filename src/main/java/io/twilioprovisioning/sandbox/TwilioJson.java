package io.twilioprovisioning.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import io.twilioprovisioning.sandbox.OwnedRecord.Capabilities;

/**
 * Twilio's JSON representations: snake_case fields, RFC 2822 dates, URIs relative to
 * {@code https://api.twilio.com}.
 */
final class TwilioJson {

	static final String API_VERSION = "2010-04-01";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final DateTimeFormatter RFC_2822 = DateTimeFormatter
		.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US)
		.withZone(ZoneOffset.UTC);

	private TwilioJson() {
	}

	static String write(Map<String, ?> value) {
		return MAPPER.writeValueAsString(value);
	}

	static String date(Instant instant) {
		return RFC_2822.format(instant);
	}

	static String accountPath(String accountSid) {
		return "/" + API_VERSION + "/Accounts/" + accountSid;
	}

	static Map<String, Object> error(int status, int code, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("message", message);
		body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
		body.put("status", status);
		return body;
	}

	static Map<String, Object> incomingNumber(OwnedRecord number) {
		String uri = accountPath(number.accountSid()) + "/IncomingPhoneNumbers/" + number.sid() + ".json";
		OwnedRecord.Extras extras = number.extras();
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("account_sid", number.accountSid());
		json.put("address_sid", extras.addressSid());
		json.put("address_requirements", number.addressRequirements());
		json.put("api_version", API_VERSION);
		json.put("beta", number.beta());
		json.put("capabilities", capabilities(number.capabilities(), "sms", "mms"));
		json.put("date_created", date(number.dateCreated()));
		json.put("date_updated", date(number.dateUpdated()));
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

	/**
	 * An available number. Capabilities use the keys live searches answer with
	 * ({@code voice}, {@code SMS}, {@code MMS}, {@code fax}); latitude and longitude are
	 * strings, as in Twilio's examples.
	 */
	static Map<String, Object> availableNumber(Catalog.Entry entry) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("friendly_name", entry.friendlyName());
		json.put("phone_number", entry.phoneNumber());
		json.put("lata", entry.lata());
		json.put("locality", entry.locality());
		json.put("rate_center", entry.rateCenter());
		json.put("latitude", coordinate(entry.latitude()));
		json.put("longitude", coordinate(entry.longitude()));
		json.put("region", entry.region());
		json.put("postal_code", entry.postalCode());
		json.put("iso_country", entry.isoCountry());
		json.put("address_requirements", entry.addressRequirements());
		json.put("beta", entry.beta());
		json.put("capabilities", capabilities(entry.capabilities(), "SMS", "MMS"));
		return json;
	}

	private static Map<String, Object> capabilities(Capabilities capabilities, String smsKey, String mmsKey) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("voice", capabilities.voice());
		json.put(smsKey, capabilities.sms());
		json.put(mmsKey, capabilities.mms());
		json.put("fax", capabilities.fax());
		return json;
	}

	private static String coordinate(Double value) {
		return (value != null) ? BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_UP).toPlainString() : null;
	}

}
