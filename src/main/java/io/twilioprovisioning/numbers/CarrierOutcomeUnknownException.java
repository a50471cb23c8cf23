package io.twilioprovisioning.numbers;

/**
 * A request that changes state (a purchase) got no usable answer: a timeout, a reset
 * connection or a 5xx after the request was sent. The carrier may have carried it out;
 * the caller must look before trying again.
 */
public class CarrierOutcomeUnknownException extends CarrierException {

	private static final long serialVersionUID = 1L;

	public CarrierOutcomeUnknownException(String explanation, Integer carrierCode, String carrierMessage,
			String moreInfo, Integer httpStatus, Throwable cause) {
		super(Kind.UNKNOWN_OUTCOME, "twilio-outcome-unknown", explanation, carrierCode, carrierMessage, moreInfo,
				httpStatus, cause);
	}

}
