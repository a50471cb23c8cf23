package io.twilioprovisioning.twilio;

import java.util.Map;
import java.util.function.Supplier;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;

import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.twilio.TwilioCall.Effect;

/**
 * Turns every SDK failure into one of the carrier port's typed failures, keeping Twilio's
 * code, message and documentation link and adding an explanation an operator can act on.
 *
 * <ul>
 * <li>A 4xx with an error code: {@link CarrierRefusedException}, except bad credentials
 * (401, 20003) and a forbidden account (20403), which are
 * {@link CarrierUnavailableException}s that point at the {@code TWILIO_*} settings.</li>
 * <li>429 after our retries, 5xx, no connection, a read timeout on a GET or DELETE:
 * {@link CarrierUnavailableException}.</li>
 * <li>A purchase that may have reached Twilio but got no usable answer (timeout, reset,
 * 5xx, unreadable answer): {@link CarrierOutcomeUnknownException}.</li>
 * <li>An update whose answer was lost is just as ambiguous, but setting the same fields
 * again is harmless: {@link CarrierUnavailableException} that says so.</li>
 * </ul>
 * No message ever carries a credential: the SDK's messages do not, ours are built from
 * the method and path, and account SIDs are masked.
 */
final class TwilioErrors {

	private static final String CHECK_CREDENTIALS = "Check TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN "
			+ "(or TWILIO_API_KEY and TWILIO_API_SECRET), and the account's state in the Twilio console.";

	private static final Map<Integer, String> EXPLANATIONS = Map.ofEntries(
			Map.entry(10002,
					"Trial accounts cannot do this (for example buy a second number). "
							+ "Upgrade the Twilio account."),
			Map.entry(20001, "Twilio did not recognise a parameter of the request."),
			Map.entry(20003, "Twilio rejected the credentials: wrong account SID and auth token or API key and "
					+ "secret, a deleted key, subaccount credentials used on the parent, or a suspended account. "
					+ CHECK_CREDENTIALS),
			Map.entry(20005, "The Twilio account is not active."),
			Map.entry(20008,
					"The configured credentials are Twilio test credentials, which cannot use this "
							+ "resource. Configure the live account's credentials."),
			Map.entry(20403,
					"Twilio forbids API access for this account, usually because it is suspended or " + "closed. "
							+ CHECK_CREDENTIALS),
			Map.entry(20404,
					"Twilio does not know this resource: the account does not own the number (any more) "
							+ "or the SID is wrong."),
			Map.entry(20429,
					"Twilio is rate limiting the account (too many concurrent requests). "
							+ "Try again shortly or lower twilio.max-concurrency."),
			Map.entry(21402, "A webhook URL is invalid: use an absolute http(s) URL."),
			Map.entry(21403, "A webhook method is invalid: use GET or POST."),
			Map.entry(21404, "This number is not available to trial accounts. Upgrade the Twilio account."),
			Map.entry(21405, "A voice fallback URL needs a voice URL: set the voice URL too."),
			Map.entry(21406, "An SMS fallback URL needs an SMS URL: set the SMS URL too."),
			Map.entry(21421, "The phone number is invalid. Give it in E.164 form, e.g. +14155550100."),
			Map.entry(21422,
					"The number is not available to buy: someone else bought it or Twilio reserved it. "
							+ "Search again and pick another number."),
			Map.entry(21451, "The area code is not a valid area code."),
			Map.entry(21452, "Twilio has no numbers for sale in that area code. Try a nearby area code."),
			Map.entry(21457,
					"Buying by area code is not supported for this kind of number. "
							+ "Search and buy an exact number instead."),
			Map.entry(21458, "The number cannot be bought this way for its type (provisioning type mismatch)."),
			Map.entry(21472, "The target account is not active."),
			Map.entry(21473, "The target account is neither the parent nor a subaccount of the number's owner."),
			Map.entry(21474, "Only the parent account's credentials can move numbers between accounts."),
			Map.entry(21481, "Twilio rejected the page token. List again from the first page."),
			Map.entry(21613,
					"The number needs an address on file (certification) before it can be bought or "
							+ "moved to this account. Add a compliant Address in the Twilio console."),
			Map.entry(21615, "The number needs a local Address on the account. Add one in the Twilio console."),
			Map.entry(21631,
					"The number needs an Address on the account that meets its address requirement. "
							+ "Add one in the Twilio console, or pick a number that needs none."),
			Map.entry(21649,
					"The number needs an approved regulatory Bundle. Create one in the Twilio console, "
							+ "or pick a number that needs none."),
			Map.entry(21101, "Only the main account can create subaccounts: check the credentials."),
			Map.entry(21480, "The account has reached Twilio's limit of subaccounts. Close unused ones first."),
			Map.entry(21710, "The number is already a sender of this Messaging Service."),
			Map.entry(21712, "The number is a sender of another Messaging Service: remove it there first."),
			Map.entry(21715, "The number can receive neither SMS nor MMS, so it cannot join a Messaging Service."),
			Map.entry(21628, "Twilio could not validate the address: check the street, city, region and postal code."));

