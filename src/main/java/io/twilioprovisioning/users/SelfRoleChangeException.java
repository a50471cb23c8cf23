package io.twilioprovisioning.users;

import io.twilioprovisioning.platform.DomainException;

/**
 * An admin tried to change their own role, which would take their admin rights away.
 */
public class SelfRoleChangeException extends DomainException {

	private static final long serialVersionUID = 1L;

	public SelfRoleChangeException() {
		super(Kind.CONFLICT, "self-role-change", "You cannot change your own role; ask another admin.");
	}

}
