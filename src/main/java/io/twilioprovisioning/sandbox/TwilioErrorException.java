package io.twilioprovisioning.sandbox;

/**
 * A refusal the emulator answers in Twilio's error body shape
 * ({@code code, message, more_info, status}).
 */
final class TwilioErrorException extends RuntimeException {

	/**
	 * Twilio's generic "Bad Request" code, for refusals Twilio documents no specific code
	 * for.
	 */
	static final int BAD_REQUEST = 400;

	private static final long serialVersionUID = 1L;

	private final int status;

	private final int code;

	TwilioErrorException(int status, int code, String message) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
	}

	static TwilioErrorException badRequest(int code, String message) {
		return new TwilioErrorException(400, code, message);
	}

	static TwilioErrorException conflict(int code, String message) {
		return new TwilioErrorException(409, code, message);
	}

	static TwilioErrorException notFound(String path) {
		return new TwilioErrorException(404, 20404, "The requested resource " + path + " was not found");
	}

	static TwilioErrorException permissionDenied() {
		return new TwilioErrorException(401, 20003, "Authenticate");
	}

	static TwilioErrorException accountNotActive(String accountSid) {
		return new TwilioErrorException(403, 20005, "Account " + accountSid + " is not active");
	}

	int status() {
		return this.status;
	}

	int code() {
		return this.code;
	}

}
