package io.twilioprovisioning.numbers.web;

import io.swagger.v3.oas.annotations.media.Schema;
import io.twilioprovisioning.numbers.PhoneNumberText;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.numbers.WebhookMethod;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Route 3: set a number's webhooks, explicitly or to the platform's defaults.
 *
 * @param phoneNumber the number; or
 * @param sid its SID
 * @param voiceUrl called on incoming calls
 * @param voiceMethod GET or POST
 * @param voiceFallbackUrl called when voiceUrl fails
 * @param smsUrl called on incoming messages
 * @param smsMethod GET or POST
 * @param smsFallbackUrl called when smsUrl fails
 * @param statusCallback receives status updates
 * @param useDefaults {@code true} to apply the platform's webhook policy instead
 */
@Schema(example = "{\"phoneNumber\":\"+14155550142\",\"useDefaults\":true}")
record ConfigureRequest(@Size(max = 32) @PhoneNumberText String phoneNumber,
		@Pattern(regexp = Validation.SID, message = Validation.SID_MESSAGE) String sid,
		@Size(max = 2048) String voiceUrl,
		@Pattern(regexp = Validation.METHOD, message = Validation.METHOD_MESSAGE) String voiceMethod,
		@Size(max = 2048) String voiceFallbackUrl, @Size(max = 2048) String smsUrl,
		@Pattern(regexp = Validation.METHOD, message = Validation.METHOD_MESSAGE) String smsMethod,
		@Size(max = 2048) String smsFallbackUrl, @Size(max = 2048) String statusCallback,
		Boolean useDefaults) implements NumberTarget {

	@AssertTrue(message = "name the number by phoneNumber or by sid, not both")
	@Schema(hidden = true)
	public boolean isOneNumber() {
		return namesOneNumber();
	}

	@AssertTrue(message = "give webhook values or useDefaults: true, not both and not neither")
	@Schema(hidden = true)
	public boolean isValuesOrDefaults() {
		boolean anyValue = this.voiceUrl != null || this.voiceMethod != null || this.voiceFallbackUrl != null
				|| this.smsUrl != null || this.smsMethod != null || this.smsFallbackUrl != null
				|| this.statusCallback != null;
		return Boolean.TRUE.equals(this.useDefaults) != anyValue;
	}

	WebhookConfig toWebhooks() {
		return new WebhookConfig(this.voiceUrl, method(this.voiceMethod), this.voiceFallbackUrl, this.smsUrl,
				method(this.smsMethod), this.smsFallbackUrl, this.statusCallback);
	}

	private static WebhookMethod method(String value) {
		return (value != null) ? WebhookMethod.valueOf(value) : null;
	}

}
