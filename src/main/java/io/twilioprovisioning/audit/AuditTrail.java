package io.twilioprovisioning.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.twilioprovisioning.numbers.NumberEvent;
import io.twilioprovisioning.numbers.NumbersAdopted;
import io.twilioprovisioning.platform.Cursor;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.platform.Keyset;
import io.twilioprovisioning.platform.PageRequest;
import io.twilioprovisioning.platform.PageResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends every lifecycle event to the audit trail, in the transaction of the change it
 * records, and pages the trail with filters. Entries are never updated or deleted (the
 * table refuses it).
 */
@Service
public class AuditTrail {

	static final List<String> ACTIONS = List.of("PURCHASE", "CONFIGURE", "REASSIGN", "RENAME", "RELEASE", "ADOPT",
			"RECONCILE", "SANDBOX_RESET", "TRANSFER", "SUBACCOUNT", "SERVICE", "SERVICE_JOIN", "SERVICE_LEAVE",
			"ADDRESS", "BUNDLE", "RELEASE_SCHEDULE", "RELEASE_UNDO");

	static final List<String> OUTCOMES = List.of("SUCCEEDED", "REFUSED", "FAILED", "UNKNOWN");

	/** Counts of the trail stop here: beyond it the total means "at least". */
	public static final long COUNT_CAP = 10_000;

	private static final String ORDER = "occurredAt,desc";

	private static final String SELECT = """
			SELECT id, occurred_at, actor, action, outcome, phone_number_id, e164, twilio_sid, client_id,
			  other_client_id, before_state::text AS before_state, after_state::text AS after_state, twilio_code, detail
			FROM audit_events""";

	/**
	 * The arrays of {@link #INSERT_ALL}, in the order {@link #write} fills them.
	 */
	private static final String[] COLUMNS = { "occurredAt", "actor", "action", "outcome", "numberId", "e164", "sid",
			"clientId", "otherClientId", "before", "after", "twilioCode", "detail" };

	private static final String INSERT_ALL = """
			INSERT INTO audit_events (occurred_at, actor, action, outcome, phone_number_id, e164, twilio_sid,
			  client_id, other_client_id, before_state, after_state, twilio_code, detail)
			SELECT CAST(e.occurred_at AS timestamptz), e.actor, e.action, e.outcome, CAST(e.number_id AS bigint), e.e164,
			  e.sid, CAST(e.client_id AS bigint), CAST(e.other_client_id AS bigint), CAST(e.before AS jsonb),
			  CAST(e.after AS jsonb), CAST(e.twilio_code AS integer), e.detail
			FROM unnest(:occurredAt, :actor, :action, :outcome, :numberId, :e164, :sid, :clientId, :otherClientId,
			  :before, :after, :twilioCode, :detail) WITH ORDINALITY
			  AS e(occurred_at, actor, action, outcome, number_id, e164, sid, client_id, other_client_id, before,
			       after, twilio_code, detail, n)
			ORDER BY e.n""";

	private final JdbcClient jdbc;

	private final NamedParameterJdbcTemplate named;

	private final JsonMapper json;

	AuditTrail(JdbcClient jdbc, NamedParameterJdbcTemplate named, JsonMapper json) {
		this.jdbc = jdbc;
		this.named = named;
		this.json = json;
	}

	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(NumberEvent event) {
		write(List.of(event));
	}

	/**
	 * Writes the entries of a chunk of adopted numbers in one statement.
	 */
	@EventListener
	@Transactional(propagation = Propagation.MANDATORY)
	void on(NumbersAdopted event) {
		write(event.adopted());
	}

