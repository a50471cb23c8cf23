package io.twilioprovisioning.clients;

import java.util.List;
import java.util.Optional;

import io.twilioprovisioning.platform.SqlLike;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Clients in PostgreSQL.
 */
@Repository
class ClientRepository {

	private static final String COLUMNS = "id, name, status, contact_email, created_at, updated_at";

	private static final org.springframework.jdbc.core.RowMapper<Client> CLIENT = new org.springframework.jdbc.core.DataClassRowMapper<>(
			Client.class);

	private static final org.springframework.jdbc.core.RowMapper<Keyed> KEYED = (rs,
			i) -> new Keyed(CLIENT.mapRow(rs, i), rs.getString("sort_key"));

	private final JdbcClient jdbc;

	ClientRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Reads the client and locks its row until the transaction ends: for update (to
	 * change its status) or for share (to give it a number while it cannot be
	 * deactivated).
	 */
	Optional<Client> findByIdLocked(long id, boolean forUpdate) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM clients WHERE id = :id " + (forUpdate ? "FOR UPDATE" : "FOR SHARE"))
			.param("id", id)
			.query(Client.class)
			.optional();
	}

	Optional<Client> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE id = :id")
			.param("id", id)
			.query(Client.class)
			.optional();
	}

	List<Client> findAllById(java.util.Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM clients WHERE id IN (:ids)")
			.param("ids", ids)
			.query(Client.class)
			.list();
	}

	List<Keyed> search(ClientQuery query, int limit, long offset) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", lower(name) AS sort_key FROM clients WHERE " + where(query)
					+ " ORDER BY lower(name), id LIMIT :limit OFFSET :offset")
			.params(params(query))
			.param("limit", limit)
			.param("offset", offset)
			.query(KEYED)
			.list();
	}

	/**
	 * Up to {@code limit} clients after (or, walking back, before) a position in the
	 * order by lower-cased name and id, each with its key (docs/adr/0021).
	 * @param afterKey the lower-cased name at the position, or {@code null} to start at
	 * the beginning
	 */
	List<Keyed> seek(ClientQuery query, String afterKey, long afterId, boolean backward, int limit) {
		String direction = backward ? "DESC" : "ASC";
		String seek = (afterKey != null) ? " AND (lower(name), id) " + (backward ? "<" : ">") + " (:afterKey, :afterId)"
				: "";
		java.util.Map<String, Object> params = params(query);
		if (afterKey != null) {
			params.put("afterKey", afterKey);
			params.put("afterId", afterId);
		}
		params.put("limit", limit);
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", lower(name) AS sort_key FROM clients WHERE " + where(query) + seek
					+ " ORDER BY lower(name) " + direction + ", id " + direction + " LIMIT :limit")
			.params(params)
			.query(KEYED)
			.list();
	}

	/**
	 * How many clients match, counting no further than {@code cap + 1}.
	 */
	long countUpTo(ClientQuery query, long cap) {
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM clients WHERE " + where(query) + " LIMIT :cap) AS c")
			.params(params(query))
			.param("cap", cap + 1)
			.query(Long.class)
			.single();
	}

	/**
	 * A client with its key in the list's order.
	 */
	record Keyed(Client client, String key) {

	}

	private static String where(ClientQuery query) {
		StringBuilder where = new StringBuilder("TRUE");
		if (query.text() != null) {
			where.append(
					" AND (lower(name) LIKE :pattern ESCAPE '\\' OR lower(contact_email) LIKE :pattern ESCAPE '\\')");
		}
		if (query.status() != null) {
			where.append(" AND status = :status");
		}
		return where.toString();
	}

	private static java.util.Map<String, Object> params(ClientQuery query) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		if (query.text() != null) {
			params.put("pattern", SqlLike.containsIgnoringCase(query.text()));
		}
		if (query.status() != null) {
			params.put("status", query.status().name());
		}
		return params;
	}

	/**
	 * Inserts a client unless the name is taken.
	 * @return the new client, or empty when the name exists
	 */
	Optional<Client> insert(String name, String contactEmail) {
		return this.jdbc.sql("""
				INSERT INTO clients (name, contact_email) VALUES (:name, :email)
				ON CONFLICT ((lower(name))) DO NOTHING
				RETURNING %s""".formatted(COLUMNS))
			.param("name", name)
			.param("email", contactEmail)
			.query(Client.class)
			.optional();
	}

	/**
	 * Updates a client.
	 * @return the updated client, or empty when it does not exist
	 */
	Optional<Client> update(long id, String name, String contactEmail, ClientStatus status) {
		return this.jdbc.sql("""
				UPDATE clients SET name = :name, contact_email = :email, status = :status,
				  updated_at = now(), version = version + 1
				WHERE id = :id
				RETURNING %s""".formatted(COLUMNS))
			.param("id", id)
			.param("name", name)
			.param("email", contactEmail)
			.param("status", status.name())
			.query(Client.class)
			.optional();
	}

	boolean nameTakenByOther(String name, long id) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM clients WHERE lower(name) = lower(:name) AND id <> :id)")
			.param("name", name)
			.param("id", id)
			.query(Boolean.class)
			.single();
	}

}
