package io.twilioprovisioning.jobs;

import io.twilioprovisioning.platform.DomainException;

/**
 * A job cannot do what was asked in its state, e.g. resume a job that is not paused.
 */
public class JobStateConflictException extends DomainException {

	private static final long serialVersionUID = 1L;

	public JobStateConflictException(Job job, String action) {
		super(Kind.CONFLICT, "job-state", "Job " + job.id() + " is "
				+ job.state().name().toLowerCase().replace('_', ' ') + ": it cannot " + action + ".");
	}

}
