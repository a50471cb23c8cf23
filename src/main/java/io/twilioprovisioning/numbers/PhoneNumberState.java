package io.twilioprovisioning.numbers;

/**
 * Where a tracked number is in its lifecycle: {@code PURCHASING → ACTIVE → RELEASING →
 * RELEASED}, or {@code FAILED} when Twilio definitively refused the purchase.
 */
public enum PhoneNumberState {

	PURCHASING, ACTIVE, RELEASING, RELEASED, FAILED;

	/**
	 * Whether the row still stands for a number the account owns or may own.
	 */
	public boolean isLive() {
		return this == PURCHASING || this == ACTIVE || this == RELEASING;
	}

}
