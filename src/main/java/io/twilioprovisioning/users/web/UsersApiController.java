package io.twilioprovisioning.users.web;

import java.net.URI;
import java.security.Principal;

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

	@GetMapping
	PageResult<UserAccount> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(PageRequest.MAX_SIZE) int size) {
		return this.users.list(new PageRequest(page, size));
	}

	@GetMapping("/{id}")
	UserAccount get(@PathVariable long id) {
		return this.users.get(id);
	}

	@PostMapping
	ResponseEntity<UserAccount> create(@Valid @RequestBody CreateUserRequest request) {
		UserAccount user = this.users.create(request.email(), request.password(), request.role());
		return ResponseEntity.created(URI.create("/api/admin/users/" + user.id())).body(user);
	}

	@PostMapping("/{id}/disable")
	UserAccount disable(@PathVariable long id, Principal principal) {
		return this.users.disable(id, principal.getName());
	}

	@PostMapping("/{id}/enable")
	UserAccount enable(@PathVariable long id) {
		return this.users.enable(id);
	}

	@PostMapping("/{id}/role")
	UserAccount changeRole(@PathVariable long id, @Valid @RequestBody ChangeRoleRequest request, Principal principal) {
		return this.users.changeRole(id, request.role(), principal.getName());
	}

}
