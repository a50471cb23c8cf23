package io.twilioprovisioning.usage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.webhooks.InboundTraffic;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records each number's last inbound call and message without a database write per
 * webhook: a webhook only updates an in-memory map (one entry per number, the latest
 * times), and every {@link UsageProperties#activityFlushInterval() few seconds} one
 * statement writes the whole map ({@code INSERT … SELECT FROM unnest(…) ON CONFLICT DO
 * UPDATE}, never moving a time backwards). At high rates a thousand webhooks to one
 * number are one row written. An entry leaves the map only once written (and only if no
 * newer time arrived meanwhile), so a failed flush is retried by the next one; a killed
 * process loses at most the last interval, a stopped one flushes first.
 */
@Component
class ActivityBuffer implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ActivityBuffer.class);

	private static final String UPSERT = """
			INSERT INTO usage_activity (number_id, last_call_at, last_message_at)
			SELECT u.id, u.call_at, u.message_at
			FROM unnest(?::bigint[], ?::text[]::timestamptz[], ?::text[]::timestamptz[]) AS u (id, call_at, message_at)
			JOIN phone_numbers p ON p.id = u.id
			ON CONFLICT (number_id) DO UPDATE SET
			    last_call_at = GREATEST(usage_activity.last_call_at, EXCLUDED.last_call_at),
			    last_message_at = GREATEST(usage_activity.last_message_at, EXCLUDED.last_message_at)""";

	private final DataSource dataSource;

	private final ConcurrentHashMap<Long, Times> pending = new ConcurrentHashMap<>();

	ActivityBuffer(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	@EventListener
	void on(InboundTraffic traffic) {
		Times times = (traffic.kind() == InboundTraffic.Kind.CALL) ? new Times(traffic.receivedAt(), null)
				: new Times(null, traffic.receivedAt());
		this.pending.merge(traffic.numberId(), times, Times::latest);
	}

	/**
	 * Writes what arrived since the last flush in one statement.
	 * @return how many numbers were written
	 */
	@Scheduled(fixedDelayString = "${provisioning.usage.activity-flush-interval:2s}")
	synchronized int flush() {
		if (this.pending.isEmpty()) {
			return 0;
		}
		List<Map.Entry<Long, Times>> batch = new ArrayList<>(this.pending.size());
		this.pending.forEach((id, times) -> batch.add(Map.entry(id, times)));
		Long[] ids = new Long[batch.size()];
		String[] calls = new String[batch.size()];
		String[] messages = new String[batch.size()];
		for (int i = 0; i < batch.size(); i++) {
			Times times = batch.get(i).getValue();
			ids[i] = batch.get(i).getKey();
			calls[i] = (times.call() != null) ? times.call().toString() : null;
			messages[i] = (times.message() != null) ? times.message().toString() : null;
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try (PreparedStatement statement = connection.prepareStatement(UPSERT)) {
			statement.setArray(1, connection.createArrayOf("bigint", ids));
			statement.setArray(2, connection.createArrayOf("text", calls));
			statement.setArray(3, connection.createArrayOf("text", messages));
			statement.executeUpdate();
		}
		catch (SQLException | RuntimeException ex) {
			log.warn("Could not write the activity of {} numbers; kept for the next flush: {}", batch.size(),
					ex.getMessage());
			return 0;
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
		// an entry that changed while it was written stays for the next flush
		batch.forEach((entry) -> this.pending.remove(entry.getKey(), entry.getValue()));
		return batch.size();
	}

	/**
	 * How many numbers have activity not written yet.
	 */
	int pendingNumbers() {
		return this.pending.size();
	}

	@Override
	public void destroy() {
		flush();
	}

	/**
	 * The latest call and message times of one number.
	 */
	record Times(Instant call, Instant message) {

		static Times latest(Times a, Times b) {
			return new Times(max(a.call, b.call), max(a.message, b.message));
		}

		private static Instant max(Instant a, Instant b) {
			if (a == null) {
				return b;
			}
			return (b == null || a.isAfter(b)) ? a : b;
		}

	}

}
