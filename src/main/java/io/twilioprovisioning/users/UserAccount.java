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
 * @param lastLoginAt the last time the password was checked by bcrypt (a sign-in, or an
 * API client after a few minutes), or {@code null}
 * @param createdAt when the user was created
 */
public record UserAccount(long id, String email, Role role, boolean enabled, Instant lastLoginAt, Instant createdAt) {

}
