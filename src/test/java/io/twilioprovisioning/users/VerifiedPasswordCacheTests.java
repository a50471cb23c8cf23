package io.twilioprovisioning.users;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import io.twilioprovisioning.support.MutableClock;

import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedPasswordCacheTests {

	final AtomicInteger bcryptCalls = new AtomicInteger();

	final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);

	final PasswordEncoder counting = new PasswordEncoder() {

		@Override
		public String encode(CharSequence raw) {
			return VerifiedPasswordCacheTests.this.bcrypt.encode(raw);
		}

		@Override
		public boolean matches(CharSequence raw, String encoded) {
			VerifiedPasswordCacheTests.this.bcryptCalls.incrementAndGet();
			return VerifiedPasswordCacheTests.this.bcrypt.matches(raw, encoded);
		}

	};

	MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));

	VerifiedPasswordCache cache = new VerifiedPasswordCache(this.counting, Duration.ofMinutes(5), this.clock);

	@Test
	void aVerifiedPasswordIsNotCheckedWithBcryptAgainUntilItExpires() {
		String hash = this.cache.encode("correct horse");
		assertThat(this.cache.matches("correct horse", hash)).isTrue();
		assertThat(this.cache.matches("correct horse", hash)).isTrue();
		assertThat(this.bcryptCalls).hasValue(1);
		this.clock.advance(Duration.ofMinutes(6));
		assertThat(this.cache.matches("correct horse", hash)).isTrue();
		assertThat(this.bcryptCalls).hasValue(2);
	}

	@Test
	void wrongPasswordsAreAlwaysCheckedAndNeverCached() {
		String hash = this.cache.encode("correct horse");
		assertThat(this.cache.matches("wrong", hash)).isFalse();
		assertThat(this.cache.matches("wrong", hash)).isFalse();
		assertThat(this.bcryptCalls).hasValue(2);
		assertThat(this.cache.size()).isZero();
	}

	@Test
	void aNewHashForTheSamePasswordIsVerifiedAgain() {
		String first = this.cache.encode("correct horse");
		String second = this.cache.encode("another one");
		assertThat(this.cache.matches("correct horse", first)).isTrue();
		assertThat(this.cache.matches("correct horse", second)).isFalse();
		assertThat(this.bcryptCalls).hasValue(2);
	}

}
