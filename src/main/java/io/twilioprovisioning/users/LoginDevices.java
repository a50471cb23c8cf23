package io.twilioprovisioning.users;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Device cookies (OWASP, "Slow Down Online Guessing Attacks with Device Cookies"): a
 * browser that signed in to an account gets a random token; when it signs in to that
 * account again it is throttled on its own and not by the account's shared limit, which
 * guessers elsewhere may have filled. Only the token's SHA-256 is stored, in PostgreSQL,
 * so every instance knows every device.
 */
@Component
class LoginDevices {

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final LoginProperties properties;

	private final Clock clock;

	LoginDevices(JdbcClient jdbc, LoginProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	static boolean isWellFormed(String token) {
		return token != null && TOKEN.matcher(token).matches();
	}

	/**
	 * The hash under which a token is stored and throttled.
	 */
	static String hash(String token) {
		return LoginThrottle.sha256("device\n" + token);
	}

	/**
	 * Whether the token was given to a browser that signed in to this account and has not
	 * expired.
	 */
	boolean isKnown(String token, String email) {
		if (!isWellFormed(token)) {
			return false;
		}
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM login_devices d JOIN users u ON u.id = d.user_id
				WHERE d.token_hash = :hash AND u.email = :email AND d.expires_at > :now)""")
			.param("hash", hash(token))
			.param("email", email)
			.param("now", Timestamp.from(this.clock.instant()))
			.query(Boolean.class)
			.single();
	}

	/**
	 * A new token for a browser that just signed in.
	 * @return the token to set in the cookie
	 */
	String issue(long userId) {
		byte[] bytes = new byte[32];
		this.random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM login_devices WHERE expires_at < :now").param("now", Timestamp.from(now)).update();
		this.jdbc.sql("INSERT INTO login_devices (token_hash, user_id, expires_at) VALUES (:hash, :user, :expires)")
			.param("hash", hash(token))
			.param("user", userId)
			.param("expires", Timestamp.from(now.plus(this.properties.deviceCookieLifetime())))
			.update();
		return token;
	}

}
