package io.twilioprovisioning.numbers;

/**
 * The carrier could not be used: unreachable, timing out on a read, answering 5xx, still
 * rate-limiting after our retries, or refusing our credentials. Nothing was changed.
 */
public class CarrierUnavailableException extends CarrierException {

	private static final long serialVersionUID = 1L;

	public CarrierUnavailableException(String explanation, Integer carrierCode, String carrierMessage, String moreInfo,
			Integer httpStatus, Throwable cause) {
		super(Kind.UNAVAILABLE, "twilio-unavailable", explanation, carrierCode, carrierMessage, moreInfo, httpStatus,
				cause);
	}

}
