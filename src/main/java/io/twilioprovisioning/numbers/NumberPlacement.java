package io.twilioprovisioning.numbers;

import java.util.List;

import io.twilioprovisioning.clients.Client;

/**
 * Where a client's numbers live in Twilio and what goes with them, asked by the lifecycle
 * around each step: the tenancy module answers it (a subaccount and a Messaging Service
 * per client, the client's Address and Bundle). Without an implementation every number
 * lives bare in the main account ({@link #SHARED}).
 *
 * <p>
 * {@link #prepare} and {@link #accountFor} may call Twilio (creating a subaccount) but
 * are called before the lifecycle records anything, and refuse with a domain exception
 * before any purchase call when the number cannot be bought for the client.
 */
public interface NumberPlacement {

	/** Every number in the main account, nothing attached. */
	NumberPlacement SHARED = new NumberPlacement() {
	};

	/**
	 * Where a purchase for the client goes and what it carries.
	 * @param number the number to buy, or {@code null} for a purchase by area code
	 * @throws io.twilioprovisioning.platform.DomainException when the client cannot buy
	 * it (no Address for a number that needs one), before Twilio is called
	 */
	default Placement prepare(Client client, E164Number number) {
		return Placement.MAIN;
	}

	/**
	 * The account a client's numbers belong in; {@code null} is the main account.
	 */
	default String accountFor(Client client) {
		return null;
	}

	/**
	 * After a number was bought for its client (joins the client's Messaging Service).
	 * @return warnings for the operator: what did not work, the number is bought
	 */
	default List<String> afterPurchase(TrackedNumber number, String accountSid, String actor) {
		return List.of();
	}

	/**
	 * After a number moved to another client, possibly to another account (joins the
	 * gaining client's service; Twilio takes it out of the old one on a transfer).
	 * @return warnings for the operator
	 */
	default List<String> afterMove(TrackedNumber before, TrackedNumber after, String fromAccount, String toAccount,
			String actor) {
		return List.of();
	}

	/**
	 * Where a purchase goes.
	 *
	 * @param accountSid the account that buys it; {@code null} is the main account
	 * @param addressSid the Address to attach, or {@code null}
	 * @param bundleSid the Bundle to attach, or {@code null}
	 */
	record Placement(String accountSid, String addressSid, String bundleSid) {

		public static final Placement MAIN = new Placement(null, null, null);

	}

}
