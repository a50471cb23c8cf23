package io.twilioprovisioning.users;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A password encoder that remembers, for a few minutes, which (password, hash) pairs
 * bcrypt has already verified, so an API client sending HTTP Basic on every request does
 * not pay bcrypt's deliberate cost each time.
 *
 * <p>
 * Only the bcrypt comparison is skipped: the user is still loaded from the database on
 * every request, so disabling or changing the role of a user takes effect at once, and a
 * new password hash never matches an old entry. The cache holds keyed HMACs (with a
 * random key made at start), never a password.
 */
final class VerifiedPasswordCache implements PasswordEncoder {

	private static final int MAX_ENTRIES = 10_000;

	private final PasswordEncoder delegate;

	private final Duration ttl;

	private final Clock clock;

	private final SecretKeySpec key;

	private final Map<String, Instant> verified = new ConcurrentHashMap<>();

	VerifiedPasswordCache(PasswordEncoder delegate, Duration ttl, Clock clock) {
		this.delegate = delegate;
		this.ttl = ttl;
		this.clock = clock;
		byte[] secret = new byte[32];
		new SecureRandom().nextBytes(secret);
		this.key = new SecretKeySpec(secret, "HmacSHA256");
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return this.delegate.encode(rawPassword);
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		String entry = fingerprint(rawPassword, encodedPassword);
		Instant now = this.clock.instant();
		Instant expires = this.verified.get(entry);
		if (expires != null && expires.isAfter(now)) {
			return true;
		}
		boolean matches = this.delegate.matches(rawPassword, encodedPassword);
		if (matches) {
			if (this.verified.size() >= MAX_ENTRIES) {
				evictExpired(now);
			}
			if (this.verified.size() < MAX_ENTRIES) {
				this.verified.put(entry, now.plus(this.ttl));
			}
		}
		else if (expires != null) {
			this.verified.remove(entry);
		}
		return matches;
	}

	/**
	 * Whether bcrypt verified this password against this hash in the last minutes,
	 * without running bcrypt.
	 */
	boolean isVerified(CharSequence rawPassword, String encodedPassword) {
		if (rawPassword == null || encodedPassword == null) {
			return false;
		}
		Instant expires = this.verified.get(fingerprint(rawPassword, encodedPassword));
		return expires != null && expires.isAfter(this.clock.instant());
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return this.delegate.upgradeEncoding(encodedPassword);
	}

	int size() {
		return this.verified.size();
	}

	private void evictExpired(Instant now) {
		for (Iterator<Instant> it = this.verified.values().iterator(); it.hasNext();) {
			if (!it.next().isAfter(now)) {
				it.remove();
			}
		}
	}

	private String fingerprint(CharSequence rawPassword, String encodedPassword) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(this.key);
			mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
			mac.update((byte) 0);
			mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(mac.doFinal());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	}

}
