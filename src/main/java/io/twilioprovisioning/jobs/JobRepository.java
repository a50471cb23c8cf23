package io.twilioprovisioning.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Repository;

/**
 * The {@code jobs} and {@code job_items} tables.
 */
@Repository
class JobRepository {

	private static final String JOB_COLUMNS = "id, kind, parameters::text AS parameters, started_by, state, planned, "
			+ "total, done, failed, skipped, problem, created_at, started_at, finished_at";

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final JsonMapper json = JsonMapper.builder().build();

	private final RowMapper<Job> jobs = this::job;

	JobRepository(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	long insert(JobKind kind, String parameters, String startedBy) {
		return this.jdbc
			.sql("INSERT INTO jobs (kind, parameters, started_by, state) VALUES (?, CAST(? AS jsonb), ?, 'QUEUED') "
					+ "RETURNING id")
			.params(kind.name(), parameters, startedBy)
			.query(Long.class)
			.single();
	}

	Optional<Job> find(long id) {
		return this.jdbc.sql("SELECT " + JOB_COLUMNS + " FROM jobs WHERE id = ?").param(id).query(this.jobs).optional();
	}

	/**
	 * The job's state alone (asked before each item of a job starts: a pause or cancel
	 * committed anywhere in the cluster stops items that have not started).
	 */
	Optional<JobState> state(long id) {
		return this.jdbc.sql("SELECT state FROM jobs WHERE id = ?")
			.param(id)
			.query((rs, row) -> JobState.valueOf(rs.getString(1)))
			.optional();
	}

	/**
	 * Gives back taken items that were not started (the job was paused, cancelled or left
	 * to another instance meanwhile): they are pending again, as if never taken.
	 */
	void release(long jobId, List<Long> seqs) {
		if (seqs.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("UPDATE job_items SET outcome = 'PENDING', attempts = greatest(attempts - 1, 0) "
					+ "WHERE job_id = :job AND seq IN (:seqs) AND outcome = 'RUNNING'")
			.param("job", jobId)
			.param("seqs", seqs)
			.update();
	}

	String parameters(long id) {
		return this.jdbc.sql("SELECT parameters::text FROM jobs WHERE id = ?").param(id).query(String.class).single();
	}

	List<Job> page(int offset, int size) {
		return this.jdbc.sql("SELECT " + JOB_COLUMNS + " FROM jobs ORDER BY id DESC LIMIT ? OFFSET ?")
			.params(size, offset)
			.query(this.jobs)
			.list();
	}

	long count() {
		return this.jdbc.sql("SELECT count(*) FROM jobs").query(Long.class).single();
	}

	List<Job> active() {
		return this.jdbc
			.sql("SELECT " + JOB_COLUMNS + " FROM jobs WHERE state IN ('QUEUED', 'RUNNING', 'PAUSED') ORDER BY id")
			.query(this.jobs)
			.list();
	}

	List<Long> toRun() {
		return this.jdbc.sql("SELECT id FROM jobs WHERE state IN ('QUEUED', 'RUNNING') ORDER BY id")
			.query(Long.class)
			.list();
	}

	/**
	 * Moves the job from one of the states to another.
	 * @return whether it was in one of them
	 */
	boolean transition(long id, List<JobState> from, JobState to, boolean finished) {
		return this.jdbc
			.sql("UPDATE jobs SET state = :to, updated_at = now(), "
					+ "finished_at = CASE WHEN :finished THEN now() ELSE NULL END, "
					+ "started_at = CASE WHEN :to = 'RUNNING' THEN coalesce(started_at, now()) ELSE started_at END "
					+ "WHERE id = :id AND state IN (:from)")
			.param("to", to.name())
			.param("finished", finished)
			.param("id", id)
			.param("from", from.stream().map(Enum::name).toList())
			.update() == 1;
	}

	/**
	 * Ends the job as failed, unless it was paused or cancelled meanwhile.
	 * @return whether it was ended here
	 */
	boolean fail(long id, String problem) {
		return this.jdbc
			.sql("UPDATE jobs SET state = 'FAILED', problem = ?, finished_at = now(), updated_at = now() "
					+ "WHERE id = ? AND state IN ('QUEUED', 'RUNNING')")
			.params(truncate(problem), id)
			.update() == 1;
	}

	/**
	 * Ends a job whose items all have an outcome, unless it was paused or cancelled
	 * meanwhile.
	 * @return the job as it ended, or empty when it was not ended here
	 */
	Optional<Job> finish(long id) {
		return this.jdbc.sql("""
				UPDATE jobs SET updated_at = now(), finished_at = now(),
				  state = CASE WHEN failed = 0 THEN 'SUCCEEDED' WHEN done + skipped = 0 THEN 'FAILED'
				               ELSE 'PARTLY_FAILED' END
				WHERE id = ? AND state IN ('QUEUED', 'RUNNING')
				RETURNING\s""" + JOB_COLUMNS).param(id).query(this.jobs).optional();
	}

	/**
	 * How many jobs are running across the cluster (the partial index {@code jobs_active}
	 * makes it cheap).
	 */
	long countRunning() {
		return this.jdbc.sql("SELECT count(*) FROM jobs WHERE state = 'RUNNING'").query(Long.class).single();
	}

	/**
	 * Adds the items in one statement over two arrays (keys and payloads); an item whose
	 * key the job has already (a plan listed again after a crash) is left as it is.
	 */
	void addItems(long jobId, List<PlannedItem> items) {
		if (items.isEmpty()) {
			return;
		}
		String[] keys = new String[items.size()];
		String[] payloads = new String[items.size()];
		for (int i = 0; i < items.size(); i++) {
			keys[i] = items.get(i).key();
			payloads[i] = items.get(i).payload();
		}
		this.jdbc.sql("""
				INSERT INTO job_items (job_id, item_key, payload, outcome)
				SELECT :job, i.item_key, i.payload, 'PENDING'
				FROM unnest(:keys, :payloads) WITH ORDINALITY AS i(item_key, payload, position)
				ORDER BY i.position
				ON CONFLICT (job_id, item_key) DO NOTHING""")
			.param("job", jobId)
			.param("keys", new SqlArrayValue("text", (Object[]) keys))
			.param("payloads", new SqlArrayValue("text", (Object[]) payloads))
			.update();
	}

	/**
	 * Whether the job has items already: a run that lists them again after a stop checks
	 * each page against them ({@link #recordedKeys}).
	 */
	boolean hasItems(long jobId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM job_items WHERE job_id = ?)")
			.param(jobId)
			.query(Boolean.class)
			.single();
	}

	/**
	 * The keys among these the job has an item for already (looked up in its unique index
	 * on the job and key).
	 */
	Set<String> recordedKeys(long jobId, List<String> keys) {
		return new HashSet<>(
				this.jdbc.sql("SELECT item_key FROM job_items WHERE job_id = :job AND item_key = ANY(:keys)")
					.param("job", jobId)
					.param("keys", new SqlArrayValue("text", keys.toArray()))
					.query(String.class)
					.list());
	}

	/**
	 * Adds items that were done as they were listed, each with its outcome, and adds them
	 * to the job's counts (its total too), in one statement and in the caller's
	 * transaction, the one that did them. An item whose key the job has already is left
	 * as it is and not counted again.
	 * @throws IllegalArgumentException for a failed item: it keeps no payload to be tried
	 * again with, so a kind whose items can fail lists them before doing them
	 */
	void addDone(long jobId, List<DoneItem> items) {
		if (items.isEmpty()) {
			return;
		}
		int size = items.size();
		String[] keys = new String[size];
		String[] outcomes = new String[size];
		String[] messages = new String[size];
		for (int i = 0; i < size; i++) {
			DoneItem item = items.get(i);
			if (item.outcome() != ItemOutcome.DONE && item.outcome() != ItemOutcome.SKIPPED) {
				throw new IllegalArgumentException("An item done as it is listed is done or skipped: " + item);
			}
			keys[i] = item.key();
			outcomes[i] = item.outcome().name();
			messages[i] = truncate(item.message());
		}
		this.jdbc.sql("""
				WITH added AS (
				  INSERT INTO job_items (job_id, item_key, outcome, message, attempts, finished_at)
				  SELECT :job, i.item_key, i.outcome, i.message, 1, now()
				  FROM unnest(:keys, :outcomes, :messages) WITH ORDINALITY AS i(item_key, outcome, message, position)
				  ORDER BY i.position
				  ON CONFLICT (job_id, item_key) DO NOTHING
				  RETURNING outcome)
				UPDATE jobs SET total = total + (SELECT count(*) FROM added),
				  done = done + (SELECT count(*) FROM added WHERE outcome = 'DONE'),
				  skipped = skipped + (SELECT count(*) FROM added WHERE outcome = 'SKIPPED'), updated_at = now()
				WHERE id = :job""")
			.param("job", jobId)
			.param("keys", new SqlArrayValue("text", (Object[]) keys))
			.param("outcomes", new SqlArrayValue("text", (Object[]) outcomes))
			.param("messages", new SqlArrayValue("text", (Object[]) messages))
			.update();
	}

	void planned(long id) {
		this.jdbc
			.sql("UPDATE jobs SET planned = TRUE, total = (SELECT count(*) FROM job_items WHERE job_id = :id), "
					+ "updated_at = now() WHERE id = :id")
			.param("id", id)
			.update();
	}

	/**
	 * Takes the next items after {@code afterSeq} that have no outcome, oldest first, and
	 * marks them taken: a run that has items in flight takes the ones after the last it
	 * took, never its own again ({@code 0} for the first).
	 */
	List<ClaimedItem> claim(long jobId, int size, long afterSeq) {
		return this.jdbc.sql("""
				WITH next AS MATERIALIZED (
				  SELECT seq FROM job_items WHERE job_id = :job AND outcome IN ('PENDING', 'RUNNING') AND seq > :after
				  ORDER BY seq LIMIT :size FOR UPDATE SKIP LOCKED)
				UPDATE job_items SET outcome = 'RUNNING', attempts = attempts + 1
				FROM next WHERE job_items.job_id = :job AND job_items.seq = next.seq
				RETURNING job_items.seq, item_key, payload, attempts""")
			.param("job", jobId)
			.param("size", size)
			.param("after", afterSeq)
			.query((rs, row) -> new ClaimedItem(jobId, rs.getLong("seq"), rs.getString("item_key"),
					rs.getString("payload"), rs.getInt("attempts")))
			.list()
			.stream()
			.sorted((a, b) -> Long.compare(a.seq(), b.seq()))
			.toList();
	}

	/**
	 * For a kind that does a whole chunk in the transaction that records it: the next
	 * items after {@code afterSeq} without an outcome, locked until that transaction ends
	 * but not marked taken (a crash rolls the chunk's work and its outcomes back
	 * together, so there is nothing to mark; {@link #recordLocked} counts the attempt).
	 * Saves a write of every item per chunk. Items locked by another transaction are
	 * skipped; chunk workers that share where the last chunk ended ({@code afterSeq})
	 * skip none.
	 */
	List<ClaimedItem> lockNext(long jobId, int size, long afterSeq) {
		return this.jdbc.sql("""
				SELECT seq, item_key, payload, attempts + 1 AS attempts FROM job_items
				WHERE job_id = :job AND outcome IN ('PENDING', 'RUNNING') AND seq > :after
				ORDER BY seq LIMIT :size FOR UPDATE SKIP LOCKED""")
			.param("job", jobId)
			.param("size", size)
			.param("after", afterSeq)
			.query((rs, row) -> new ClaimedItem(jobId, rs.getLong("seq"), rs.getString("item_key"),
					rs.getString("payload"), rs.getInt("attempts")))
			.list();
	}

	/**
	 * Records the outcomes of a chunk and adds them to the job's counts, in the caller's
	 * transaction.
	 */
	void record(long jobId, List<ItemResult> results) {
		record(jobId, results, false);
	}

	/**
	 * Records the outcomes of items taken by {@link #lockNext}, in the transaction that
	 * locked them.
	 */
	void recordLocked(long jobId, List<ItemResult> results) {
		record(jobId, results, true);
	}

	private void record(long jobId, List<ItemResult> results, boolean locked) {
		if (results.isEmpty()) {
			return;
		}
		int size = results.size();
		Long[] seqs = new Long[size];
		String[] outcomes = new String[size];
		Integer[] codes = new Integer[size];
		String[] messages = new String[size];
		for (int i = 0; i < size; i++) {
			ItemResult result = results.get(i);
			seqs[i] = result.seq();
			outcomes[i] = result.outcome().name();
			codes[i] = result.twilioCode();
			messages[i] = truncate(result.message());
		}
		// items taken by lockNext were not marked: their attempt is counted here; an item
		// done or skipped lets go of its payload (only a failed one may be tried again)
		this.jdbc
			.sql("""
					UPDATE job_items SET outcome = r.outcome, twilio_code = r.twilio_code, message = r.message,
					  finished_at = now(), payload = CASE WHEN r.outcome = 'FAILED' THEN job_items.payload END%s
					FROM unnest(:seqs, :outcomes, :codes, :messages) AS r(seq, outcome, twilio_code, message)
					WHERE job_items.job_id = :job AND job_items.seq = r.seq AND job_items.outcome %s""".formatted(
					locked ? ", attempts = job_items.attempts + 1" : "",
					locked ? "IN ('PENDING', 'RUNNING')" : "= 'RUNNING'"))
			.param("job", jobId)
			.param("seqs", new SqlArrayValue("bigint", (Object[]) seqs))
			.param("outcomes", new SqlArrayValue("text", (Object[]) outcomes))
			.param("codes", new SqlArrayValue("integer", (Object[]) codes))
			.param("messages", new SqlArrayValue("text", (Object[]) messages))
			.update();
		int done = 0;
		int failed = 0;
		int skipped = 0;
		for (ItemResult result : results) {
			switch (result.outcome()) {
				case DONE -> done++;
				case FAILED -> failed++;
				case SKIPPED -> skipped++;
				default -> throw new IllegalArgumentException("Not an outcome: " + result.outcome());
			}
		}
		this.jdbc
			.sql("UPDATE jobs SET done = done + ?, failed = failed + ?, skipped = skipped + ?, updated_at = now() "
					+ "WHERE id = ?")
			.params(done, failed, skipped, jobId)
			.update();
	}

	void updatePayload(long jobId, long seq, String payload) {
		this.jdbc.sql("UPDATE job_items SET payload = ? WHERE job_id = ? AND seq = ?")
			.params(payload, jobId, seq)
			.update();
	}

	/**
	 * Skips every item without an outcome, e.g. when Twilio has no more numbers to buy.
	 */
	void skipRemaining(long jobId, String message) {
		int skipped = this.jdbc
			.sql("UPDATE job_items SET outcome = 'SKIPPED', message = ?, finished_at = now() "
					+ "WHERE job_id = ? AND outcome IN ('PENDING', 'RUNNING')")
			.params(message, jobId)
			.update();
		this.jdbc.sql("UPDATE jobs SET skipped = skipped + ?, updated_at = now() WHERE id = ?")
			.params(skipped, jobId)
			.update();
	}

	/**
	 * Makes the failed items pending again and the job queued, in the caller's
	 * transaction.
	 * @return how many items will be retried
	 */
	int retryFailed(long jobId) {
		int retried = this.jdbc
			.sql("UPDATE job_items SET outcome = 'PENDING', finished_at = NULL WHERE job_id = ? AND outcome = 'FAILED'")
			.param(jobId)
			.update();
		this.jdbc
			.sql("UPDATE jobs SET failed = failed - ?, state = 'QUEUED', finished_at = NULL, updated_at = now() "
					+ "WHERE id = ?")
			.params(retried, jobId)
			.update();
		return retried;
	}

	List<JobItem> items(long jobId, ItemOutcome outcome, int offset, int size) {
		return this.jdbc
			.sql("SELECT seq, item_key, outcome, twilio_code, message, attempts, finished_at FROM job_items "
					+ "WHERE job_id = :job AND (CAST(:outcome AS varchar) IS NULL OR outcome = :outcome) "
					+ "ORDER BY seq LIMIT :size OFFSET :offset")
			.param("job", jobId)
			.param("outcome", (outcome != null) ? outcome.name() : null)
			.param("size", size)
			.param("offset", offset)
			.query(JobRepository::item)
			.list();
	}

	long countItems(long jobId, ItemOutcome outcome) {
		return this.jdbc
			.sql("SELECT count(*) FROM job_items WHERE job_id = :job "
					+ "AND (CAST(:outcome AS varchar) IS NULL OR outcome = :outcome)")
			.param("job", jobId)
			.param("outcome", (outcome != null) ? outcome.name() : null)
			.query(Long.class)
			.single();
	}

	void forEachItem(long jobId, Consumer<JobItem> consumer) {
		this.template.query((connection) -> {
			var statement = connection.prepareStatement(
					"SELECT seq, item_key, outcome, twilio_code, message, attempts, finished_at FROM job_items "
							+ "WHERE job_id = ? ORDER BY seq");
			statement.setFetchSize(1000);
			statement.setLong(1, jobId);
			return statement;
		}, (ResultSet rs) -> {
			consumer.accept(item(rs, 0));
		});
	}

	private static JobItem item(ResultSet rs, int row) throws SQLException {
		// wasNull() speaks of the column read last: asked right after the code
		int read = rs.getInt("twilio_code");
		Integer code = rs.wasNull() ? null : read;
		return new JobItem(rs.getLong("seq"), rs.getString("item_key"), ItemOutcome.valueOf(rs.getString("outcome")),
				code, rs.getString("message"), rs.getInt("attempts"), instant(rs.getTimestamp("finished_at")));
	}

	private Job job(ResultSet rs, int row) throws SQLException {
		return new Job(rs.getLong("id"), JobKind.valueOf(rs.getString("kind")),
				this.json.readValue(rs.getString("parameters"), MAP), rs.getString("started_by"),
				JobState.valueOf(rs.getString("state")), rs.getBoolean("planned"), rs.getInt("total"),
				rs.getInt("done"), rs.getInt("failed"), rs.getInt("skipped"), rs.getString("problem"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String truncate(String text) {
		return (text == null || text.length() <= 1000) ? text : text.substring(0, 997) + "...";
	}

	/**
	 * An item to add to a job: its key and what the kind needs to do it.
	 */
	record PlannedItem(String key, String payload) {
	}

	/**
	 * An item done as it was listed, and its outcome.
	 */
	record DoneItem(String key, ItemOutcome outcome, String message) {

		static DoneItem done(String key) {
			return new DoneItem(key, ItemOutcome.DONE, null);
		}

		static DoneItem skipped(String key, String message) {
			return new DoneItem(key, ItemOutcome.SKIPPED, message);
		}

	}

	/**
	 * An item taken by a chunk.
	 *
	 * @param attempts how often it was taken, this time included: above 1 it was taken
	 * before by a run that stopped before its outcome was committed
	 */
	record ClaimedItem(long jobId, long seq, String key, String payload, int attempts) {
	}

	/**
	 * The outcome of a taken item.
	 */
	record ItemResult(long seq, ItemOutcome outcome, Integer twilioCode, String message, boolean exhausted) {

		static ItemResult done(long seq, String message) {
			return new ItemResult(seq, ItemOutcome.DONE, null, message, false);
		}

		static ItemResult skipped(long seq, String message) {
			return new ItemResult(seq, ItemOutcome.SKIPPED, null, message, false);
		}

	}

}
