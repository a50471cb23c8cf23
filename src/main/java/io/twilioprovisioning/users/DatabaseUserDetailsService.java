package io.twilioprovisioning.users;

import java.time.Clock;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Loads users by email for form login and HTTP Basic.
 */
@Component
class DatabaseUserDetailsService implements UserDetailsService {

	private final UserRepository users;

	private final Clock clock;

	DatabaseUserDetailsService(UserRepository users, Clock clock) {
		this.users = users;
		this.clock = clock;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		String email = UserManagement.normalizeEmail(username);
		UserRepository.Credentials credentials = this.users.findCredentials(email)
			.orElseThrow(() -> new UsernameNotFoundException("Unknown user"));
		boolean locked = credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(this.clock.instant());
		return User.withUsername(credentials.email())
			.password(credentials.passwordHash())
			.roles(credentials.role().name())
			.disabled(!credentials.enabled())
			.accountLocked(locked)
			.build();
	}

}
