package io.twilioprovisioning.users;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionOperations;

/**
 * Slows down password guessing without letting a guesser lock anyone out
 * (docs/adr/0004-login-throttling.md). Every password check first takes a slot in each of
 * its buckets, all or none, in one transaction on PostgreSQL, so the limits hold across
 * instances and parallel requests cannot overrun them; a correct password gives its slots
 * back, a wrong one keeps them.
 *
 * <p>
 * Buckets of an attempt from a browser that signed in to the account before (a device
 * cookie): that device alone. Of any other attempt: its address, its account, and the
 * account from that address. The account bucket is larger than the account-from-address
 * one, so a guesser at one address never fills it and cannot hold back the real user at
 * another address.
 */
@Component
class LoginThrottle {

	static final int CLEANUP_BATCH = 100;

	private final JdbcClient jdbc;

	private final TransactionOperations transactions;

	private final LoginProperties properties;

	private final Clock clock;

	LoginThrottle(JdbcClient jdbc, TransactionOperations transactions, LoginProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Takes one slot in every bucket of the attempt, or none.
	 * @param email the normalised email tried (whether or not such a user exists)
	 * @param source the client's address, see {@link LoginDetails#sourceOf(String)}
	 * @param trustedDevice the hash of a device cookie known for this account, or
	 * {@code null}
	 * @return what to give back when the password turns out right
	 * @throws LoginThrottledException when a bucket is full, with the time until it has
	 * room again
	 */
	Reservation reserve(String email, String source, String trustedDevice) {
		List<Bucket> buckets = bucketsOf(email, source, trustedDevice);
		Instant now = this.clock.instant();
		this.transactions.executeWithoutResult((status) -> {
			for (Bucket bucket : buckets) {
				if (!take(bucket, now)) {
					throw new LoginThrottledException(retryAfter(bucket, now));
				}
			}
		});
		return new Reservation(buckets);
	}

	/**
	 * Checks, without taking a slot, that no bucket of the attempt is full: for a
	 * password already known to be right, which must still not be told apart from a wrong
	 * one while the throttle holds.
	 * @throws LoginThrottledException when a bucket is full
	 */
	void check(String email, String source, String trustedDevice) {
		List<Bucket> buckets = bucketsOf(email, source, trustedDevice);
		Instant now = this.clock.instant();
		for (Bucket bucket : buckets) {
			Instant tat = this.jdbc.sql("SELECT tat FROM login_throttle WHERE bucket = :bucket")
				.param("bucket", bucket.key())
				.query(Timestamp.class)
				.optional()
				.map(Timestamp::toInstant)
				.orElse(now);
			if (tat.isAfter(now.plus(bucket.tolerance()))) {
				throw new LoginThrottledException(retryAfter(bucket, now));
			}
		}
	}

	/**
	 * The password was right: the slots are given back, and the failures of this account
	 * from this address (or device) are forgotten.
	 */
	void release(Reservation reservation) {
		for (Bucket bucket : reservation.buckets()) {
			if (bucket.kind().resetOnSuccess()) {
				this.jdbc.sql("DELETE FROM login_throttle WHERE bucket = :bucket")
					.param("bucket", bucket.key())
					.update();
			}
			else {
				this.jdbc
					.sql("UPDATE login_throttle SET tat = tat - make_interval(secs => :seconds) WHERE bucket = :bucket")
					.param("seconds", seconds(bucket.interval()))
					.param("bucket", bucket.key())
					.update();
			}
		}
	}

	/**
	 * Deletes a batch of buckets that are empty again; called after a wrong password, the
	 * only thing that leaves rows behind.
	 */
	void cleanUp() {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				DELETE FROM login_throttle WHERE tat < :now
				AND bucket IN (SELECT bucket FROM login_throttle WHERE tat < :now LIMIT :batch)""")
			.param("now", now)
			.param("batch", CLEANUP_BATCH)
			.update();
	}

	private boolean take(Bucket bucket, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO login_throttle AS t (bucket, tat) VALUES (:bucket, :first)
				ON CONFLICT (bucket) DO UPDATE SET tat = GREATEST(t.tat, :now) + make_interval(secs => :seconds)
				WHERE t.tat <= :latest
				RETURNING tat""")
			.param("bucket", bucket.key())
			.param("first", Timestamp.from(now.plus(bucket.interval())))
			.param("now", Timestamp.from(now))
			.param("seconds", seconds(bucket.interval()))
			.param("latest", Timestamp.from(now.plus(bucket.tolerance())))
			.query(Timestamp.class)
			.optional()
			.isPresent();
	}

	private Duration retryAfter(Bucket bucket, Instant now) {
		Instant tat = this.jdbc.sql("SELECT tat FROM login_throttle WHERE bucket = :bucket")
			.param("bucket", bucket.key())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(now);
		Duration wait = Duration.between(now, tat.minus(bucket.tolerance()));
		long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
		return Duration.ofSeconds(seconds);
	}

	private List<Bucket> bucketsOf(String email, String source, String trustedDevice) {
		List<Bucket> buckets = new ArrayList<>();
		if (trustedDevice != null) {
			buckets.add(bucket(Kind.DEVICE, trustedDevice, this.properties.accountSourceLimit()));
		}
		else {
			buckets.add(bucket(Kind.SOURCE, source, this.properties.sourceLimit()));
			buckets.add(bucket(Kind.ACCOUNT, email, this.properties.accountLimit()));
			buckets.add(bucket(Kind.ACCOUNT_SOURCE, email + "\n" + source, this.properties.accountSourceLimit()));
		}
		// One order for every transaction, so two attempts never wait on each other in a
		// circle.
		buckets.sort(Comparator.comparing(Bucket::key));
		return buckets;
	}

	private Bucket bucket(Kind kind, String subject, int limit) {
		Duration interval = this.properties.window().dividedBy(limit);
		return new Bucket(kind, kind.prefix() + sha256(subject), interval, this.properties.window().minus(interval));
	}

	private static double seconds(Duration duration) {
		return duration.toNanos() / 1e9;
	}

	static String sha256(String text) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
			return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	/**
	 * What a bucket counts.
	 */
	enum Kind {

		SOURCE("source:", false), ACCOUNT("account:", false), ACCOUNT_SOURCE("account-source:", true),
		DEVICE("device:", true);

		private final String prefix;

		private final boolean resetOnSuccess;

		Kind(String prefix, boolean resetOnSuccess) {
			this.prefix = prefix;
			this.resetOnSuccess = resetOnSuccess;
		}

		String prefix() {
			return this.prefix;
		}

		boolean resetOnSuccess() {
			return this.resetOnSuccess;
		}

	}

	/**
	 * One rate limit: a wrong password moves it {@code interval} ahead; it is full while
	 * more than {@code tolerance} ahead.
	 *
	 * @param kind what it counts
	 * @param key its row
	 * @param interval window / limit
	 * @param tolerance window - interval
	 */
	record Bucket(Kind kind, String key, Duration interval, Duration tolerance) {

	}

	/**
	 * The slots one attempt took.
	 *
	 * @param buckets the buckets, each with one slot taken
	 */
	record Reservation(List<Bucket> buckets) {

	}

}
