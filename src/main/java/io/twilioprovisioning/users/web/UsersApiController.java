package io.twilioprovisioning.users.web;

import java.net.URI;
import java.security.Principal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.twilioprovisioning.platform.ApiProblems;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import io.twilioprovisioning.users.UserAccount;
import io.twilioprovisioning.users.UserManagement;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static io.twilioprovisioning.platform.DomainException.Kind.CONFLICT;
import static io.twilioprovisioning.platform.DomainException.Kind.NOT_FOUND;

/**
 * The users of the platform: list, create, disable, enable, change role.
 */
@RestController
@io.swagger.v3.oas.annotations.tags.Tag(name = "Users", description = "Admins and other users of the platform")
@RequestMapping("/api/admin/users")
class UsersApiController {

	private final UserManagement users;

	UsersApiController(UserManagement users) {
		this.users = users;
	}

	@Operation(operationId = "listUsers", summary = "A page of the users",
			description = "By email. Paged by page number with an exact count, which stay cheap: the users are the "
					+ "platform's few operators, not an inventory (docs/adr/0021).")
	@GetMapping
	PageResult<UserAccount> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.users.list(new PageRequest(page, size));
	}

	@Operation(operationId = "getUser", summary = "One user")
	@ApiProblems(NOT_FOUND)
	@GetMapping("/{id}")
	UserAccount get(@PathVariable long id) {
		return this.users.get(id);
	}

	@Operation(operationId = "createUser", summary = "Create a user with a role; the password is never shown again")
	@ApiResponse(responseCode = "201", description = "Created; Location is the user's URL",
			headers = @Header(name = "Location", description = "/api/admin/users/{id}",
					schema = @Schema(type = "string", format = "uri-reference")))
	@ApiProblems(CONFLICT)
	@PostMapping
	ResponseEntity<UserAccount> create(@Valid @RequestBody CreateUserRequest request) {
		UserAccount user = this.users.create(request.email(), request.password(), request.role());
		return ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(user);
	}

	@Operation(operationId = "disableUser", summary = "Refuse a user's logins from now on; you cannot disable yourself")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/disable")
	UserAccount disable(@PathVariable long id, Principal principal) {
		return this.users.disable(id, principal.getName());
	}

	@Operation(operationId = "enableUser", summary = "Let a disabled user log in again")
	@ApiProblems(NOT_FOUND)
	@PostMapping("/{id}/enable")
	UserAccount enable(@PathVariable long id) {
		return this.users.enable(id);
	}

	@Operation(operationId = "changeUserRole",
			summary = "Give a user another role; their console sessions end; you cannot change your own role")
	@ApiProblems({ NOT_FOUND, CONFLICT })
	@PostMapping("/{id}/role")
	UserAccount changeRole(@PathVariable long id, @Valid @RequestBody ChangeRoleRequest request, Principal principal) {
		return this.users.changeRole(id, request.role(), principal.getName());
	}

}
