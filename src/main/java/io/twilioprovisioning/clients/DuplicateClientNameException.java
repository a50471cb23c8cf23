package io.twilioprovisioning.clients;

import io.twilioprovisioning.platform.DomainException;

/**
 * Another client already has this name (names are compared without regard to case).
 */
public class DuplicateClientNameException extends DomainException {

	private static final long serialVersionUID = 1L;

	public DuplicateClientNameException(String name) {
		super(Kind.CONFLICT, "duplicate-client-name", "A client named '" + name + "' already exists.");
	}

}
