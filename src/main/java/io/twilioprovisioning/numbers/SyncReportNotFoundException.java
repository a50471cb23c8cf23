package io.twilioprovisioning.numbers;

import io.twilioprovisioning.platform.DomainException;

/**
 * No sync check has run yet.
 */
public class SyncReportNotFoundException extends DomainException {

	private static final long serialVersionUID = 1L;

	public SyncReportNotFoundException() {
		super(Kind.NOT_FOUND, "sync-report-not-found", "No sync with Twilio has run yet.");
	}

}
