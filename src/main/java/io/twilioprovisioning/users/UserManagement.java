package io.twilioprovisioning.users;

import java.util.Locale;
import java.util.Optional;

import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, disables and enables the users of the platform, and changes their role
 * or password. Disabling, a new role or a new password ends the user's console sessions
 * on their next request, on every instance.
 */
@Service
public class UserManagement {

	private final UserRepository users;

	private final PasswordEncoder passwordEncoder;

	UserManagement(UserRepository users, PasswordEncoder passwordEncoder) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
	}

	@Transactional(readOnly = true)
	public PageResult<UserAccount> list(PageRequest request) {
		return new PageResult<>(this.users.findPage(request.size(), request.offset()), request.page(), request.size(),
				this.users.count());
	}

	@Transactional(readOnly = true)
	public UserAccount get(long id) {
		return this.users.findById(id).orElseThrow(() -> new UserNotFoundException(id));
	}

	@Transactional(readOnly = true)
	public Optional<UserAccount> findByEmail(String email) {
		return this.users.findByEmail(normalizeEmail(email));
	}

	/**
	 * Creates a user with a bcrypt-hashed password.
	 * @throws DuplicateUserException when the email is taken
	 */
	@Transactional
	public UserAccount create(String email, String rawPassword, Role role) {
		String normalized = normalizeEmail(email);
		return this.users.insert(normalized, this.passwordEncoder.encode(rawPassword), role)
			.orElseThrow(() -> new DuplicateUserException(normalized));
	}

	/**
	 * Disables a user: they can no longer log in.
	 * @param id the user to disable
	 * @param actingEmail who asks; an admin cannot disable themselves
	 */
	@Transactional
	public UserAccount disable(long id, String actingEmail) {
		UserAccount user = get(id);
		if (user.email().equals(normalizeEmail(actingEmail))) {
			throw new SelfDisableException();
		}
		this.users.setEnabled(id, false);
		return get(id);
	}

	@Transactional
	public UserAccount enable(long id) {
		get(id);
		this.users.setEnabled(id, true);
		return get(id);
	}

	/**
	 * Gives a user another role; their console sessions end.
	 * @param id the user
	 * @param role the new role
	 * @param actingEmail who asks; an admin cannot change their own role
	 * @throws SelfRoleChangeException when an admin changes their own role
	 */
	@Transactional
	public UserAccount changeRole(long id, Role role, String actingEmail) {
		UserAccount user = get(id);
		if (user.email().equals(normalizeEmail(actingEmail))) {
			throw new SelfRoleChangeException();
		}
		if (user.role() != role) {
			this.users.setRole(id, role);
		}
		return get(id);
	}

	/**
	 * Sets a new password; the user's console sessions end and the old password stops
	 * working at once (even one {@link VerifiedPasswordCache} remembers: it is tied to
	 * the old hash).
	 */
	@Transactional
	public UserAccount changePassword(long id, String rawPassword) {
		get(id);
		this.users.setPasswordHash(id, this.passwordEncoder.encode(rawPassword));
		return get(id);
	}

	/**
	 * Whether this is the user's current password (runs bcrypt).
	 */
	@Transactional(readOnly = true)
	boolean hasPassword(long id, String rawPassword) {
		return this.users.findPasswordHash(id)
			.map((hash) -> this.passwordEncoder.matches(rawPassword, hash))
			.orElse(false);
	}

	static String normalizeEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

}
