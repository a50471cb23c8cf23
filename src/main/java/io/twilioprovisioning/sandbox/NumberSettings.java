package io.twilioprovisioning.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.twilioprovisioning.sandbox.OwnedRecord.Extras;
import io.twilioprovisioning.sandbox.OwnedRecord.Webhooks;

/**
 * Applies the form parameters of a purchase or an update to a number's settings, with
 * Twilio's validation: only the parameters sent change, an empty value clears a URL or
 * SID, methods are {@code GET} or {@code POST} (21403), URLs are absolute http(s)
 * (21402), a fallback URL needs its primary URL (21405, 21406), a friendly name has at
 * most 64 characters (20002).
 */
final class NumberSettings {

	static final int MAX_FRIENDLY_NAME = 64;

	private NumberSettings() {
	}

	/**
	 * The friendly name sent, or {@code null} when none was.
	 */
	static String friendlyName(EmulatorRequest request) {
		String name = request.formParam("FriendlyName");
		if (name != null && name.length() > MAX_FRIENDLY_NAME) {
			throw TwilioErrorException.badRequest(20002,
					"FriendlyName must be at most " + MAX_FRIENDLY_NAME + " characters long");
		}
		return name;
	}

	static Webhooks webhooks(Webhooks current, EmulatorRequest request) {
		Webhooks updated = new Webhooks(url(request, "VoiceUrl", current.voiceUrl()),
				method(request, "VoiceMethod", current.voiceMethod()),
				url(request, "VoiceFallbackUrl", current.voiceFallbackUrl()),
				method(request, "VoiceFallbackMethod", current.voiceFallbackMethod()),
				url(request, "SmsUrl", current.smsUrl()), method(request, "SmsMethod", current.smsMethod()),
				url(request, "SmsFallbackUrl", current.smsFallbackUrl()),
				method(request, "SmsFallbackMethod", current.smsFallbackMethod()),
				url(request, "StatusCallback", current.statusCallback()),
				method(request, "StatusCallbackMethod", current.statusCallbackMethod()));
		if (updated.voiceFallbackUrl() != null && updated.voiceUrl() == null) {
			throw TwilioErrorException.badRequest(21405, "Cannot set VoiceFallbackUrl without setting Url");
		}
		if (updated.smsFallbackUrl() != null && updated.smsUrl() == null) {
			throw TwilioErrorException.badRequest(21406, "Cannot set SmsFallbackUrl without setting SmsUrl");
		}
		return updated;
	}

	static Extras extras(Extras current, EmulatorRequest request) {
		String voiceApplicationSid = text(request, "VoiceApplicationSid", current.voiceApplicationSid());
		String trunkSid = text(request, "TrunkSid", current.trunkSid());
		if (request.formParam("VoiceApplicationSid") != null && voiceApplicationSid != null) {
			trunkSid = null;
		}
		else if (request.formParam("TrunkSid") != null && trunkSid != null) {
			voiceApplicationSid = null;
		}
		String lookup = request.formParam("VoiceCallerIdLookup");
		return new Extras(voiceApplicationSid, text(request, "SmsApplicationSid", current.smsApplicationSid()),
				trunkSid, text(request, "VoiceReceiveMode", current.voiceReceiveMode()),
				(lookup != null) ? NumberSearch.isTrue(lookup) : current.voiceCallerIdLookup(),
				text(request, "AddressSid", current.addressSid()), text(request, "BundleSid", current.bundleSid()),
				text(request, "IdentitySid", current.identitySid()),
				text(request, "EmergencyStatus", current.emergencyStatus()),
				text(request, "EmergencyAddressSid", current.emergencyAddressSid()));
	}

	static String text(EmulatorRequest request, String name, String current) {
		String value = request.formParam(name);
		if (value == null) {
			return current;
		}
		return value.isBlank() ? null : value.strip();
	}

	static String url(EmulatorRequest request, String name, String current) {
		String value = text(request, name, current);
		if (value == null || value.equals(current)) {
			return value;
		}
		try {
			URI uri = new URI(value);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
				return value;
			}
		}
		catch (URISyntaxException ex) {
			// answered below
		}
		throw TwilioErrorException.badRequest(21402, name + " is not a valid URL: " + value);
	}

	static String method(EmulatorRequest request, String name, String current) {
		String value = request.formParam(name);
		if (value == null) {
			return current;
		}
		if (value.isBlank()) {
			return "POST";
		}
		String method = value.strip().toUpperCase(Locale.ROOT);
		if (!method.equals("GET") && !method.equals("POST")) {
			throw TwilioErrorException.badRequest(21403, name + " must be GET or POST, was " + value);
		}
		return method;
	}

}
