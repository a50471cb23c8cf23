package io.twilioprovisioning.numbers;

import java.util.LinkedHashMap;
import java.util.Map;

import io.twilioprovisioning.platform.DomainException;

/**
 * A failure of the carrier (Twilio), with Twilio's own error code, message and
 * documentation link when it sent them. Never carries credentials.
 */
public abstract class CarrierException extends DomainException {

	private static final long serialVersionUID = 1L;

	private final Integer carrierCode;

	private final String carrierMessage;

	private final String moreInfo;

	private final Integer httpStatus;

	/**
	 * Creates the exception.
	 * @param kind refused, unavailable or unknown outcome
	 * @param problem stable problem slug
	 * @param explanation what happened, in words an operator understands
	 * @param carrierCode Twilio's error code, or {@code null}
	 * @param carrierMessage Twilio's message, or {@code null}
	 * @param moreInfo Twilio's documentation link, or {@code null}
	 * @param httpStatus the HTTP status Twilio answered, or {@code null} when there was
	 * no answer
	 * @param cause the underlying error, or {@code null}
	 */
	protected CarrierException(Kind kind, String problem, String explanation, Integer carrierCode,
			String carrierMessage, String moreInfo, Integer httpStatus, Throwable cause) {
		super(kind, problem, explanation, cause);
		this.carrierCode = carrierCode;
		this.carrierMessage = carrierMessage;
		this.moreInfo = moreInfo;
		this.httpStatus = httpStatus;
	}

	public Integer carrierCode() {
		return this.carrierCode;
	}

	public String carrierMessage() {
		return this.carrierMessage;
	}

	public String moreInfo() {
		return this.moreInfo;
	}

	public Integer httpStatus() {
		return this.httpStatus;
	}

	@Override
	public Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>();
		if (this.carrierCode != null) {
			properties.put("twilioCode", this.carrierCode);
		}
		if (this.carrierMessage != null) {
			properties.put("twilioMessage", this.carrierMessage);
		}
		if (this.moreInfo != null) {
			properties.put("moreInfo", this.moreInfo);
		}
		return properties;
	}

}
