package io.twilioprovisioning.users;

import java.util.Locale;
import java.util.Optional;

import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, lists, disables and enables the users of the platform.
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

	static String normalizeEmail(String email) {
		return (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "";
	}

}
