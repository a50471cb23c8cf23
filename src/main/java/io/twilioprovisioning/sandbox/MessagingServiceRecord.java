package io.twilioprovisioning.sandbox;

import java.time.Instant;

/**
 * A Messaging Service of an account (messaging.twilio.com/v1/Services).
 *
 * @param sid {@code MG} + 32 hex
 * @param accountSid the owning account
 * @param friendlyName its name, at most 64 characters
 * @param settings what it does with messages
 * @param dateCreated when it was created
 * @param dateUpdated when it last changed
 */
record MessagingServiceRecord(String sid, String accountSid, String friendlyName, Settings settings,
		Instant dateCreated, Instant dateUpdated) {

	/**
	 * The options of a service, with Twilio's defaults in {@link #DEFAULTS}.
	 *
	 * @param inboundRequestUrl called on incoming messages, or {@code null}
	 * @param inboundMethod {@code GET} or {@code POST}
	 * @param fallbackUrl called when the inbound URL fails, or {@code null}
	 * @param fallbackMethod {@code GET} or {@code POST}
	 * @param statusCallback called with delivery status, or {@code null}
	 * @param stickySender keep the same sender per recipient
	 * @param mmsConverter convert MMS to SMS where MMS is not supported
	 * @param smartEncoding replace look-alike Unicode characters
	 * @param scanMessageContent {@code inherit}, {@code enable} or {@code disable}
	 * @param fallbackToLongCode fall back to a long code when a short code fails
	 * @param areaCodeGeomatch prefer a sender with the recipient's area code
	 * @param validityPeriod seconds a message may wait in the queue (1–36000)
	 * @param synchronousValidation validate messages synchronously
	 * @param usecase the declared use case
	 * @param useInboundWebhookOnNumber use each number's own SMS webhook instead
	 */
	record Settings(String inboundRequestUrl, String inboundMethod, String fallbackUrl, String fallbackMethod,
			String statusCallback, boolean stickySender, boolean mmsConverter, boolean smartEncoding,
			String scanMessageContent, boolean fallbackToLongCode, boolean areaCodeGeomatch, int validityPeriod,
			boolean synchronousValidation, String usecase, boolean useInboundWebhookOnNumber) {

		static final Settings DEFAULTS = new Settings(null, "POST", null, "POST", null, true, true, true, "inherit",
				true, true, 14400, false, "undeclared", false);

	}

}
