package io.twilioprovisioning.numbers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sync reports in PostgreSQL, one row per check; the latest is what every instance shows.
 */
@Repository
class SyncReportRepository {

	private static final TypeReference<List<SyncItem>> ITEMS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	SyncReportRepository(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * Stores a report.
	 * @return the report with its id
	 */
	SyncReport insert(SyncReport report) {
		long id = this.jdbc.sql("""
				INSERT INTO sync_reports (started_at, finished_at, run_by, checked, untracked_count, missing_count,
				  webhooks_differ_count, names_differ_count, untracked, missing, webhooks_differ, names_differ)
				VALUES (:startedAt, :finishedAt, :runBy, :checked, :untrackedCount, :missingCount, :webhooksDifferCount,
				  :namesDifferCount, CAST(:untracked AS jsonb), CAST(:missing AS jsonb), CAST(:webhooksDiffer AS jsonb),
				  CAST(:namesDiffer AS jsonb))
				RETURNING id""")
			.param("startedAt", Timestamp.from(report.startedAt()))
			.param("finishedAt", Timestamp.from(report.finishedAt()))
			.param("runBy", report.runBy())
			.param("checked", report.checked())
			.param("untrackedCount", report.untrackedCount())
			.param("missingCount", report.missingCount())
			.param("webhooksDifferCount", report.webhooksDifferCount())
			.param("namesDifferCount", report.namesDifferCount())
			.param("untracked", this.json.writeValueAsString(report.untracked()))
			.param("missing", this.json.writeValueAsString(report.missing()))
			.param("webhooksDiffer", this.json.writeValueAsString(report.webhooksDiffer()))
			.param("namesDiffer", this.json.writeValueAsString(report.namesDiffer()))
			.query(Long.class)
			.single();
		return report.withId(id);
	}

	Optional<SyncReport> findLatest() {
		return this.jdbc.sql("""
				SELECT id, started_at, finished_at, run_by, checked, untracked_count, missing_count,
				  webhooks_differ_count, names_differ_count, untracked::text AS untracked, missing::text AS missing,
				  webhooks_differ::text AS webhooks_differ, names_differ::text AS names_differ
				FROM sync_reports ORDER BY finished_at DESC, id DESC LIMIT 1""").query(this::map).optional();
	}

	private SyncReport map(ResultSet rs, int row) throws SQLException {
		return new SyncReport(rs.getLong("id"), rs.getTimestamp("started_at").toInstant(),
				rs.getTimestamp("finished_at").toInstant(), rs.getString("run_by"), rs.getLong("checked"),
				rs.getLong("untracked_count"), rs.getLong("missing_count"), rs.getLong("webhooks_differ_count"),
				rs.getLong("names_differ_count"), items(rs.getString("untracked")), items(rs.getString("missing")),
				items(rs.getString("webhooks_differ")), items(rs.getString("names_differ")));
	}

	private List<SyncItem> items(String text) {
		return this.json.readValue(text, ITEMS);
	}

}
