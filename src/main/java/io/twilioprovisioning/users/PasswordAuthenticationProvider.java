package io.twilioprovisioning.users;

import java.time.Clock;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Checks an email and password for form login and HTTP Basic, behind the
 * {@link LoginThrottle}.
 *
 * <p>
 * Before the password is known to be right, every answer is the same whether the account
 * exists, is disabled or not: an unknown email is throttled and pays bcrypt like a known
 * one, and "disabled" is only said after the right password (Spring's
 * {@code DaoAuthenticationProvider} checks it before). The account is read from the
 * database on every call, so a disabled or demoted user is refused at once. A password
 * that {@link VerifiedPasswordCache} verified against the current hash in the last
 * minutes skips the throttle: only its owner can present it.
 */
@Component
class PasswordAuthenticationProvider implements AuthenticationProvider {

	private static final Logger log = LoggerFactory.getLogger(PasswordAuthenticationProvider.class);

	private static final int LOGGED_EMAIL_LENGTH = 100;

	private final UserRepository users;

	private final VerifiedPasswordCache passwords;

	private final LoginThrottle throttle;

	private final LoginDevices devices;

	private final Clock clock;

	private final String unknownUserHash;

	PasswordAuthenticationProvider(UserRepository users, VerifiedPasswordCache passwords, LoginThrottle throttle,
			LoginDevices devices, Clock clock) {
		this.users = users;
		this.passwords = passwords;
		this.throttle = throttle;
		this.devices = devices;
		this.clock = clock;
		this.unknownUserHash = passwords.encode("no such user " + System.nanoTime());
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String email = UserManagement.normalizeEmail(authentication.getName());
		String password = (authentication.getCredentials() != null) ? authentication.getCredentials().toString() : "";
		LoginDetails details = (authentication.getDetails() instanceof LoginDetails given) ? given
				: new LoginDetails("unknown", null);
		UserRepository.Credentials user;
		try {
			user = check(email, password, details);
		}
		catch (DataAccessException ex) {
			throw new InternalAuthenticationServiceException("The user database is unavailable", ex);
		}
		if (!user.enabled()) {
			throw new DisabledException("This account is disabled.");
		}
		SignedInUser principal = new SignedInUser(user.id(), user.email(), user.role(), user.securityVersion());
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(principal, null,
				principal.authorities());
		result.setDetails(new LoginDetails(details.source(), null));
		return result;
	}

	private UserRepository.Credentials check(String email, String password, LoginDetails details) {
		Optional<UserRepository.Credentials> user = this.users.findCredentials(email);
		String device = (details.deviceToken() != null && this.devices.isKnown(details.deviceToken(), email))
				? LoginDevices.hash(details.deviceToken()) : null;
		LoginThrottle.Reservation reservation;
		try {
			if (user.isPresent() && this.passwords.isVerified(password, user.get().passwordHash())) {
				this.throttle.check(email, details.source(), device);
				return user.get();
			}
			reservation = this.throttle.reserve(email, details.source(), device);
		}
		catch (LoginThrottledException ex) {
			log.debug("Sign-in refused without checking the password: too many attempts for {} from {}",
					abbreviate(email), details.source());
			throw ex;
		}
		boolean matches = matches(password,
				user.map(UserRepository.Credentials::passwordHash).orElse(this.unknownUserHash));
		if (user.isEmpty() || !matches) {
			this.throttle.cleanUp();
			log.info("Failed sign-in for {} from {}", abbreviate(email), details.source());
			throw new BadCredentialsException("Wrong email or password");
		}
		this.throttle.release(reservation);
		this.users.recordLogin(user.get().id(), this.clock.instant());
		return user.get();
	}

	private boolean matches(String password, String hash) {
		try {
			return this.passwords.matches(password, hash);
		}
		catch (IllegalArgumentException ex) {
			// bcrypt refuses passwords over 72 bytes: no stored password can be one.
			return false;
		}
	}

	private static String abbreviate(String email) {
		return (email.length() <= LOGGED_EMAIL_LENGTH) ? email : email.substring(0, LOGGED_EMAIL_LENGTH) + "…";
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
