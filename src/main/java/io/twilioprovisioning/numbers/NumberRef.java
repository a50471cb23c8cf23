package io.twilioprovisioning.numbers;

/**
 * Names a tracked number by its E.164 value or by its Twilio SID.
 *
 * @param phoneNumber the number, or {@code null}
 * @param sid the SID, or {@code null}
 */
public record NumberRef(E164Number phoneNumber, String sid) {

	public NumberRef {
		if ((phoneNumber == null) == (sid == null)) {
			throw new IllegalArgumentException("Name the number by phoneNumber or by sid, not both");
		}
	}

	public static NumberRef of(E164Number number) {
		return new NumberRef(number, null);
	}

	public static NumberRef ofSid(String sid) {
		return new NumberRef(null, sid);
	}

	@Override
	public String toString() {
		return (this.phoneNumber != null) ? this.phoneNumber.value() : this.sid;
	}

}
