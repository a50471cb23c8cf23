package io.twilioprovisioning.platform;

/**
 * The embedded PostgreSQL's data directory cannot be used as it is (another major made
 * it); nothing in it was changed. Its message is the whole story, and
 * {@link IncompatibleDataDirectoryFailureAnalyzer} shows it as Spring Boot's start-up
 * report instead of a stack trace.
 */
final class IncompatibleDataDirectoryException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String description;

	private final String action;

	IncompatibleDataDirectoryException(String description, String action) {
		super(description + " " + action);
		this.description = description;
		this.action = action;
	}

	String description() {
		return this.description;
	}

	String action() {
		return this.action;
	}

}
