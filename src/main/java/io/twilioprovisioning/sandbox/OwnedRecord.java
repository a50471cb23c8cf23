package io.twilioprovisioning.sandbox;

import java.time.Instant;

/**
 * A snapshot of one number the emulated account owns (an IncomingPhoneNumber), for tests
 * to check what a client did.
 *
 * @param sid {@code PN} + 32 hex
 * @param accountSid the owning account
 * @param phoneNumber E.164
 * @param friendlyName the name, by default the formatted number
 * @param type {@code local}, {@code toll-free} or {@code mobile}
 * @param capabilities what the number can receive
 * @param addressRequirements {@code none}, {@code any}, {@code local} or {@code foreign}
 * @param beta whether the number is new to Twilio
 * @param origin {@code twilio}
 * @param webhooks the URLs Twilio calls for the number
 * @param extras the less used settings (application, trunk, address, bundle…)
 * @param dateCreated when it was bought
 * @param dateUpdated when it last changed
 */
public record OwnedRecord(String sid, String accountSid, String phoneNumber, String friendlyName, String type,
		Capabilities capabilities, String addressRequirements, boolean beta, String origin, Webhooks webhooks,
		Extras extras, Instant dateCreated, Instant dateUpdated) {

	public String voiceUrl() {
		return this.webhooks.voiceUrl();
	}

	public String voiceMethod() {
		return this.webhooks.voiceMethod();
	}

	public String voiceFallbackUrl() {
		return this.webhooks.voiceFallbackUrl();
	}

	public String voiceFallbackMethod() {
		return this.webhooks.voiceFallbackMethod();
	}

	public String smsUrl() {
		return this.webhooks.smsUrl();
	}

	public String smsMethod() {
		return this.webhooks.smsMethod();
	}

	public String smsFallbackUrl() {
		return this.webhooks.smsFallbackUrl();
	}

	public String smsFallbackMethod() {
		return this.webhooks.smsFallbackMethod();
	}

	public String statusCallback() {
		return this.webhooks.statusCallback();
	}

	public String statusCallbackMethod() {
		return this.webhooks.statusCallbackMethod();
	}

	/**
	 * What a number can receive.
	 *
	 * @param voice calls
	 * @param sms text messages
	 * @param mms picture messages
	 * @param fax faxes
	 */
	public record Capabilities(boolean voice, boolean sms, boolean mms, boolean fax) {

	}

	/**
	 * The webhooks of a number; a {@code null} URL is unset, methods are {@code GET} or
	 * {@code POST}.
	 *
	 * @param voiceUrl called on an incoming call
	 * @param voiceMethod its method
	 * @param voiceFallbackUrl called when the voice URL fails
	 * @param voiceFallbackMethod its method
	 * @param smsUrl called on an incoming message
	 * @param smsMethod its method
	 * @param smsFallbackUrl called when the SMS URL fails
	 * @param smsFallbackMethod its method
	 * @param statusCallback called with call status
	 * @param statusCallbackMethod its method
	 */
	public record Webhooks(String voiceUrl, String voiceMethod, String voiceFallbackUrl, String voiceFallbackMethod,
			String smsUrl, String smsMethod, String smsFallbackUrl, String smsFallbackMethod, String statusCallback,
			String statusCallbackMethod) {

		/** No URL set, every method {@code POST} (Twilio's defaults). */
		public static final Webhooks NONE = new Webhooks(null, "POST", null, "POST", null, "POST", null, "POST", null,
				"POST");

	}

	/**
	 * Settings a provisioning service rarely touches; {@code null} is unset.
	 *
	 * @param voiceApplicationSid {@code AP…}
	 * @param smsApplicationSid {@code AP…}
	 * @param trunkSid {@code TK…}
	 * @param voiceReceiveMode {@code voice} or {@code fax}
	 * @param voiceCallerIdLookup CNAM lookup on incoming calls
	 * @param addressSid {@code AD…}
	 * @param bundleSid {@code BU…}
	 * @param identitySid {@code RI…}
	 * @param emergencyStatus {@code Active} or {@code Inactive}
	 * @param emergencyAddressSid {@code AD…}
	 */
	public record Extras(String voiceApplicationSid, String smsApplicationSid, String trunkSid, String voiceReceiveMode,
			boolean voiceCallerIdLookup, String addressSid, String bundleSid, String identitySid,
			String emergencyStatus, String emergencyAddressSid) {

		/** Twilio's defaults for a new number. */
		public static final Extras NONE = new Extras(null, null, null, "voice", false, null, null, null, "Inactive",
				null);

		Extras withAddressAndBundle(String newAddressSid, String newBundleSid) {
			return new Extras(this.voiceApplicationSid, this.smsApplicationSid, this.trunkSid, this.voiceReceiveMode,
					this.voiceCallerIdLookup, newAddressSid, newBundleSid, this.identitySid, this.emergencyStatus,
					this.emergencyAddressSid);
		}

	}

}
