package io.twilioprovisioning.alerts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.platform.ProvisioningMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fires and resolves alerts. A condition fires once when it starts and resolves once when
 * it ends, however often it is checked and on however many instances: the transition is
 * one conditional write to its row in {@code alert_states}, and only the write that
 * changed the row queues the notifications ({@code alert_outbox}) in the same
 * transaction. Nothing here waits for a receiver: {@link AlertDelivery} sends later.
 *
 * <p>
 * The jobs module's hook: on a failed job call
 * {@code raise(AlertType.JOB_FAILED, String.valueOf(jobId), "Job 42 (release numbers of
 * Acme) failed: …")}; the alert shows for
 * {@code provisioning.alerts.job-failed-shown-for} or until {@link #resolve} is called
 * for the same subject.
 */
@Service
public class Alerts {

	private static final Logger log = LoggerFactory.getLogger(Alerts.class);

	private static final int MAX_MESSAGE = 1000;

	private static final int MAX_SUBJECT = 150;

	private static final java.time.Duration BANNER_TTL = java.time.Duration.ofSeconds(5);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AlertProperties properties;

	private final ProvisioningMode mode;

	private final ObjectProvider<JavaMailSender> mail;

	private final TransactionTemplate tx;

	private final Clock clock;

	private volatile Cached cached;

	Alerts(JdbcClient jdbc, JsonMapper json, AlertProperties properties, ProvisioningMode mode,
			ObjectProvider<JavaMailSender> mail, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.properties = properties;
		this.mode = mode;
		this.mail = mail;
		this.tx = new TransactionTemplate(transactionManager);
		this.clock = clock;
	}

	/**
	 * Fires the alert unless it is active already (then only its message is updated).
	 * @param type the kind of alert
	 * @param subject what it is about within its kind (a job's id), or {@code null}
	 * @param message what is wrong, for an operator (no secrets)
	 * @return whether this call fired it
	 */
	public boolean raise(AlertType type, String subject, String message) {
		String key = key(type, subject);
		String text = truncate(message, MAX_MESSAGE);
		Boolean fired = this.tx.execute((status) -> {
			Timestamp now = Timestamp.from(this.clock.instant());
			int changed = this.jdbc.sql("""
					INSERT INTO alert_states (alert_key, type, active, message, fired_at, updated_at)
					VALUES (:key, :type, true, :message, :now, :now)
					ON CONFLICT (alert_key) DO UPDATE SET active = true, message = EXCLUDED.message,
					  fired_at = EXCLUDED.fired_at, resolved_at = NULL, updated_at = EXCLUDED.updated_at
					WHERE NOT alert_states.active""")
				.param("key", key)
				.param("type", type.name())
				.param("message", text)
				.param("now", now)
				.update();
			if (changed == 0) {
				this.jdbc.sql("""
						UPDATE alert_states SET message = :message, updated_at = :now
						WHERE alert_key = :key AND active AND message <> :message""")
					.param("key", key)
					.param("message", text)
					.param("now", now)
					.update();
				return false;
			}
			enqueue(key, type, "FIRED", text, now.toInstant());
			return true;
		});
		this.cached = null;
		if (Boolean.TRUE.equals(fired)) {
			log.warn("Alert fired: {}: {}", type.title(), text);
		}
		return Boolean.TRUE.equals(fired);
	}

	/**
	 * Resolves the alert if it is active.
	 * @param type the kind of alert
	 * @param subject what it is about within its kind, or {@code null}
	 * @param message why it is over
	 * @return whether this call resolved it
	 */
	public boolean resolve(AlertType type, String subject, String message) {
		String key = key(type, subject);
		String text = truncate(message, MAX_MESSAGE);
		Boolean resolved = this.tx.execute((status) -> {
			Timestamp now = Timestamp.from(this.clock.instant());
			int changed = this.jdbc.sql("""
					UPDATE alert_states SET active = false, message = :message, resolved_at = :now, updated_at = :now
					WHERE alert_key = :key AND active""")
				.param("key", key)
				.param("message", text)
				.param("now", now)
				.update();
			if (changed == 0) {
				return false;
			}
			enqueue(key, type, "RESOLVED", text, now.toInstant());
			return true;
		});
		this.cached = null;
		if (Boolean.TRUE.equals(resolved)) {
			log.info("Alert resolved: {}: {}", type.title(), text);
		}
		return Boolean.TRUE.equals(resolved);
	}

	/**
	 * The active alerts, newest first (at most 20).
	 */
	public List<ActiveAlert> active() {
		return this.jdbc.sql("""
				SELECT alert_key, type, message, fired_at FROM alert_states WHERE active
				ORDER BY fired_at DESC LIMIT 20""")
			.query((rs, i) -> new ActiveAlert(rs.getString("alert_key"), AlertType.valueOf(rs.getString("type")),
					rs.getString("message"), rs.getTimestamp("fired_at").toInstant()))
			.list();
	}

	/**
	 * The active alerts as the console banner shows them: read at most every
	 * {@link #BANNER_TTL} (changes on this instance show at once), so pages add no query.
	 */
	List<ActiveAlert> activeForBanner() {
		Cached current = this.cached;
		Instant now = this.clock.instant();
		if (current != null && now.isBefore(current.readAt().plus(BANNER_TTL)) && !now.isBefore(current.readAt())) {
			return current.alerts();
		}
		List<ActiveAlert> alerts = active();
		this.cached = new Cached(alerts, now);
		return alerts;
	}

	/**
	 * Resolves the event-like alerts of a kind that fired before the given time.
	 * @return how many were resolved
	 */
	int resolveOlderThan(AlertType type, Instant before, String message) {
		List<String> keys = this.jdbc
			.sql("SELECT alert_key FROM alert_states WHERE active AND type = :type AND fired_at < :before")
			.param("type", type.name())
			.param("before", Timestamp.from(before))
			.query(String.class)
			.list();
		int resolved = 0;
		for (String key : keys) {
			String subject = key.contains(":") ? key.substring(key.indexOf(':') + 1) : null;
			resolved += resolve(type, subject, message) ? 1 : 0;
		}
		return resolved;
	}

	private void enqueue(String key, AlertType type, String event, String message, Instant now) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("id", UUID.randomUUID().toString());
		payload.put("event", event);
		payload.put("type", type.name());
		payload.put("title", type.title());
		payload.put("key", key);
		payload.put("message", message);
		payload.put("occurredAt", now.toString());
		payload.put("mode", this.mode.name().toLowerCase(java.util.Locale.ROOT));
		payload.put("service", "twilio-provisioning");
		String body = this.json.writeValueAsString(payload);
		if (this.properties.webhookUrl() != null) {
			insert("WEBHOOK", key, event, body, now);
		}
		if (!this.properties.emailTo().isEmpty() && this.mail.getIfAvailable() != null) {
			insert("EMAIL", key, event, body, now);
		}
	}

	private void insert(String channel, String key, String event, String body, Instant now) {
		this.jdbc.sql("""
				INSERT INTO alert_outbox (channel, alert_key, event, payload, created_at, next_attempt_at)
				VALUES (:channel, :key, :event, :payload, :now, :now)""")
			.param("channel", channel)
			.param("key", key)
			.param("event", event)
			.param("payload", body)
			.param("now", Timestamp.from(now))
			.update();
	}

	private static String key(AlertType type, String subject) {
		return (subject == null || subject.isBlank()) ? type.name()
				: type.name() + ":" + truncate(subject.strip(), MAX_SUBJECT);
	}

	private static String truncate(String text, int max) {
		String value = (text != null) ? text : "";
		return (value.length() > max) ? value.substring(0, max - 1) + "…" : value;
	}

	private record Cached(List<ActiveAlert> alerts, Instant readAt) {
	}

}
