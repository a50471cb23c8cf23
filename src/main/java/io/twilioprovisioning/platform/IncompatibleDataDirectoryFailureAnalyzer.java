package io.twilioprovisioning.platform;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a refused data directory into Spring Boot's "APPLICATION FAILED TO START" report:
 * what is wrong and what to do, without a page of stack trace around it.
 */
class IncompatibleDataDirectoryFailureAnalyzer extends AbstractFailureAnalyzer<IncompatibleDataDirectoryException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, IncompatibleDataDirectoryException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
