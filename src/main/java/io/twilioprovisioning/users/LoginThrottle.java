package io.twilioprovisioning.users;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;

/**
 * Locks an account for a short while after repeated wrong passwords, in the database so
 * the lock holds across instances.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	private final UserRepository users;

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(UserRepository users, LoginProperties properties, Clock clock) {
		this.users = users;
		this.properties = properties;
		this.clock = clock;
	}

	@EventListener
	void onFailure(AuthenticationFailureBadCredentialsEvent event) {
		String email = UserManagement.normalizeEmail(event.getAuthentication().getName());
		this.users.recordFailure(email, this.properties.maxFailures(),
				this.clock.instant().plus(this.properties.lockout()));
		log.info("Failed login for {}", email);
	}

	@EventListener
	void onSuccess(AuthenticationSuccessEvent event) {
		this.users.recordSuccess(UserManagement.normalizeEmail(event.getAuthentication().getName()),
				this.clock.instant());
	}

}
