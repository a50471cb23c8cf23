package io.twilioprovisioning.users;

/**
 * What a user may do: {@link #ADMIN} runs the numbers; {@link #USER} is a client's own
 * staff, who never reach an admin page or API.
 */
public enum Role {

	ADMIN, USER

}
