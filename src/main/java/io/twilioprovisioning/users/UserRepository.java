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

	private static final String COLUMNS = "id, email, role, enabled, last_login_at, created_at";

	private final JdbcClient jdbc;

	UserRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Credentials> findCredentials(String email) {
		return this.jdbc
			.sql("SELECT id, email, password_hash, role, enabled, security_version FROM users WHERE email = :email")
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

	/**
	 * The changes below bump {@code security_version}, which ends the user's console
	 * sessions on their next request.
	 */
	int setEnabled(long id, boolean enabled) {
		return this.jdbc.sql("""
				UPDATE users SET enabled = :enabled, security_version = security_version + 1, updated_at = now()
				WHERE id = :id""").param("enabled", enabled).param("id", id).update();
	}

	int setRole(long id, Role role) {
		return this.jdbc.sql("""
				UPDATE users SET role = :role, security_version = security_version + 1, updated_at = now()
				WHERE id = :id""").param("role", role.name()).param("id", id).update();
	}

	int setPasswordHash(long id, String passwordHash) {
		return this.jdbc.sql("""
				UPDATE users SET password_hash = :hash, security_version = security_version + 1, updated_at = now()
				WHERE id = :id""").param("hash", passwordHash).param("id", id).update();
	}

	/**
	 * The security version of an enabled user, read by primary key on every request of a
	 * console session.
	 * @return empty when the user is gone or disabled
	 */
	Optional<Long> findSecurityVersionIfEnabled(long id) {
		return this.jdbc.sql("SELECT security_version FROM users WHERE id = :id AND enabled")
			.param("id", id)
			.query(Long.class)
			.optional();
	}

	Optional<String> findPasswordHash(long id) {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	void recordLogin(long id, Instant at) {
		this.jdbc.sql("UPDATE users SET last_login_at = :at WHERE id = :id")
			.param("at", java.sql.Timestamp.from(at))
			.param("id", id)
			.update();
	}

	/**
	 * What login needs to know of a user.
	 */
	record Credentials(long id, String email, String passwordHash, Role role, boolean enabled, long securityVersion) {

	}

}
