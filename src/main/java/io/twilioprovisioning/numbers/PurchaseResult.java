package io.twilioprovisioning.numbers;

/**
 * What a purchase ended with.
 *
 * @param number the number as tracked now
 * @param replayed whether this answers a repeated idempotency key without buying
 * @param adopted whether Twilio's answer was lost and the number was found owned
 * @param warnings what did not work around the purchase (joining the client's Messaging
 * Service), for the operator; the number is bought
 */
public record PurchaseResult(TrackedNumber number, boolean replayed, boolean adopted, java.util.List<String> warnings) {

	public PurchaseResult(TrackedNumber number, boolean replayed, boolean adopted) {
		this(number, replayed, adopted, java.util.List.of());
	}

}
