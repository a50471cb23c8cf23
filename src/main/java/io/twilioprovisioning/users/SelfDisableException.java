package io.twilioprovisioning.users;

import io.twilioprovisioning.platform.DomainException;

/**
 * An admin tried to disable their own account, which would lock them out.
 */
public class SelfDisableException extends DomainException {

	private static final long serialVersionUID = 1L;

	public SelfDisableException() {
		super(Kind.CONFLICT, "self-disable", "You cannot disable your own account; ask another admin.");
	}

}
