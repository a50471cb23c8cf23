package io.twilioprovisioning.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.twilioprovisioning.platform.SqlLike;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The inventory in PostgreSQL. Every state change is a conditional update on the expected
 * state, so two instances or threads can never both move the same row.
 */
@Repository
class PhoneNumberRepository {

	static final String COLUMNS = """
			id, e164, twilio_sid, friendly_name, state, voice_enabled, sms_enabled, mms_enabled, fax_enabled,
			voice_url, voice_method, voice_fallback_url, sms_url, sms_method, sms_fallback_url, status_callback,
			client_id, requested_area_code, failure_code, failure_reason, purchased_at, released_at, created_at,
			updated_at, version, idempotency_key, request_fingerprint, failure_problem, release_scheduled_at""";

	private static final String LIVE_BY_SIDS_OR_E164S = """
			SELECT p.* FROM unnest(:sids) AS s(sid) CROSS JOIN LATERAL (
			  SELECT %1$s FROM phone_numbers
			  WHERE twilio_sid = s.sid AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING') LIMIT 1) p
			UNION ALL
			SELECT p.* FROM unnest(:e164s) AS e(e164) CROSS JOIN LATERAL (
			  SELECT %1$s FROM phone_numbers
			  WHERE e164 = e.e164 AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING') LIMIT 1) p""".formatted(COLUMNS);

	/**
	 * The text arrays of {@link #insertAdoptedBatch(List)}, named as {@link #ownedParams}
	 * names their values.
	 */
	private static final String[] ADOPTED_TEXT = { "e164", "sid", "friendlyName", "voiceUrl", "voiceMethod",
			"voiceFallbackUrl", "smsUrl", "smsMethod", "smsFallbackUrl", "statusCallback", "purchasedAt" };

	private static final String[] ADOPTED_FLAGS = { "voice", "sms", "mms", "fax" };

	private static final String LOCK_NOT_AVAILABLE = "55P03";

	private static final java.util.regex.Pattern NUMBER_TEXT = java.util.regex.Pattern.compile("[0-9()+\\-. ]+");

	private static final java.util.regex.Pattern SID_TEXT = java.util.regex.Pattern.compile("PN[0-9a-fA-F]{32}");

	private static final int MAX_CLIENT_IDS = 200;

	private static final int MATCHED_DIGITS = 5;

	/**
	 * A number written the way the console shows a North American one, its area code in
	 * parentheses: {@code (415) 55}, {@code (415) 555-01}.
	 */
	private static final java.util.regex.Pattern NATIONAL_START = java.util.regex.Pattern
		.compile("\\(\\d{3}\\)[0-9\\-. ]*");

	/**
	 * The most numbers a search for the start of a number collects and sorts to give its
	 * first page in another order than by number; a broader start walks that order's
	 * index instead (ADR 0034).
	 */
	static final int SORTED_PREFIX_MATCHES = 20_000;

	/**
	 * The most numbers a start of a number may leave room for to be collected and sorted
	 * without counting its matches first (ADR 0034).
	 */
	static final int UNCOUNTED_PREFIX_NUMBERS = 100_000;

	private static final RowMapper<Row> ROW = PhoneNumberRepository::mapRow;

	private final JdbcClient jdbc;

	private final javax.sql.DataSource dataSource;