	/**
	 * A search Twilio answers 404: the country does not sell that type (US has no mobile
	 * numbers, for example) or Twilio sells nothing there.
	 */
	private static final String SEARCH_NOT_FOUND = "Twilio sells no numbers of this type in that country "
			+ "(for example, the US has no mobile numbers: search local or toll-free ones).";

	private TwilioErrors() {
	}

	/**
	 * The operator-readable explanation of a Twilio error code, or {@code null} when
	 * there is none.
	 */
	static String explanation(Integer code) {
		return (code != null) ? EXPLANATIONS.get(code) : null;
	}

	/**
	 * Runs what calls Twilio or reads its answer, a {@link TwilioException} translated
	 * into the carrier's failures.
	 */
	static <T> T translating(TwilioCall call, Supplier<T> action) {
		try {
			return action.get();
		}
		catch (TwilioException ex) {
			throw translate(call, ex);
		}
	}

	/**
	 * Translates a failure of the given call.
	 */
	static CarrierException translate(TwilioCall call, TwilioException error) {
		if (error instanceof TwilioTransportException transport) {
			return noAnswer(call, transport);
		}
		if (error instanceof ApiException api) {
			return answered(call, api);
		}
		if (error instanceof ApiConnectionException) {
			return unreadable(call, error);
		}
		return new CarrierUnavailableException("Could not " + call.description() + ": the Twilio request could "
				+ "not be made (" + error.getClass().getSimpleName() + ").", null, null, null, null, error);
	}

	private static CarrierException noAnswer(TwilioCall call, TwilioTransportException error) {
		String what = switch (error.failure()) {
			case CONNECT_FAILED -> "Twilio could not be reached";
			case NOT_READY -> "the Twilio endpoint is not ready yet";
			case INTERRUPTED_BEFORE_SENDING, INTERRUPTED -> "the call was interrupted";
			case BUSY -> "bulk calls to Twilio stayed at their concurrency limit for too long";
			case TIMED_OUT -> "Twilio did not answer in time";
			case CONNECTION_LOST -> "the connection to Twilio was lost before it answered";
		};
		if (error.mayHaveReachedTwilio() && call.effect() == Effect.CREATE) {
			return new CarrierOutcomeUnknownException(
					"Could not confirm the request to " + call.description() + ": " + what
							+ ". Twilio may have carried it out; it is looked up before anything is tried again.",
					null, null, null, null, error);
		}
		if (error.mayHaveReachedTwilio() && call.effect() == Effect.PURCHASE) {
			return new CarrierOutcomeUnknownException(
					"Could not confirm the purchase: " + what
							+ ". Twilio may have bought the number; look it up before buying again.",
					null, null, null, null, error);
		}
		if (error.mayHaveReachedTwilio() && call.effect() == Effect.UPDATE) {
			return new CarrierUnavailableException(
					"Could not " + call.description() + ": " + what
							+ ". The change may or may not have been applied; repeating it is safe.",
					null, null, null, null, error);
		}
		String retried = (call.effect() == Effect.READ || call.effect() == Effect.RELEASE) ? " after retries" : "";
		return new CarrierUnavailableException(
				"Could not " + call.description() + ": " + what + retried + ". Nothing was changed.", null, null, null,
				null, error);
	}

