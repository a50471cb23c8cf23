package io.twilioprovisioning.sandbox;

/**
 * A failure the emulator can inject into an operation, to test how a client copes with
 * Twilio's bad days.
 */
public enum Fault {

	/**
	 * 429 with code 20429; the request is not processed (Twilio's concurrency limit).
	 */
	TOO_MANY_REQUESTS,

	/** 500 with code 20500; the request is not processed. */
	SERVER_ERROR,

	/** 503 with code 20503; the request is not processed. */
	SERVICE_UNAVAILABLE,

	/**
	 * Waits {@link FaultPlan#hangFor()} first, then processes the request and answers
	 * normally: a client with a shorter read timeout gives up, and the change may still
	 * happen after it did.
	 */
	TIMEOUT,

	/**
	 * Processes the request (the change is committed), then drops the connection without
	 * an answer. Transports that cannot drop a connection wait
	 * {@link FaultPlan#hangFor()} and then answer.
	 */
	DROP_AFTER_COMMIT

}
