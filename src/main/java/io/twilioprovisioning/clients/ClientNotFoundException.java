package io.twilioprovisioning.clients;

import io.twilioprovisioning.platform.DomainException;

/**
 * No client has the given id.
 */
public class ClientNotFoundException extends DomainException {

	private static final long serialVersionUID = 1L;

	public ClientNotFoundException(long id) {
		super(Kind.NOT_FOUND, "client-not-found", "No client has id " + id + ".");
	}

}
