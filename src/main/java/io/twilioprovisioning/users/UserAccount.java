package io.twilioprovisioning.users;

import java.time.Instant;

/**
 * A user as the rest of the application sees it; the password hash never leaves the
 * module.
 *
 * @param id the database id
 * @param email the login, lower case
 * @param role the role
 * @param enabled whether the user may log in
 * @param lockedUntil until when repeated wrong passwords keep the account locked, or
 * {@code null}
 * @param lastLoginAt the last successful login, or {@code null}
 * @param createdAt when the user was created
 */
public record UserAccount(long id, String email, Role role, boolean enabled, Instant lockedUntil, Instant lastLoginAt,
		Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
