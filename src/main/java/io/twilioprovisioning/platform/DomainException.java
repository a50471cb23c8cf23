package io.twilioprovisioning.platform;

import java.util.Map;

/**
 * A business failure that every module raises the same way, so the web layer turns it
 * into one kind of answer (a ProblemDetail for the API, a message on a page) without
 * knowing each module's exceptions.
 */
public abstract class DomainException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final Kind kind;

	private final String problem;

	/**
	 * Creates the exception.
	 * @param kind what sort of failure this is
	 * @param problem a stable slug that names the problem type, e.g.
	 * {@code client-not-found}
	 * @param message an operator-readable explanation
	 */
	protected DomainException(Kind kind, String problem, String message) {
		this(kind, problem, message, null);
	}

	protected DomainException(Kind kind, String problem, String message, Throwable cause) {
		super(message, cause);
		this.kind = kind;
		this.problem = problem;
	}

	public Kind kind() {
		return this.kind;
	}

	public String problem() {
		return this.problem;
	}

	/**
	 * Extra members for the problem detail of this failure, such as Twilio's error code
	 * and documentation link. None by default.
	 * @return the members, in the order they should appear
	 */
	public Map<String, Object> properties() {
		return Map.of();
	}

	/**
	 * The sort of failure, which decides the HTTP status of the answer.
	 */
	public enum Kind {

		/** 400: the request is wrong in a way validation could not see. */
		INVALID,
		/** 404: the client, number or user does not exist. */
		NOT_FOUND,
		/** 409: clashes with the current state (duplicate, concurrent change). */
		CONFLICT,
		/** 422: Twilio refused the request. */
		REFUSED,
		/** 503: Twilio failed or could not be reached; nothing changed. */
		UNAVAILABLE,
		/** 502: Twilio may or may not have acted; the outcome is being reconciled. */
		UNKNOWN_OUTCOME

	}

}
