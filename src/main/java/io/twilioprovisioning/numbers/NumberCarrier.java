package io.twilioprovisioning.numbers;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The port to the carrier that sells and hosts the numbers (Twilio). The lifecycle
 * depends only on this interface and its records; the {@code twilio} module adapts it to
 * the Twilio REST API.
 *
 * <p>
 * Failures are typed: {@link CarrierRefusedException} (the carrier said no, with its
 * code), {@link CarrierUnavailableException} (the carrier could not be reached or failed,
 * nothing happened) and {@link CarrierOutcomeUnknownException} (a request that changes
 * state got no answer: it may or may not have been carried out).
 */
public interface NumberCarrier {

	/**
	 * Searches the numbers for sale. A search is one page of at most 30 numbers.
	 */
	List<AvailableNumber> search(SearchCriteria criteria);

	/**
	 * Buys a number, with its friendly name and webhooks in the same call. Never retried
	 * by the adapter: an error without an answer is reported as
	 * {@link CarrierOutcomeUnknownException}.
	 */
	OwnedNumber purchase(PurchaseOrder order);

	/**
	 * Fetches an owned number by its SID.
	 * @return empty when the account does not own it (Twilio 404)
	 */
	Optional<OwnedNumber> fetch(String sid);

	/**
	 * Looks an owned number up by its E.164 value.
	 * @return empty when the account does not own it
	 */
	Optional<OwnedNumber> findByPhoneNumber(E164Number number);

	/**
	 * Changes the friendly name and/or webhooks of an owned number; {@code null} fields
	 * of the update are left as they are.
	 */
	OwnedNumber update(String sid, NumberUpdate update);

	/**
	 * Releases an owned number.
	 * @return {@code true} when it was released now, {@code false} when the account did
	 * not own it any more (Twilio 404)
	 */
	boolean release(String sid);

	/**
	 * Streams every owned number, fetching page after page as the stream is consumed, so
	 * memory does not grow with the inventory. Close the stream when done early.
	 * @param pageSize numbers per page, 1 to 1000
	 */
	Stream<OwnedNumber> listOwned(int pageSize);

	/**
	 * The same carrier acting on the numbers of another account of the family (a
	 * subaccount) with the main account's credentials; {@code null} is the main account.
	 * Searches, the account and the balance stay the main account's.
	 */
	NumberCarrier inAccount(String accountSid);

	/**
	 * Moves an owned number of this view's account to another account of the family
	 * (Twilio's {@code AccountSid} on update, with the main account's credentials). An
	 * error without an answer is a {@link CarrierOutcomeUnknownException}: look in both
	 * accounts.
	 * @param toAccountSid the gaining account; {@code null} is the main account
	 */
	OwnedNumber transfer(String sid, String toAccountSid);

	/**
	 * The account the carrier acts for.
	 */
	AccountInfo account();

	/**
	 * The account's balance.
	 */
	AccountBalance balance();

}