	/**
	 * Writes entries in one statement over one array per column, in their order: one
	 * entry per lifecycle step, or a whole chunk of adopted numbers.
	 */
	private void write(List<? extends NumberEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		int size = events.size();
		String[][] columns = new String[COLUMNS.length][size];
		for (int i = 0; i < size; i++) {
			NumberEvent entry = events.get(i);
			columns[0][i] = entry.occurredAt().toString();
			columns[1][i] = entry.actor();
			columns[2][i] = entry.action();
			columns[3][i] = entry.outcome();
			columns[4][i] = text(entry.numberId());
			columns[5][i] = entry.phoneNumber();
			columns[6][i] = entry.sid();
			columns[7][i] = text(entry.clientId());
			columns[8][i] = text(entry.otherClientId());
			columns[9][i] = entry.beforeSnapshot().isEmpty() ? null
					: this.json.writeValueAsString(entry.beforeSnapshot());
			columns[10][i] = entry.afterSnapshot().isEmpty() ? null
					: this.json.writeValueAsString(entry.afterSnapshot());
			columns[11][i] = text(entry.twilioCode());
			columns[12][i] = truncate(entry.detail());
		}
		MapSqlParameterSource params = new MapSqlParameterSource();
		for (int i = 0; i < COLUMNS.length; i++) {
			params.addValue(COLUMNS[i], new SqlArrayValue("text", (Object[]) columns[i]));
		}
		this.named.update(INSERT_ALL, params);
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	/**
	 * One page of the trail, newest first, by page number (the first
	 * {@link PageRequest#MAX_OFFSET} entries).
	 * @throws InvalidParameterException when the page lies deeper
	 */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, PageRequest page) {
		if (page.offset() + page.size() > PageRequest.MAX_OFFSET) {
			throw new InvalidParameterException("page", "page numbers reach the first " + PageRequest.MAX_OFFSET
					+ " entries; go further with the nextCursor of a response (cursor=...)");
		}
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params, List.of());
		params.put("limit", page.size() + 1);
		params.put("offset", page.offset());
		List<AuditEntry> entries = this.jdbc
			.sql(SELECT + where + " ORDER BY occurred_at DESC, id DESC" + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(AuditTrail::map)
			.list();
		return page(query, entries, page.size(), null, page.page());
	}

	/**
	 * One page of the trail, newest first, by keyset (docs/adr/0021): after (or before)
	 * the entry a cursor names, or the first page without one; the count stops at
	 * {@link #COUNT_CAP}.
	 * @throws InvalidParameterException when the cursor is malformed or altered
	 */
	@Transactional(readOnly = true)
	public PageResult<AuditEntry> search(AuditQuery query, String cursor, int size) {
		Cursor from = (cursor == null || cursor.isBlank()) ? null : Cursor.decode(cursor, ORDER, "cursor");
		Map<String, Object> params = new HashMap<>();
		List<String> extra = new ArrayList<>();
		boolean backward = from != null && from.backward();
		if (from != null) {
			try {
				params.put("afterTime", Timestamp.from(Instant.parse(String.valueOf(from.key()))));
			}
			catch (java.time.format.DateTimeParseException ex) {
				throw Cursor.invalid("cursor");
			}
			params.put("afterId", from.id());
			extra.add("(occurred_at, id) " + (backward ? ">" : "<") + " (:afterTime, :afterId)");
		}
		String where = where(query, params, extra);
		params.put("limit", size + 1);
		String direction = backward ? "ASC" : "DESC";
		List<AuditEntry> entries = this.jdbc
			.sql(SELECT + where + " ORDER BY occurred_at " + direction + ", id " + direction + " LIMIT :limit")
			.params(params)
			.query(AuditTrail::map)
			.list();
		return page(query, entries, size, from, null);
	}

	private PageResult<AuditEntry> page(AuditQuery query, List<AuditEntry> entries, int size, Cursor from,
			Integer pageNumber) {
		Map<String, Object> params = new HashMap<>();
		String where = where(query, params, List.of());
		params.put("cap", COUNT_CAP + 1);
		long count = this.jdbc.sql("SELECT count(*) FROM (SELECT 1 FROM audit_events" + where + " LIMIT :cap) AS c")
			.params(params)
			.query(Long.class)
			.single();
		return Keyset.page(entries, size, from, pageNumber, ORDER, (entry) -> entry.occurredAt().toString(),
				AuditEntry::id, count, COUNT_CAP);
	}

	public List<String> actions() {
		return ACTIONS;
	}

	public List<String> outcomes() {
		return OUTCOMES;
	}

	private static String where(AuditQuery query, Map<String, Object> params, List<String> extra) {
		List<String> conditions = new ArrayList<>(extra);
		if (query.phoneNumber() != null) {
			conditions.add("e164 = :e164");
			params.put("e164", query.phoneNumber());
		}
		if (query.clientId() != null) {
			conditions.add("(client_id = :clientId OR other_client_id = :clientId)");
			params.put("clientId", query.clientId());
		}
		if (query.action() != null) {
			conditions.add("action = :action");
			params.put("action", query.action());
		}
		if (query.outcome() != null) {
			conditions.add("outcome = :outcome");
			params.put("outcome", query.outcome());
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static AuditEntry map(ResultSet rs, int row) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
				rs.getString("action"), rs.getString("outcome"), rs.getObject("phone_number_id", Long.class),
				rs.getString("e164"), rs.getString("twilio_sid"), rs.getObject("client_id", Long.class),
				rs.getObject("other_client_id", Long.class), rs.getString("before_state"), rs.getString("after_state"),
				rs.getObject("twilio_code", Integer.class), rs.getString("detail"));
	}

	private static String truncate(String detail) {
		return (detail == null || detail.length() <= 1000) ? detail : detail.substring(0, 1000);
	}

}
