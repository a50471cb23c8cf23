package io.twilioprovisioning.users.web;

import io.twilioprovisioning.users.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new user, from the API or the users page.
 *
 * @param email the login
 * @param password at least 12 characters; bcrypt reads at most 72 bytes
 * @param role ADMIN or USER
 */
record CreateUserRequest(@NotBlank @Email @Size(max = 254) String email,
		@NotBlank @Size(min = 12, max = 72) String password, @NotNull Role role) {

	@Override
	public String toString() {
		return "CreateUserRequest[email=" + this.email + ", role=" + this.role + "]";
	}

}
