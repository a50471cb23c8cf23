package io.twilioprovisioning.tenancy;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code client_tenancy}: one row per client that has Twilio resources. A creation in
 * flight is claimed first ({@code *_claimed_at}), so two requests or instances never
 * create two subaccounts or services for one client.
 */
@Repository
class ClientTenancyRepository {

	/** After this, a claim whose holder crashed may be taken over. */
	private static final String CLAIM_EXPIRY = "interval '2 minutes'";

	private final JdbcClient jdbc;

	ClientTenancyRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<ClientTenancy> find(long clientId) {
		return this.jdbc.sql("""
				SELECT client_id, account_sid, account_name, messaging_enabled, messaging_service_sid, address_sid,
				  address_iso_country, bundle_sid
				FROM client_tenancy WHERE client_id = :id""")
			.param("id", clientId)
			.query((rs, n) -> new ClientTenancy(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
					rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.optional();
	}

	ClientTenancy ensure(long clientId, boolean messagingByDefault) {
		this.jdbc.sql("""
				INSERT INTO client_tenancy (client_id, messaging_enabled) VALUES (:id, :messaging)
				ON CONFLICT (client_id) DO NOTHING""")
			.param("id", clientId)
			.param("messaging", messagingByDefault)
			.update();
		return find(clientId).orElseThrow();
	}

	int claimAccount(long clientId) {
		return this.jdbc
			.sql("UPDATE client_tenancy SET account_claimed_at = now() WHERE client_id = :id"
					+ " AND account_sid IS NULL AND (account_claimed_at IS NULL OR account_claimed_at < now() - "
					+ CLAIM_EXPIRY + ")")
			.param("id", clientId)
			.update();
	}

	void setAccount(long clientId, String sid, String name) {
		this.jdbc
			.sql("UPDATE client_tenancy SET account_sid = :sid, account_name = :name, account_claimed_at = NULL,"
					+ " updated_at = now() WHERE client_id = :id")
			.params(Map.of("sid", sid, "name", name, "id", clientId))
			.update();
	}

	void releaseAccountClaim(long clientId) {
		this.jdbc.sql("UPDATE client_tenancy SET account_claimed_at = NULL WHERE client_id = :id")
			.param("id", clientId)
			.update();
	}

	int claimService(long clientId) {
		return this.jdbc.sql("UPDATE client_tenancy SET service_claimed_at = now() WHERE client_id = :id"
				+ " AND messaging_service_sid IS NULL AND (service_claimed_at IS NULL OR service_claimed_at < now() - "
				+ CLAIM_EXPIRY + ")")
			.param("id", clientId)
			.update();
	}

	void setService(long clientId, String sid) {
		this.jdbc
			.sql("UPDATE client_tenancy SET messaging_service_sid = :sid, service_claimed_at = NULL,"
					+ " updated_at = now() WHERE client_id = :id")
			.param("sid", sid)
			.param("id", clientId)
			.update();
	}

	void releaseServiceClaim(long clientId) {
		this.jdbc.sql("UPDATE client_tenancy SET service_claimed_at = NULL WHERE client_id = :id")
			.param("id", clientId)
			.update();
	}

	void setMessaging(long clientId, boolean enabled) {
		this.jdbc
			.sql("UPDATE client_tenancy SET messaging_enabled = :enabled, updated_at = now() WHERE client_id = :id")
			.param("enabled", enabled)
			.param("id", clientId)
			.update();
	}

	void setAddress(long clientId, String sid, String isoCountry) {
		this.jdbc
			.sql("UPDATE client_tenancy SET address_sid = :sid, address_iso_country = :iso, updated_at = now()"
					+ " WHERE client_id = :id")
			.param("sid", sid)
			.param("iso", isoCountry)
			.param("id", clientId)
			.update();
	}

	void setBundle(long clientId, String sid) {
		this.jdbc.sql("UPDATE client_tenancy SET bundle_sid = :sid, updated_at = now() WHERE client_id = :id")
			.param("sid", sid)
			.param("id", clientId)
			.update();
	}

	/**
	 * Every client with a subaccount: client id → account SID.
	 */
	Map<String, Long> clientsByAccount() {
		Map<String, Long> accounts = new java.util.HashMap<>();
		this.jdbc.sql("SELECT client_id, account_sid FROM client_tenancy WHERE account_sid IS NOT NULL")
			.query((rs, n) -> accounts.put(rs.getString(2), rs.getLong(1)))
			.list();
		return accounts;
	}

	List<Long> clientsWithoutAccount() {
		return this.jdbc.sql("SELECT client_id FROM client_tenancy WHERE account_sid IS NULL").query(Long.class).list();
	}

}
