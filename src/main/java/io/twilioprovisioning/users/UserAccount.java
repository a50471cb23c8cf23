package io.twilioprovisioning.users;

import java.time.Instant;

import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

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
@NullMarked
public record UserAccount(long id, @Schema(format = "email") String email, Role role, boolean enabled,
		@Nullable Instant lockedUntil, @Nullable Instant lastLoginAt, Instant createdAt) {

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

}
