package io.twilioprovisioning.numbers;

/**
 * Where Twilio sends a number's calls and messages. In an update, {@code null} fields are
 * left as they are; in what the carrier reports, {@code null} means unset.
 *
 * @param voiceUrl called on incoming calls
 * @param voiceMethod method for {@code voiceUrl}
 * @param voiceFallbackUrl called when {@code voiceUrl} fails
 * @param smsUrl called on incoming messages
 * @param smsMethod method for {@code smsUrl}
 * @param smsFallbackUrl called when {@code smsUrl} fails
 * @param statusCallback receives status information
 */
public record WebhookConfig(String voiceUrl, WebhookMethod voiceMethod, String voiceFallbackUrl, String smsUrl,
		WebhookMethod smsMethod, String smsFallbackUrl, String statusCallback) {

	public static final WebhookConfig NONE = new WebhookConfig(null, null, null, null, null, null, null);

	public WebhookConfig {
		voiceUrl = blankToNull(voiceUrl);
		voiceFallbackUrl = blankToNull(voiceFallbackUrl);
		smsUrl = blankToNull(smsUrl);
		smsFallbackUrl = blankToNull(smsFallbackUrl);
		statusCallback = blankToNull(statusCallback);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

}