	private static CarrierException answered(TwilioCall call, ApiException error) {
		Integer status = error.getStatusCode();
		Integer code = error.getCode();
		String message = Secrets.maskSids(error.getMessage());
		String moreInfo = error.getMoreInfo();
		if (status == null || status == 0) {
			return unreadable(call, error);
		}
		String codeText = (code != null) ? " (Twilio error " + code + ")" : " (HTTP " + status + ")";
		if (status == 401 || Integer.valueOf(20003).equals(code)) {
			return new CarrierUnavailableException(
					"Twilio rejected the credentials" + codeText + ". " + orDefault(explanation(20003), ""), code,
					message, moreInfo, status, error);
		}
		if (Integer.valueOf(20403).equals(code) || (status == 403 && code == null)) {
			return new CarrierUnavailableException(
					"Twilio forbids API access for this account" + codeText + ". " + orDefault(explanation(20403), ""),
					code, message, moreInfo, status, error);
		}
		if (status == 429) {
			return new CarrierUnavailableException(
					"Could not " + call.description() + ": Twilio is still rate limiting the account after our retries"
							+ codeText + ". " + orDefault(explanation(20429), ""),
					code, message, moreInfo, status, error);
		}
		if (status >= 500) {
			String failed = "Twilio failed with HTTP " + status
					+ ((code != null) ? " (Twilio error " + code + ")" : "");
			if (call.effect() == Effect.CREATE) {
				return new CarrierOutcomeUnknownException("Could not confirm the request to " + call.description()
						+ ": " + failed + ". Twilio may have carried it out; it is looked up before anything is tried "
						+ "again.", code, message, moreInfo, status, error);
			}
			if (call.effect() == Effect.PURCHASE) {
				return new CarrierOutcomeUnknownException(
						"Could not confirm the purchase: " + failed
								+ ". Twilio may have bought the number; look it up before buying again.",
						code, message, moreInfo, status, error);
			}
			String change = (call.effect() == Effect.UPDATE)
					? " The change may or may not have been applied; repeating it is safe." : " Nothing was changed.";
			return new CarrierUnavailableException("Could not " + call.description() + ": " + failed + "." + change,
					code, message, moreInfo, status, error);
		}
		if (status >= 400) {
			String explanation = (status == 404 && call == TwilioCall.SEARCH) ? SEARCH_NOT_FOUND : explanation(code);
			if (explanation == null && status == 404) {
				explanation = explanation(20404);
			}
			String detail = (explanation != null) ? explanation : (message != null) ? message : "no details given";
			return new CarrierRefusedException("Twilio refused to " + call.description() + codeText + ": " + detail,
					code, message, moreInfo, status, error);
		}
		return new CarrierUnavailableException(
				"Could not " + call.description() + ": Twilio gave an unexpected answer (HTTP " + status + ").", code,
				message, moreInfo, status, error);
	}

	private static CarrierException unreadable(TwilioCall call, TwilioException error) {
		if (call.effect() == Effect.CREATE) {
			return new CarrierOutcomeUnknownException("Could not confirm the request to " + call.description()
					+ ": Twilio's answer could not be read. Twilio may have carried it out; it is looked up first.",
					null, null, null, null, error);
		}
		if (call.effect() == Effect.PURCHASE) {
			return new CarrierOutcomeUnknownException(
					"Could not confirm the purchase: Twilio's answer could not "
							+ "be read. Twilio may have bought the number; look it up before buying again.",
					null, null, null, null, error);
		}
		return new CarrierUnavailableException(
				"Could not " + call.description() + ": Twilio's answer could not be read.", null, null, null, null,
				error);
	}

	private static String orDefault(String value, String fallback) {
		return (value != null) ? value : fallback;
	}

}
