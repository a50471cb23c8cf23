package io.twilioprovisioning.numbers;

/**
 * Buy a number for a client.
 *
 * @param phoneNumber the exact number, or {@code null} to buy any number in
 * {@code areaCode}
 * @param areaCode a 3-digit area code when {@code phoneNumber} is {@code null}
 * @param clientId the client that gets the number
 * @param friendlyName the friendly name, or {@code null} for the client's name
 * @param idempotencyKey a key that makes a repeated request return the first result, or
 * {@code null}
 * @param actor who asks
 */
public record PurchaseCommand(E164Number phoneNumber, String areaCode, long clientId, String friendlyName,
		String idempotencyKey, String actor) {

	public PurchaseCommand {
		if ((phoneNumber == null) == (areaCode == null)) {
			throw new IllegalArgumentException("Give either phoneNumber or areaCode");
		}
	}

	String fingerprint() {
		return "client=" + this.clientId + ";"
				+ ((this.phoneNumber != null) ? "number=" + this.phoneNumber.value() : "areaCode=" + this.areaCode)
				+ ";name=" + ((this.friendlyName != null) ? this.friendlyName.hashCode() : "");
	}

}