	PhoneNumberRepository(JdbcClient jdbc, javax.sql.DataSource dataSource) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
	}

	Optional<Row> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE id = :id")
			.param("id", id)
			.query(ROW)
			.optional();
	}

	/**
	 * Locks the row for this transaction, or fails at once when another transaction holds
	 * it.
	 * @throws org.springframework.dao.CannotAcquireLockException when the row is locked
	 */
	Optional<Row> findByIdForUpdateNoWait(long id) {
		try {
			return this.jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE id = :id FOR UPDATE NOWAIT")
				.param("id", id)
				.query(ROW)
				.optional();
		}
		catch (org.springframework.dao.DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof SQLException sql && LOCK_NOT_AVAILABLE.equals(sql.getSQLState())) {
				throw new org.springframework.dao.CannotAcquireLockException("Row " + id + " is locked", ex);
			}
			throw ex;
		}
	}

	Optional<Row> findByIdempotencyKey(String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE idempotency_key = :key")
			.param("key", key)
			.query(ROW)
			.optional();
	}

	Optional<Row> findLiveByE164(String e164) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE e164 = :e164"
					+ " AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING')")
			.param("e164", e164)
			.query(ROW)
			.optional();
	}

	Optional<Row> findLiveBySid(String sid) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE twilio_sid = :sid"
					+ " AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING')")
			.param("sid", sid)
			.query(ROW)
			.optional();
	}

	/**
	 * The live rows holding any of the SIDs or numbers, in one query (sync looks up one
	 * Twilio page at a time); a row holding both may come twice. Each value is looked up
	 * on its own ({@code LATERAL … LIMIT 1}: at most one live row holds a SID or a
	 * number), so the plan is one index search per value whatever the table's statistics
	 * say. Other shapes let the planner compare every row with the page's values: a list
	 * of 2,000 bound parameters (630 ms a page at 10,000 tracked numbers), and joining
	 * {@code unnest} of each array or {@code = ANY} while an adopt job fills a table
	 * whose statistics say it is empty (a hash of the whole table or a sequential scan:
	 * 14 to 234 ms a page against 2 ms; docs/benchmarks.md section 8).
	 */
	List<Row> findLiveBySidsOrE164s(List<String> sids, List<String> e164s) {
		if (sids.isEmpty() && e164s.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql(LIVE_BY_SIDS_OR_E164S)
			.param("sids", new SqlArrayValue("text", sids.toArray()))
			.param("e164s", new SqlArrayValue("text", e164s.toArray()))
			.query(ROW)
			.list();
	}

	/**
	 * Hands the id, SID, number and friendly name of every active number created before
	 * the given instant to the consumer, through a database cursor (run it in a
	 * transaction).
	 */
	void forEachActiveCreatedBefore(Instant before, java.util.function.Consumer<SyncItem> consumer) {
		org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(
				this.dataSource);
		template.setFetchSize(1000);
		template.query("""
				SELECT id, e164, twilio_sid, friendly_name FROM phone_numbers
				WHERE state = 'ACTIVE' AND created_at < ? ORDER BY id""", (ResultSet rs) -> {
			consumer.accept(new SyncItem(rs.getString("e164"), rs.getString("twilio_sid"),
					rs.getString("friendly_name"), rs.getLong("id")));
		}, Timestamp.from(before));
	}

	/**
	 * Closes an active number that Twilio no longer has: released, without its client.
	 * @return 1 when closed, 0 when the row was no longer active
	 */
	int markGone(long id) {
		return this.jdbc
			.sql("""
					UPDATE phone_numbers SET state = 'RELEASED', released_at = now(), client_id = NULL, release_scheduled_at = NULL,
					  updated_at = now(), version = version + 1
					WHERE id = :id AND state = 'ACTIVE'""")
			.param("id", id)
			.update();
	}

	/**
	 * The latest row of a number or SID, live or not.
	 */
	Optional<Row> findLatest(String e164, String sid) {
		String where = (e164 != null) ? "e164 = :key" : "twilio_sid = :key";
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE " + where
				+ " ORDER BY (state IN ('PURCHASING', 'ACTIVE', 'RELEASING')) DESC, created_at DESC, id DESC LIMIT 1")
			.param("key", (e164 != null) ? e164 : sid)
			.query(ROW)
			.optional();
	}

	/**
	 * Records a purchase intent.
	 * @return the new row's id
	 */
	long insertPurchasing(String e164, String areaCode, long clientId, String friendlyName, String idempotencyKey,
			String fingerprint) {
		return insertPurchasing(e164, areaCode, clientId, friendlyName, idempotencyKey, fingerprint, null);
	}

	/**
	 * Records a purchase intent in an account ({@code null}: the main one).
	 */
	long insertPurchasing(String e164, String areaCode, long clientId, String friendlyName, String idempotencyKey,
			String fingerprint, String accountSid) {
		return this.jdbc.sql("""
				INSERT INTO phone_numbers (state, e164, requested_area_code, client_id, friendly_name, idempotency_key,
				  request_fingerprint, account_sid)
				VALUES ('PURCHASING', :e164, :areaCode, :clientId, :friendlyName, :key, :fingerprint, :account)
				RETURNING id""")
			.param("account", accountSid)
			.param("e164", e164)
			.param("areaCode", areaCode)
			.param("clientId", clientId)
			.param("friendlyName", friendlyName)
			.param("key", idempotencyKey)
			.param("fingerprint", fingerprint)
			.query(Long.class)
			.single();
	}

	/**
	 * The Twilio account a number lives in; {@code null} is the main account.
	 */
	String accountSid(long id) {
		return this.jdbc.sql("SELECT account_sid FROM phone_numbers WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap((account) -> account)
			.orElse(null);
	}

	void setAccount(long id, String accountSid) {
		this.jdbc.sql("UPDATE phone_numbers SET account_sid = :account, updated_at = now() WHERE id = :id")
			.param("account", accountSid)
			.param("id", id)
			.update();
	}

	/**
	 * A transfer in flight: the target account and client, or empty.
	 */
	Optional<Transfer> transfer(long id) {
		return this.jdbc
			.sql("SELECT account_sid, transfer_to_account, transfer_to_client FROM phone_numbers WHERE id = :id"
					+ " AND transfer_to_account IS NOT NULL")
			.param("id", id)
			.query((rs, n) -> new Transfer(rs.getString("account_sid"), rs.getString("transfer_to_account"),
					rs.getLong("transfer_to_client")))
			.optional();
	}

	/**
	 * Records the intent of a transfer on an active row with no transfer in flight.
	 * @return 1 when recorded
	 */
	int startTransfer(long id, String toAccount, long toClient) {
		return this.jdbc
			.sql("UPDATE phone_numbers SET transfer_to_account = :account, transfer_to_client = :client,"
					+ " updated_at = now() WHERE id = :id AND state = 'ACTIVE' AND transfer_to_account IS NULL")
			.param("account", toAccount)
			.param("client", toClient)
			.param("id", id)
			.update();
	}

	/**
	 * Ends a transfer: moved (the number's account changes) or not.
	 */
	int endTransfer(long id, String accountSid, boolean moved) {
		return this.jdbc
			.sql("UPDATE phone_numbers SET transfer_to_account = NULL, transfer_to_client = NULL,"
					+ (moved ? " account_sid = :account," : "") + " updated_at = now()"
					+ " WHERE id = :id AND transfer_to_account IS NOT NULL")
			.param("account", accountSid)
			.param("id", id)
			.update();
	}

	/**
	 * Rows whose transfer has been in flight since before the given instant.
	 */
	List<Long> findTransfersOlderThan(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT id FROM phone_numbers WHERE transfer_to_account IS NOT NULL AND updated_at < :before"
					+ " ORDER BY updated_at LIMIT :limit")
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * The distinct accounts active numbers live in ({@code null} for the main account).
	 */
	List<String> accountsInUse() {
		return this.jdbc.sql("SELECT DISTINCT account_sid FROM phone_numbers WHERE state = 'ACTIVE'")
			.query((rs, n) -> Optional.ofNullable(rs.getString(1)))
			.list()
			.stream()
			.map((account) -> account.orElse(null))
			.toList();
	}

	/**
	 * The active numbers of an account ({@code null}: the main one), by SID.
	 */
	Set<String> activeSidsIn(String accountSid) {
		return new HashSet<>(this.jdbc
			.sql("SELECT twilio_sid FROM phone_numbers WHERE state = 'ACTIVE' AND account_sid IS NOT DISTINCT FROM"
					+ " :account")
			.param("account", accountSid)
			.query(String.class)
			.list());
	}

	/**
	 * A transfer in flight.
	 *
	 * @param fromAccount the account the number lives in ({@code null}: the main one)
	 * @param toAccount the gaining account
	 * @param toClient the gaining client
	 */
	record Transfer(String fromAccount, String toAccount, long toClient) {

	}

	/**
	 * Inserts a number found in Twilio that was not tracked, as active and unassigned.
	 */
	long insertAdopted(OwnedNumber owned) {
		Map<String, Object> params = ownedParams(owned);
		return this.jdbc
			.sql("""
					INSERT INTO phone_numbers (state, e164, twilio_sid, friendly_name, voice_enabled, sms_enabled, mms_enabled,
					  fax_enabled, voice_url, voice_method, voice_fallback_url, sms_url, sms_method, sms_fallback_url,
					  status_callback, purchased_at)
					VALUES ('ACTIVE', :e164, :sid, :friendlyName, :voice, :sms, :mms, :fax, :voiceUrl, :voiceMethod,
					  :voiceFallbackUrl, :smsUrl, :smsMethod, :smsFallbackUrl, :statusCallback, :purchasedAt)
					RETURNING id""")
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Inserts the numbers as adopted in one statement over one array per column (the
	 * statement's text and its 16 parameters do not grow with the chunk), leaving out any
	 * that a live row tracks already (by SID or number; the partial unique indexes
	 * decide, so a number tracked meanwhile by another transaction, or listed twice, is
	 * left out too).
	 * @return the rows inserted
	 */
	List<Row> insertAdoptedBatch(List<OwnedNumber> owned) {
		if (owned.isEmpty()) {
			return List.of();
		}
		int size = owned.size();
		String[][] text = new String[ADOPTED_TEXT.length][size];
		Boolean[][] flags = new Boolean[ADOPTED_FLAGS.length][size];
		for (int i = 0; i < size; i++) {
			Map<String, Object> params = ownedParams(owned.get(i));
			for (int column = 0; column < ADOPTED_TEXT.length; column++) {
				Object value = params.get(ADOPTED_TEXT[column]);
				text[column][i] = (value instanceof Timestamp timestamp) ? timestamp.toInstant().toString()
						: (String) value;
			}
			for (int column = 0; column < ADOPTED_FLAGS.length; column++) {
				flags[column][i] = (Boolean) params.get(ADOPTED_FLAGS[column]);
			}
		}
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("""
					INSERT INTO phone_numbers (state, e164, twilio_sid, friendly_name, voice_enabled, sms_enabled, mms_enabled,
					  fax_enabled, voice_url, voice_method, voice_fallback_url, sms_url, sms_method, sms_fallback_url,
					  status_callback, purchased_at)
					SELECT 'ACTIVE', n.e164, n.sid, n.friendly_name, n.voice, n.sms, n.mms, n.fax, n.voice_url, n.voice_method,
					  n.voice_fallback_url, n.sms_url, n.sms_method, n.sms_fallback_url, n.status_callback,
					  CAST(n.purchased_at AS timestamptz)
					FROM unnest(:e164, :sid, :friendlyName, :voiceUrl, :voiceMethod, :voiceFallbackUrl, :smsUrl, :smsMethod,
					  :smsFallbackUrl, :statusCallback, :purchasedAt, :voice, :sms, :mms, :fax) WITH ORDINALITY
					  AS n(e164, sid, friendly_name, voice_url, voice_method, voice_fallback_url, sms_url, sms_method,
					       sms_fallback_url, status_callback, purchased_at, voice, sms, mms, fax, position)
					ORDER BY n.position
					ON CONFLICT DO NOTHING
					RETURNING\s"""
					+ COLUMNS);
		for (int i = 0; i < ADOPTED_TEXT.length; i++) {
			statement = statement.param(ADOPTED_TEXT[i], new SqlArrayValue("text", (Object[]) text[i]));
		}
		for (int i = 0; i < ADOPTED_FLAGS.length; i++) {
			statement = statement.param(ADOPTED_FLAGS[i], new SqlArrayValue("boolean", (Object[]) flags[i]));
		}
		return statement.query(ROW).list();
	}

	int setE164(long id, String e164) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET e164 = :e164, updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'PURCHASING'""").param("id", id).param("e164", e164).update();
	}

	/**
	 * Moves a purchasing row to active with what Twilio reported.
	 * @return 1 when moved, 0 when the row was no longer purchasing
	 */
	int markActive(long id, OwnedNumber owned) {
		Map<String, Object> params = ownedParams(owned);
		params.put("id", id);
		return this.jdbc
			.sql("""
					UPDATE phone_numbers SET state = 'ACTIVE', e164 = :e164, twilio_sid = :sid, friendly_name = :friendlyName,
					  voice_enabled = :voice, sms_enabled = :sms, mms_enabled = :mms, fax_enabled = :fax,
					  voice_url = :voiceUrl, voice_method = :voiceMethod, voice_fallback_url = :voiceFallbackUrl,
					  sms_url = :smsUrl, sms_method = :smsMethod, sms_fallback_url = :smsFallbackUrl,
					  status_callback = :statusCallback, purchased_at = coalesce(:purchasedAt, now()),
					  failure_code = NULL, failure_reason = NULL, updated_at = now(), version = version + 1
					WHERE id = :id AND state = 'PURCHASING'""")
			.params(params)
			.update();
	}

	/**
	 * Closes a purchase that bought nothing.
	 * @param code Twilio's error code, only when Twilio sent one
	 * @param reason the explanation
	 * @param problem the problem slug the caller got, so a replay answers the same
	 * @return 1 when closed, 0 when the row was no longer purchasing
	 */
	int markFailed(long id, Integer code, String reason, String problem) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET state = 'FAILED', failure_code = :code, failure_reason = :reason,
				  failure_problem = :problem, client_id = NULL, updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'PURCHASING'""")
			.param("id", id)
			.param("code", code)
			.param("reason", truncate(reason, 500))
			.param("problem", problem)
			.update();
	}

	/**
	 * Which of the numbers have a live row (being bought, owned or being released).
	 */
	Set<String> findLiveE164s(Collection<String> e164s) {
		if (e164s.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(this.jdbc
			.sql("SELECT e164 FROM phone_numbers WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING')"
					+ " AND e164 IN (:e164s)")
			.param("e164s", e164s)
			.query(String.class)
			.list());
	}

	/**
	 * Stores the webhooks Twilio applied; the friendly name is left alone (a concurrent
	 * reassignment may just have changed it).
	 */
	int updateWebhooks(long id, WebhookConfig webhooks) {
		Map<String, Object> params = webhookParams(webhooks);
		params.put("id", id);
		return this.jdbc.sql("""
				UPDATE phone_numbers SET voice_url = :voiceUrl, voice_method = :voiceMethod,
				  voice_fallback_url = :voiceFallbackUrl, sms_url = :smsUrl, sms_method = :smsMethod,
				  sms_fallback_url = :smsFallbackUrl, status_callback = :statusCallback,
				  updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'ACTIVE'""").params(params).update();
	}

	int setFriendlyName(long id, String friendlyName) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET friendly_name = :friendlyName, updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'ACTIVE'""").param("id", id).param("friendlyName", friendlyName).update();
	}

	int assignClient(long id, Long clientId, long expectedVersion) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET client_id = :clientId, updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'ACTIVE' AND version = :version""")
			.param("id", id)
			.param("clientId", clientId)
			.param("version", expectedVersion)
			.update();
	}

	int markReleasing(long id) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET state = 'RELEASING', updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'ACTIVE'""").param("id", id).update();
	}

	/**
	 * Schedules the release of an active number not scheduled yet.
	 * @return 1 when scheduled
	 */
	int scheduleRelease(long id, Instant at, String actor) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET release_scheduled_at = :at, release_scheduled_by = :actor, updated_at = now(),
				version = version + 1
				WHERE id = :id AND state = 'ACTIVE' AND release_scheduled_at IS NULL""")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("actor", actor)
			.update();
	}

	/**
	 * Cancels a scheduled release of a number still active.
	 * @return 1 when cancelled
	 */
	int undoRelease(long id) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET release_scheduled_at = NULL, release_scheduled_by = NULL, updated_at = now(),
				version = version + 1
				WHERE id = :id AND state = 'ACTIVE' AND release_scheduled_at IS NOT NULL""").param("id", id).update();
	}

	/**
	 * Active numbers whose scheduled release is due, oldest first.
	 */
	List<Long> releaseDue(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM phone_numbers WHERE state = 'ACTIVE' AND release_scheduled_at <= :now
				ORDER BY release_scheduled_at, id LIMIT :limit""")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

	/**
	 * Moves a number whose scheduled release is due to {@code RELEASING}: the guard that
	 * lets only one instance release it, and that loses to an Undo that came first.
	 * @return 1 when moved
	 */
	int markReleasingIfDue(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE phone_numbers SET state = 'RELEASING', updated_at = now(), version = version + 1
				WHERE id = :id AND state = 'ACTIVE' AND release_scheduled_at <= :now""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.update();
	}

	int markReleased(long id) {
		return this.jdbc
			.sql("""
					UPDATE phone_numbers SET state = 'RELEASED', released_at = now(), client_id = NULL, release_scheduled_at = NULL,
					  updated_at = now(), version = version + 1
					WHERE id = :id AND state = 'RELEASING'""")
			.param("id", id)
			.update();
	}

	/**
	 * Touches a row that stays in flight, so recovery waits before looking at it again.
	 */
	void touch(long id) {
		this.jdbc.sql("UPDATE phone_numbers SET updated_at = now() WHERE id = :id").param("id", id).update();
	}

	List<Row> findInFlightOlderThan(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM phone_numbers WHERE state IN ('PURCHASING', 'RELEASING')"
					+ " AND updated_at < :before ORDER BY updated_at LIMIT :limit")
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query(ROW)
			.list();
	}

	void openAssignment(long numberId, long clientId, String actor) {
		this.jdbc.sql("""
				INSERT INTO number_assignments (phone_number_id, client_id, assigned_by)
				VALUES (:numberId, :clientId, :actor)""")
			.param("numberId", numberId)
			.param("clientId", clientId)
			.param("actor", actor)
			.update();
	}

	void closeAssignment(long numberId, String actor) {
		this.jdbc.sql("""
				UPDATE number_assignments SET unassigned_at = now(), unassigned_by = :actor
				WHERE phone_number_id = :numberId AND unassigned_at IS NULL""")
			.param("numberId", numberId)
			.param("actor", actor)
			.update();
	}

	List<Assignment> assignments(long numberId) {
		return this.jdbc.sql("""
				SELECT client_id, assigned_at, assigned_by, unassigned_at, unassigned_by
				FROM number_assignments WHERE phone_number_id = :numberId ORDER BY assigned_at, id""")
			.param("numberId", numberId)
			.query(Assignment.class)
			.list();
	}

	long countInFlightOlderThan(Instant before) {
		return this.jdbc.sql(
				"SELECT count(*) FROM phone_numbers WHERE state IN ('PURCHASING', 'RELEASING') AND updated_at < :before")
			.param("before", Timestamp.from(before))
			.query(Long.class)
			.single();
	}

	Map<PhoneNumberState, Long> countByState() {
		Map<PhoneNumberState, Long> counts = new HashMap<>();
		this.jdbc.sql("SELECT state, count(*) AS n FROM phone_numbers GROUP BY state")
			.query((rs, i) -> counts.put(PhoneNumberState.valueOf(rs.getString("state")), rs.getLong("n")))
			.list();
		return counts;
	}

	/**
	 * How many numbers the client holds: being bought, owned or being released.
	 */
	long countLiveHeldBy(long clientId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM phone_numbers
				WHERE client_id = :clientId AND state IN ('PURCHASING', 'ACTIVE', 'RELEASING')""")
			.param("clientId", clientId)
			.query(Long.class)
			.single();
	}

	long countActiveAssigned() {
		return this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE state = 'ACTIVE' AND client_id IS NOT NULL")
			.query(Long.class)
			.single();
	}

	long countActiveWithWebhooksOtherThan(WebhookConfig policy) {
		Map<String, Object> params = webhookParams(policy);
		return this.jdbc.sql("""
				SELECT count(*) FROM phone_numbers WHERE state = 'ACTIVE' AND (
				  voice_url IS DISTINCT FROM :voiceUrl OR sms_url IS DISTINCT FROM :smsUrl
				  OR status_callback IS DISTINCT FROM :statusCallback
				  OR coalesce(voice_method, 'POST') IS DISTINCT FROM coalesce(:voiceMethod, 'POST')
				  OR coalesce(sms_method, 'POST') IS DISTINCT FROM coalesce(:smsMethod, 'POST'))""")
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * One page of the inventory by offset, filtered and sorted in the database (only for
	 * shallow pages: the offset is walked).
	 */
	List<Keyed> search(NumberQuery query, int limit, long offset) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params, List.of());
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc.sql(ordered(query, where, query.sort().descending(), " LIMIT :limit OFFSET :offset"))
			.params(params)
			.query(keyed(query.sort()))
			.list();
	}

	/**
	 * Up to {@code limit} rows that come after a position in the given direction of the
	 * query's sort field, in that direction (keyset paging, docs/adr/0021). Each part of
	 * the walk is a range scan of the sort index: rows with no value for the field are
	 * walked as their own part (PostgreSQL puts them last ascending, first descending),
	 * so no part needs an {@code OR} the index cannot serve.
	 * @param afterKey the sort key at the position, {@code null} when that row had none
	 * @param afterId the id at the position, or {@code null} to start at the beginning
	 */
	List<Keyed> seek(NumberQuery query, boolean descending, String afterKey, Long afterId, int limit) {
		NumberSort.Field field = query.sort().field();
		String column = field.column();
		List<Keyed> rows = new ArrayList<>();
		if (afterId == null) {
			return part(query, descending, List.of(), Map.of(), limit);
		}
		if (afterKey != null) {
			Map<String, Object> position = Map.of("afterKey", keyParam(field, afterKey), "afterId", afterId);
			String seekCondition = "(" + column + ", id) " + (descending ? "<" : ">") + " (:afterKey, :afterId)";
			rows.addAll(part(query, descending, List.of(seekCondition), position, limit));
			if (field.nullable() && !descending && rows.size() < limit) {
				rows.addAll(part(query, descending, List.of(column + " IS NULL"), Map.of(), limit - rows.size()));
			}
			return rows;
		}
		Map<String, Object> position = Map.of("afterId", afterId);
		rows.addAll(part(query, descending,
				List.of(column + " IS NULL", "id " + (descending ? "<" : ">") + " :afterId"), position, limit));
		if (descending && rows.size() < limit) {
			rows.addAll(part(query, descending, List.of(column + " IS NOT NULL"), Map.of(), limit - rows.size()));
		}
		return rows;
	}

	private List<Keyed> part(NumberQuery query, boolean descending, List<String> extra, Map<String, Object> position,
			int limit) {
		Statement statement = partStatement(query, descending, extra, position, limit);
		return this.jdbc.sql(statement.sql()).params(statement.params()).query(keyed(query.sort())).list();
	}

	/**
	 * The statement {@link #seek} sends for one part of its walk (the tests explain it).
	 */
	Statement partStatement(NumberQuery query, boolean descending, List<String> extra, Map<String, Object> position,
			int limit) {
		Map<String, Object> params = new HashMap<>(position);
		String where = where(query, params, extra);
		params.put("limit", limit);
		return new Statement(ordered(query, where, descending, " LIMIT :limit"), params);
	}

	private static String select(NumberSort sort) {
		return "SELECT " + COLUMNS + ", " + sort.field().column() + " AS sort_key FROM phone_numbers";
	}

	/**
	 * The rows of a page in order, before its LIMIT. A search for digits anywhere in the
	 * number ({@link #findsByMatches}) is ordered by an expression no index serves, so
	 * the planner collects its matches through the trigram index and keeps the top of
	 * them (a top-N sort); so is a search for the start of a number whose matches are few
	 * enough ({@link #sortsPrefixMatches}), collected from the range of the covering
	 * {@code phone_numbers_live_e164} index. Every other list walks the index of its
	 * order and stops at the LIMIT. Left to itself the planner walks the order's index
	 * for such a search too, assuming the matches are spread evenly along it, and reads
	 * most of the inventory when they lie together far from its start (numbers bought
	 * together share their leading digits and their age): 0.9 s for {@code (203) 24} at
	 * 1,000,000 numbers, 16 ms by its matches (docs/benchmarks.md §6). The matches are
	 * sorted by their ids and sort keys alone and only the page's rows are read whole, so
	 * a range of the covering index is sorted without reading its rows (3 ms for 14,000
	 * where reading them took 14 ms).
	 */
	private String ordered(NumberQuery query, String where, boolean descending, String limit) {
		String orderBy = query.sort().orderBy(descending);
		if (findsByMatches(query.text()) || sortsPrefixMatches(query)) {
			return select(query.sort()) + " WHERE id IN (SELECT id FROM phone_numbers" + where + " ORDER BY "
					+ query.sort().orderByMatches(descending) + limit + ") ORDER BY " + orderBy;
		}
		return select(query.sort()) + where + " ORDER BY " + orderBy + limit;
	}

	/**
	 * Whether the text is a search for at least {@value #MATCHED_DIGITS} digits anywhere
	 * in the number: those match a small share of any inventory (a few per number in
	 * 10,000 at random, one in a hundred for an area code and exchange), so collecting
	 * them all is cheap. Fewer digits can match most of the inventory; those walk the
	 * order's index.
	 */
	static boolean findsByMatches(@Nullable String text) {
		return text != null && NUMBER_TEXT.matcher(text).matches() && numberPrefix(text) == null
				&& text.replaceAll("[^0-9]", "").length() >= MATCHED_DIGITS;
	}

	/**
	 * The start of the E.164 number that the text searches for, or {@code null} when it
	 * searches for digits anywhere or for a name: text that starts with {@code +}
	 * ({@code +1 415 55}) is the start of the number; text written as the console shows a
	 * North American number, its area code in parentheses ({@code (415) 55}), is the
	 * start of the number after {@code +1} (ADR 0034).
	 */
	static @Nullable String numberPrefix(String text) {
		if (!NUMBER_TEXT.matcher(text).matches()) {
			return null;
		}
		String digits = text.replaceAll("[^0-9]", "");
		if (digits.isEmpty()) {
			return null;
		}
		if (text.startsWith("+")) {
			return "+" + digits;
		}
		return NATIONAL_START.matcher(text.strip()).matches() ? "+1" + digits : null;
	}

	/**
	 * Whether a search for the start of a number, listed in another order than by number,
	 * collects its matches and sorts them: when at most {@value #SORTED_PREFIX_MATCHES}
	 * live numbers start so, or always when the start leaves room for at most
	 * {@value #UNCOUNTED_PREFIX_NUMBERS} numbers (six digits after {@code +1}: an area
	 * code and the exchange's first two), which are not counted. Those are one range of
	 * the covering live-number index, read without the rows (~2.5 ms for 14,000, ~20 ms
	 * for 100,000), where the walk of the order's index reads all the newer numbers first
	 * when the matches are old.
	 */
	private boolean sortsPrefixMatches(NumberQuery query) {
		String prefix = (query.text() != null) ? numberPrefix(query.text()) : null;
		if (prefix == null || query.sort().field() == NumberSort.Field.PHONE_NUMBER) {
			return false;
		}
		int freeDigits = (prefix.startsWith("+1") ? 11 : 15) - (prefix.length() - 1);
		if (freeDigits <= 0 || Math.pow(10, freeDigits) <= UNCOUNTED_PREFIX_NUMBERS) {
			return true;
		}
		long live = this.jdbc.sql("""
				SELECT count(*) FROM (SELECT 1 FROM phone_numbers
				  WHERE state IN ('PURCHASING', 'ACTIVE', 'RELEASING') AND e164 >= :prefix AND e164 < :prefixEnd
				  LIMIT :cap) AS capped""")
			.param("prefix", prefix)
			.param("prefixEnd", prefix + ":")
			.param("cap", SORTED_PREFIX_MATCHES + 1)
			.query(Long.class)
			.single();
		return live <= SORTED_PREFIX_MATCHES;
	}

	private static Object keyParam(NumberSort.Field field, String key) {
		return field.timestamp() ? Timestamp.from(Instant.parse(key)) : key;
	}

	private static RowMapper<Keyed> keyed(NumberSort sort) {
		boolean timestamp = sort.field().timestamp();
		return (rs, i) -> {
			String key;
			if (timestamp) {
				Timestamp value = rs.getTimestamp("sort_key");
				key = (value != null) ? value.toInstant().toString() : null;
			}
			else {
				key = rs.getString("sort_key");
			}
			return new Keyed(mapRow(rs, i), key);
		};
	}

	/**
	 * How many rows match, counting no further than {@code cap + 1}: the count never
	 * walks more than that many index entries, whatever the size of the inventory.
	 * @return the count, {@code cap + 1} meaning "more than the cap"
	 */
	long countUpTo(NumberQuery query, long cap) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params, List.of());
		params.put("cap", cap + 1);
		return this.jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM phone_numbers" + where + " LIMIT :cap) AS capped")
			.params(params)
			.query(Long.class)
			.single();
	}

	/**
	 * Hands every matching row to the consumer, read through a database cursor so memory
	 * stays flat however many rows match.
	 */
	void forEach(NumberQuery query, java.util.function.Consumer<TrackedNumber> consumer) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params, List.of());
		org.springframework.jdbc.core.JdbcTemplate template = new org.springframework.jdbc.core.JdbcTemplate(
				this.dataSource);
		template.setFetchSize(1000);
		new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(template).query(
				"SELECT " + COLUMNS + " FROM phone_numbers" + where + " ORDER BY " + query.sort().orderBy(), params,
				(java.sql.ResultSet rs) -> {
					consumer.accept(mapRow(rs, 0).number());
				});
	}

	private String where(NumberQuery query, Map<String, Object> params, List<String> extra) {
		List<String> conditions = new ArrayList<>(extra);
		if (query.clientId() != null) {
			conditions.add("client_id = :clientId");
			params.put("clientId", query.clientId());
		}
		if (query.state() != null) {
			conditions.add("state = :state");
			params.put("state", query.state().name());
		}
		else if (!query.includeClosed()) {
			conditions.add("state IN ('PURCHASING', 'ACTIVE', 'RELEASING')");
		}
		if (query.text() != null) {
			conditions.add(textCondition(query.text(), params));
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	/**
	 * Text that is only a number ({@code 415555}, {@code 415-55}) looks for those digits
	 * anywhere in {@code e164} (trigram index, V2); one that starts with {@code +}
	 * ({@code +1 415}) or with an area code in parentheses ({@code (415) 55}) is the
	 * start of the number ({@link #numberPrefix}), a range of the e164 index. Other text
	 * looks for the client's name (trigram index on {@code clients}, V13) and reaches the
	 * numbers by their client ids, which the friendly name follows (ADR 0011); only when
	 * it names no client does it look in the friendly names (a renamed number), since
	 * that trigram index reads every number whose name shares the text's common trigrams
	 * (docs/adr/0019). An exact SID is found either way.
	 */
	private String textCondition(String text, Map<String, Object> params) {
		String digits = text.replaceAll("[^0-9]", "");
		boolean numberOnly = NUMBER_TEXT.matcher(text).matches();
		String prefix = numberPrefix(text);
		List<String> any = new ArrayList<>();
		if (prefix != null) {
			// The start of an E.164 number: a range of the e164 index (C.UTF-8 and every
			// collation order ASCII digits after '+' and before ':'), the LIKE keeps it
			// exact.
			any.add("(e164 >= :prefix AND e164 < :prefixEnd AND e164 LIKE :prefixLike)");
			params.put("prefix", prefix);
			params.put("prefixEnd", prefix + ":");
			params.put("prefixLike", prefix + "%");
		}
		else if (numberOnly && digits.length() >= 3) {
			any.add("e164 LIKE :digits");
			params.put("digits", "%" + digits + "%");
		}
		else {
			params.put("like", SqlLike.containsIgnoringCase(text));
			String byClient = clientNameCondition(params);
			any.add((byClient != null) ? byClient : "lower(friendly_name) LIKE :like ESCAPE '\\'");
		}
		if (SID_TEXT.matcher(text).matches()) {
			any.add("twilio_sid = :sid");
			params.put("sid", text);
		}
		return "(" + String.join(" OR ", any) + ")";
	}

	/**
	 * The numbers of the clients whose name matches: by their ids when there are few (one
	 * range scan of the client index each), else as a subquery (a broad text matches many
	 * rows, which the walk of the sort index finds soon); {@code null} when no client's
	 * name matches.
	 */
	private @Nullable String clientNameCondition(Map<String, Object> params) {
		List<Long> ids = this.jdbc
			.sql("SELECT id FROM clients WHERE lower(name) LIKE :like ESCAPE '\\' LIMIT " + (MAX_CLIENT_IDS + 1))
			.param("like", params.get("like"))
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			return null;
		}
		if (ids.size() <= MAX_CLIENT_IDS) {
			params.put("nameClientIds", ids);
			return "client_id IN (:nameClientIds)";
		}
		return "client_id IN (SELECT c.id FROM clients c WHERE lower(c.name) LIKE :like ESCAPE '\\')";
	}

	private static String truncate(String text, int max) {
		return (text == null || text.length() <= max) ? text : text.substring(0, max);
	}

	private static Map<String, Object> ownedParams(OwnedNumber owned) {
		Map<String, Object> params = webhookParams(owned.webhooks());
		params.put("e164", owned.phoneNumber().value());
		params.put("sid", owned.sid());
		params.put("friendlyName", truncate(owned.friendlyName(), 64));
		Capabilities capabilities = (owned.capabilities() != null) ? owned.capabilities() : Capabilities.NONE;
		params.put("voice", capabilities.voice());
		params.put("sms", capabilities.sms());
		params.put("mms", capabilities.mms());
		params.put("fax", capabilities.fax());
		params.put("purchasedAt", (owned.createdAt() != null) ? Timestamp.from(owned.createdAt()) : null);
		return params;
	}

	private static Map<String, Object> webhookParams(WebhookConfig webhooks) {
		WebhookConfig config = (webhooks != null) ? webhooks : WebhookConfig.NONE;
		Map<String, Object> params = new HashMap<>();
		params.put("voiceUrl", config.voiceUrl());
		params.put("voiceMethod", (config.voiceMethod() != null) ? config.voiceMethod().name() : null);
		params.put("voiceFallbackUrl", config.voiceFallbackUrl());
		params.put("smsUrl", config.smsUrl());
		params.put("smsMethod", (config.smsMethod() != null) ? config.smsMethod().name() : null);
		params.put("smsFallbackUrl", config.smsFallbackUrl());
		params.put("statusCallback", config.statusCallback());
		return params;
	}

	private static Row mapRow(ResultSet rs, int rowNum) throws SQLException {
		String e164 = rs.getString("e164");
		TrackedNumber number = new TrackedNumber(rs.getLong("id"), (e164 != null) ? new E164Number(e164) : null,
				rs.getString("twilio_sid"), rs.getString("friendly_name"),
				PhoneNumberState.valueOf(rs.getString("state")),
				new Capabilities(rs.getBoolean("voice_enabled"), rs.getBoolean("sms_enabled"),
						rs.getBoolean("mms_enabled"), rs.getBoolean("fax_enabled")),
				new WebhookConfig(rs.getString("voice_url"), method(rs.getString("voice_method")),
						rs.getString("voice_fallback_url"), rs.getString("sms_url"), method(rs.getString("sms_method")),
						rs.getString("sms_fallback_url"), rs.getString("status_callback")),
				rs.getObject("client_id", Long.class), rs.getString("requested_area_code"),
				rs.getObject("failure_code", Integer.class), rs.getString("failure_reason"),
				instant(rs, "purchased_at"), instant(rs, "released_at"), instant(rs, "created_at"),
				instant(rs, "updated_at"), rs.getLong("version"), instant(rs, "release_scheduled_at"));
		return new Row(number, rs.getString("idempotency_key"), rs.getString("request_fingerprint"),
				rs.getString("failure_problem"));
	}

	private static WebhookMethod method(String value) {
		return (value != null) ? WebhookMethod.valueOf(value) : null;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A row: the number and the purchase bookkeeping that stays inside the module.
	 */
	record Row(TrackedNumber number, String idempotencyKey, String fingerprint, String failureProblem) {

	}

	/**
	 * A statement with named parameters.
	 */
	record Statement(String sql, Map<String, Object> params) {

	}

	/**
	 * A row with its key in the list's order, for the cursor that points at it.
	 */
	record Keyed(Row row, String key) {

	}

	/**
	 * One period during which a client had a number.
	 */
	record Assignment(long clientId, Instant assignedAt, String assignedBy, Instant unassignedAt, String unassignedBy) {

	}

}
