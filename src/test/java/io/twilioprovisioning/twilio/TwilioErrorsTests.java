package io.twilioprovisioning.twilio;

import java.io.IOException;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.twilio.TwilioTransportException.Failure;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which typed carrier failure each SDK failure becomes.
 */
class TwilioErrorsTests {

	@ParameterizedTest
	@ValueSource(ints = { 20003, 20404, 20429, 21421, 21422, 21451, 21452, 21457, 21631, 21649, 21613, 10002, 21404,
			21402, 21403, 21405, 21406, 21472, 21473, 21474, 21481, 20008, 20403 })
	void everyCodeAProvisioningSystemMeetsHasAnExplanation(int code) {
		assertThat(TwilioErrors.explanation(code)).isNotBlank();
	}

	@Test
	void aClientErrorWithACodeIsARefusalWithTheExplanation() {
		CarrierException failure = TwilioErrors.translate(TwilioCall.PURCHASE,
				api(400, 21452, "No phone numbers found in area code 533"));

		assertThat(failure).isInstanceOf(CarrierRefusedException.class);
		assertThat(failure.getMessage()).contains("Twilio refused to buy a number (Twilio error 21452)")
			.contains("no numbers for sale in that area code");
		assertThat(failure.carrierCode()).isEqualTo(21452);
		assertThat(failure.carrierMessage()).isEqualTo("No phone numbers found in area code 533");
		assertThat(failure.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21452");
	}

	@Test
	void anUnknownCodeFallsBackToTwilioMessage() {
		CarrierException failure = TwilioErrors.translate(TwilioCall.UPDATE, api(400, 29999, "Something odd"));

		assertThat(failure).isInstanceOf(CarrierRefusedException.class);
		assertThat(failure.getMessage()).endsWith(": Something odd");
	}

	@Test
	void aSearchOfATypeTheCountryDoesNotSellSaysSo() {
		CarrierException failure = TwilioErrors.translate(TwilioCall.SEARCH, api(404, 20404, "Not found"));

		assertThat(failure).isInstanceOf(CarrierRefusedException.class);
		assertThat(failure.getMessage()).contains("sells no numbers of this type in that country");
	}

	@Test
	void notFoundIsARefusalThatSaysSo() {
		CarrierException failure = TwilioErrors.translate(TwilioCall.FETCH, api(404, 20404, "Not found"));

		assertThat(failure).isInstanceOfSatisfying(CarrierRefusedException.class,
				(refused) -> assertThat(refused.isNotFound()).isTrue());
	}

	@Test
	void rejectedCredentialsAndForbiddenAccountsAreUnavailableWithAHint() {
		assertThat(TwilioErrors.translate(TwilioCall.SEARCH, api(401, 20003, "Authenticate")))
			.isInstanceOf(CarrierUnavailableException.class)
			.hasMessageContaining("TWILIO_API_KEY");
		assertThat(TwilioErrors.translate(TwilioCall.SEARCH, api(401, null, "Unauthorized")))
			.isInstanceOf(CarrierUnavailableException.class)
			.hasMessageContaining("credentials");
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, api(403, 20403, "Forbidden")))
			.isInstanceOf(CarrierUnavailableException.class)
			.hasMessageContaining("suspended");
	}

	@Test
	void testCredentialsOnAnUnsupportedResourceAreARefusal() {
		assertThat(TwilioErrors.translate(TwilioCall.BALANCE, api(403, 20008, "Test credentials")))
			.isInstanceOf(CarrierRefusedException.class)
			.hasMessageContaining("test credentials");
	}

	@Test
	void serverErrorsLeaveOnlyAPurchaseUnknown() {
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, api(503, null, null)))
			.isInstanceOf(CarrierOutcomeUnknownException.class);
		assertThat(TwilioErrors.translate(TwilioCall.UPDATE, api(500, 20500, "oops")))
			.isInstanceOf(CarrierUnavailableException.class)
			.hasMessageContaining("repeating it is safe");
		assertThat(TwilioErrors.translate(TwilioCall.LIST, api(502, null, null)))
			.isInstanceOf(CarrierUnavailableException.class)
			.hasMessageContaining("Nothing was changed");
	}

	@Test
	void aLostAnswerLeavesAPurchaseUnknownButNotAnUnsentOne() {
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, transport(Failure.TIMED_OUT)))
			.isInstanceOf(CarrierOutcomeUnknownException.class);
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, transport(Failure.CONNECTION_LOST)))
			.isInstanceOf(CarrierOutcomeUnknownException.class);
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, transport(Failure.CONNECT_FAILED)))
			.isInstanceOf(CarrierUnavailableException.class);
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, transport(Failure.NOT_READY)))
			.isInstanceOf(CarrierUnavailableException.class);
	}

	@Test
	void aLostAnswerToAnUpdateIsUnavailableAndSaysTheChangeMayHaveHappened() {
		assertThat(TwilioErrors.translate(TwilioCall.UPDATE, transport(Failure.TIMED_OUT)))
			.isInstanceOf(CarrierUnavailableException.class)
			.hasMessageContaining("may or may not have been applied");
	}

	@Test
	void anUnreadableAnswerToAPurchaseIsUnknown() {
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, new ApiException("Unexpected character")))
			.isInstanceOf(CarrierOutcomeUnknownException.class);
		assertThat(TwilioErrors.translate(TwilioCall.PURCHASE, new ApiConnectionException("Unable to connect")))
			.isInstanceOf(CarrierOutcomeUnknownException.class);
		assertThat(TwilioErrors.translate(TwilioCall.FETCH, new ApiException("Unexpected character")))
			.isInstanceOf(CarrierUnavailableException.class);
	}

	@Test
	void accountSidsInTwilioMessagesAreMasked() {
		CarrierException failure = TwilioErrors.translate(TwilioCall.FETCH, api(404, 20404,
				"The requested resource /2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/IncomingPhoneNumbers/PN1.json was not found"));

		assertThat(failure.carrierMessage()).doesNotContain("AC0123456789abcdef0123456789abcdef")
			.contains("AC****************************cdef");
	}

	private static ApiException api(int status, Integer code, String message) {
		String moreInfo = (code != null) ? "https://www.twilio.com/docs/errors/" + code : null;
		return new ApiException(message, code, moreInfo, status, null, null, null, null);
	}

	private static TwilioTransportException transport(Failure failure) {
		return new TwilioTransportException(failure, "test", new IOException("test"));
	}

}
