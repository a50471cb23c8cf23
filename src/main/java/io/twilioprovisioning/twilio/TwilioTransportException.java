package io.twilioprovisioning.twilio;

import com.twilio.exception.ApiConnectionException;

/**
 * A Twilio call that got no HTTP answer. It travels through the SDK unchanged (the SDK
 * does not catch what its {@link com.twilio.http.HttpClient} throws) so that the error
 * mapping can tell a request that never left from one whose answer was lost.
 */
final class TwilioTransportException extends ApiConnectionException {

	private static final long serialVersionUID = 1L;

	private final Failure failure;

	TwilioTransportException(Failure failure, String message, Throwable cause) {
		super(message, cause);
		this.failure = failure;
	}

	Failure failure() {
		return this.failure;
	}

	/**
	 * Whether Twilio may have received, and acted on, the request.
	 */
	boolean mayHaveReachedTwilio() {
		return this.failure.mayHaveReachedTwilio;
	}

	/**
	 * Why there was no answer.
	 */
	enum Failure {

		/** No connection could be made; the request was not sent. */
		CONNECT_FAILED(false),

		/** The base URL is not known yet (sandbox before the web server started). */
		NOT_READY(false),

		/** Interrupted before the request was sent. */
		INTERRUPTED_BEFORE_SENDING(false),

		/**
		 * A bulk call found no free slot under the adaptive limit in time; the request
		 * was not sent.
		 */
		BUSY(false),

		/** Sent, but no whole answer within the read timeout. */
		TIMED_OUT(true),

		/** Sent, but the connection was reset or closed before the answer. */
		CONNECTION_LOST(true),

		/** Interrupted while waiting for the answer. */
		INTERRUPTED(true);

		private final boolean mayHaveReachedTwilio;

		Failure(boolean mayHaveReachedTwilio) {
			this.mayHaveReachedTwilio = mayHaveReachedTwilio;
		}

	}

}
