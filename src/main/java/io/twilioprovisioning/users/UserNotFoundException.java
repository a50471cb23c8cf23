package io.twilioprovisioning.users;

import io.twilioprovisioning.platform.DomainException;

/**
 * No user has the given id.
 */
public class UserNotFoundException extends DomainException {

	private static final long serialVersionUID = 1L;

	public UserNotFoundException(long id) {
		super(Kind.NOT_FOUND, "user-not-found", "No user has id " + id + ".");
	}

}
