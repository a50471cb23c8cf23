package io.twilioprovisioning.numbers;

import io.twilioprovisioning.platform.DomainException;

/**
 * The request clashes with the number's current state: it is already tracked, it is being
 * bought or released, it belongs to another client than stated, or someone else is
 * changing it right now.
 */
public class NumberConflictException extends DomainException {

	private static final long serialVersionUID = 1L;

	static final String NO_NUMBER_FOR_SALE = "no-number-for-sale";

	NumberConflictException(String problem, String message) {
		super(Kind.CONFLICT, problem, message);
	}

	static NumberConflictException alreadyTracked(TrackedNumber existing) {
		return new NumberConflictException("number-already-tracked",
				existing.e164() + " is already " + describe(existing.state()) + "; it cannot be bought again.");
	}

	static NumberConflictException purchaseInProgress(String what) {
		return new NumberConflictException("purchase-in-progress",
				"A purchase of " + what + " is in progress; wait for it to finish.");
	}

	/**
	 * A purchase by area code found no number to buy: Twilio offers none, or every number
	 * it offers is already bought or being bought by another purchase. Not a Twilio
	 * refusal, so it carries no Twilio error code.
	 */
	static NumberConflictException noNumberForSale(String areaCode) {
		return new NumberConflictException(NO_NUMBER_FOR_SALE, "No number is left for sale in area code " + areaCode
				+ ": Twilio offers none that is not already bought or being bought. Try another area code.");
	}

	static NumberConflictException idempotencyKeyReused() {
		return new NumberConflictException("idempotency-key-reused",
				"This idempotency key was used for a different purchase; use a new key.");
	}

	static NumberConflictException clientMismatch(TrackedNumber number, long expected) {
		return new NumberConflictException("client-mismatch",
				number.e164() + " does not belong to client " + expected + " (it belongs to "
						+ ((number.clientId() != null) ? "client " + number.clientId() : "no client") + ").");
	}

	static NumberConflictException sameClient(TrackedNumber number) {
		return new NumberConflictException("already-assigned",
				number.e164() + " already belongs to client " + number.clientId() + ".");
	}

	static NumberConflictException concurrentChange(TrackedNumber number) {
		return new NumberConflictException("concurrent-change",
				number.e164() + " is being changed by another request; reload and try again.");
	}

	static NumberConflictException releaseScheduled(TrackedNumber number, String step) {
		return new NumberConflictException("release-scheduled", "Cannot " + step + " " + number.e164()
				+ ": its release is scheduled for " + number.releaseScheduledAt() + "; undo the release first.");
	}

	static NumberConflictException notScheduled(TrackedNumber number) {
		return new NumberConflictException("release-not-scheduled", "No release of " + number.e164()
				+ " is waiting to be undone (it is " + describe(number.state()) + ").");
	}

	static NumberConflictException notActive(TrackedNumber number, String step) {
		return new NumberConflictException("number-not-active", "Cannot " + step + " " + number.e164() + ": it is "
				+ number.state().name().toLowerCase(java.util.Locale.ROOT) + ".");
	}

	private static String describe(PhoneNumberState state) {
		return switch (state) {
			case PURCHASING -> "being bought";
			case ACTIVE -> "owned and tracked";
			case RELEASING -> "being released";
			default -> state.name().toLowerCase(java.util.Locale.ROOT);
		};
	}

}
