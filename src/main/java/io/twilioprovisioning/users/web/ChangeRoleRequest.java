package io.twilioprovisioning.users.web;

import io.twilioprovisioning.users.Role;
import jakarta.validation.constraints.NotNull;

/**
 * A user's new role.
 *
 * @param role ADMIN or USER
 */
record ChangeRoleRequest(@NotNull Role role) {

}
