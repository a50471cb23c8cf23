package io.twilioprovisioning.users;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/**
 * Too many wrong passwords from this address or for this account: the password was not
 * checked. Says the same whether or not the account exists.
 */
class LoginThrottledException extends AuthenticationException {

	private static final long serialVersionUID = 1L;

	private final Duration retryAfter;

	LoginThrottledException(Duration retryAfter) {
		super("Too many sign-in attempts; retry after " + retryAfter.toSeconds() + " s");
		this.retryAfter = retryAfter;
	}

	Duration retryAfter() {
		return this.retryAfter;
	}

	/**
	 * The wait in whole seconds, as {@code Retry-After} wants it.
	 */
	long retryAfterSeconds() {
		return Math.max(1, this.retryAfter.toSeconds());
	}

}
