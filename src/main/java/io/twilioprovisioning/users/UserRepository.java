package io.twilioprovisioning.users;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Users in PostgreSQL.
 */
@Repository
class UserRepository {

	private static final String COLUMNS = "id, email, role, enabled, locked_until, last_login_at, created_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Credentials> findCredentials(String email) {
		return this.jdbc
			.sql("SELECT id, email, password_hash, role, enabled, locked_until FROM users WHERE email = :email")
			.param("email", email)
			.query(Credentials.class)
			.optional();
	}

	Optional<UserAccount> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE id = :id")
			.param("id", id)
			.query(UserAccount.class)
			.optional();
	}

	Optional<UserAccount> findByEmail(String email) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users WHERE email = :email")
			.param("email", email)
			.query(UserAccount.class)
			.optional();
	}

	List<UserAccount> findPage(int limit, long offset) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM users ORDER BY email LIMIT :limit OFFSET :offset")
			.param("limit", limit)
			.param("offset", offset)
			.query(UserAccount.class)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM users").query(Long.class).single();
	}

	boolean existsByRole(Role role) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE role = :role)")
			.param("role", role.name())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Inserts a user unless the email is taken.
	 * @return the new user, or empty when the email already exists
	 */
	Optional<UserAccount> insert(String email, String passwordHash, Role role) {
		return this.jdbc.sql("""
				INSERT INTO users (email, password_hash, role) VALUES (:email, :hash, :role)
				ON CONFLICT (email) DO NOTHING
				RETURNING %s""".formatted(COLUMNS))
			.param("email", email)
			.param("hash", passwordHash)
			.param("role", role.name())
			.query(UserAccount.class)
			.optional();
	}

	int setEnabled(long id, boolean enabled) {
		return this.jdbc.sql("""
				UPDATE users SET enabled = :enabled, failed_logins = 0, locked_until = NULL, updated_at = now()
				WHERE id = :id""").param("enabled", enabled).param("id", id).update();
	}

	/**
	 * Counts one more wrong password and locks the account once the count reaches the
	 * threshold.
	 */
	void recordFailure(String email, int threshold, Instant lockUntil) {
		this.jdbc.sql("""
				UPDATE users SET failed_logins = failed_logins + 1,
				  locked_until = CASE WHEN failed_logins + 1 >= :threshold THEN :lockUntil ELSE locked_until END,
				  updated_at = now()
				WHERE email = :email""")
			.param("threshold", threshold)
			.param("lockUntil", java.sql.Timestamp.from(lockUntil))
			.param("email", email)
			.update();
	}

	void recordSuccess(String email, Instant at) {
		this.jdbc.sql("""
				UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = :at
				WHERE email = :email""").param("at", java.sql.Timestamp.from(at)).param("email", email).update();
	}

	/**
	 * What login needs to know of a user.
	 */
	record Credentials(long id, String email, String passwordHash, Role role, boolean enabled, Instant lockedUntil) {

	}

}
