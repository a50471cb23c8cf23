package io.twilioprovisioning.numbers;

/**
 * A number to buy: either an exact number or any number in an area code, with the
 * friendly name and webhooks to set in the same call.
 *
 * @param phoneNumber the exact number, or {@code null} to buy by area code
 * @param areaCode 3-digit area code when {@code phoneNumber} is {@code null}
 * @param friendlyName up to 64 characters, or {@code null} for the carrier's default
 * @param webhooks the webhooks to set; never {@code null}
 * @param addressSid the Address that satisfies the number's requirement, or {@code null}
 * @param bundleSid the regulatory Bundle the number needs, or {@code null}
 */
public record PurchaseOrder(E164Number phoneNumber, String areaCode, String friendlyName, WebhookConfig webhooks,
		String addressSid, String bundleSid) {

	public PurchaseOrder(E164Number phoneNumber, String areaCode, String friendlyName, WebhookConfig webhooks) {
		this(phoneNumber, areaCode, friendlyName, webhooks, null, null);
	}

	public PurchaseOrder {
		if ((phoneNumber == null) == (areaCode == null)) {
			throw new IllegalArgumentException("Give either a phone number or an area code");
		}
		if (areaCode != null && !areaCode.matches("\\d{3}")) {
			throw new IllegalArgumentException("areaCode must be 3 digits");
		}
		if (friendlyName != null && friendlyName.length() > 64) {
			throw new IllegalArgumentException("friendlyName must be at most 64 characters");
		}
		if (webhooks == null) {
			webhooks = WebhookConfig.NONE;
		}
	}

	public static PurchaseOrder number(E164Number number, String friendlyName, WebhookConfig webhooks) {
		return new PurchaseOrder(number, null, friendlyName, webhooks);
	}

	/**
	 * The same order with the Address and Bundle the number needs.
	 */
	public PurchaseOrder withRequirements(String address, String bundle) {
		return new PurchaseOrder(this.phoneNumber, this.areaCode, this.friendlyName, this.webhooks, address, bundle);
	}

	public static PurchaseOrder areaCode(String areaCode, String friendlyName, WebhookConfig webhooks) {
		return new PurchaseOrder(null, areaCode, friendlyName, webhooks);
	}

}
