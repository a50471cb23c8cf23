package io.twilioprovisioning.users;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;

import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a request is signed in as. A console session keeps it, with the account's
 * {@code security_version} at sign-in, so that {@link SessionRevocationFilter} can end
 * the session as soon as the account is disabled, changes role or password.
 *
 * @param id the user's id
 * @param email the login
 * @param role the role at sign-in
 * @param securityVersion the account's security version at sign-in
 */
record SignedInUser(long id, String email, Role role,
		long securityVersion) implements AuthenticatedPrincipal, Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	@Override
	public String getName() {
		return this.email;
	}

	List<GrantedAuthority> authorities() {
		return List.of(new SimpleGrantedAuthority("ROLE_" + this.role.name()));
	}

}
