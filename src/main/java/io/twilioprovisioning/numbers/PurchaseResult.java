package io.twilioprovisioning.numbers;

/**
 * What a purchase ended with.
 *
 * @param number the number as tracked now
 * @param replayed whether this answers a repeated idempotency key without buying
 * @param adopted whether Twilio's answer was lost and the number was found owned
 */
public record PurchaseResult(TrackedNumber number, boolean replayed, boolean adopted) {

}
