package io.twilioprovisioning.numbers;

/**
 * The carrier answered and said no (a 4xx with an error code): the request was not
 * carried out and repeating it unchanged will not help.
 */
public class CarrierRefusedException extends CarrierException {

	private static final long serialVersionUID = 1L;

	public CarrierRefusedException(String explanation, Integer carrierCode, String carrierMessage, String moreInfo,
			Integer httpStatus, Throwable cause) {
		super(Kind.REFUSED, "twilio-refused", explanation, carrierCode, carrierMessage, moreInfo, httpStatus, cause);
	}

	/**
	 * Whether Twilio answered that the resource does not exist (error 20404 or HTTP 404).
	 */
	public boolean isNotFound() {
		return Integer.valueOf(20404).equals(carrierCode()) || Integer.valueOf(404).equals(httpStatus());
	}

}
