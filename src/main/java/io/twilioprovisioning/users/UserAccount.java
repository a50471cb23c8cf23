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
 * @param lastLoginAt the last time the password was checked by bcrypt (a sign-in, or an
 * API client after a few minutes), or {@code null}
 * @param createdAt when the user was created
 */
@NullMarked
public record UserAccount(long id, @Schema(format = "email") String email, Role role, boolean enabled,
		@Nullable Instant lastLoginAt, Instant createdAt) {

}
