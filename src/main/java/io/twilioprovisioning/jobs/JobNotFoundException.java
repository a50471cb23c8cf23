package io.twilioprovisioning.jobs;

import io.twilioprovisioning.platform.DomainException;

/**
 * No job has this id.
 */
public class JobNotFoundException extends DomainException {

	private static final long serialVersionUID = 1L;

	public JobNotFoundException(long id) {
		super(Kind.NOT_FOUND, "job-not-found", "There is no job " + id + ".");
	}

}
