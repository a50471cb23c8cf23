package io.twilioprovisioning.clients;

import io.twilioprovisioning.platform.DomainException;

/**
 * The client is inactive, so no number may be bought for it or moved to it.
 */
public class InactiveClientException extends DomainException {

	private static final long serialVersionUID = 1L;

	public InactiveClientException(Client client) {
		super(Kind.CONFLICT, "client-inactive",
				"Client '" + client.name() + "' is inactive; reactivate it before giving it numbers.");
	}

}
