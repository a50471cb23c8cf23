package io.twilioprovisioning.users;

import io.twilioprovisioning.platform.DomainException;

/**
 * A user with this email already exists.
 */
public class DuplicateUserException extends DomainException {

	private static final long serialVersionUID = 1L;

	public DuplicateUserException(String email) {
		super(Kind.CONFLICT, "duplicate-user", "A user with email " + email + " already exists.");
	}

}
