package io.twilioprovisioning.alerts;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox's notifications: signed webhook POSTs ({@link AlertSignature}) and
 * e-mails. A notification is claimed by pushing its next attempt past a lease with
 * {@code FOR UPDATE SKIP LOCKED}, so instances never send the same attempt twice and a
 * crashed instance's claim runs out; a failure waits {@link AlertProperties#backoff} and
 * tries again, up to {@code max-attempts}. Delivery is at least once: receivers
 * deduplicate by the notification's {@code id}.
 */
@Component
class AlertDelivery {

	private static final Logger log = LoggerFactory.getLogger(AlertDelivery.class);

	private static final int BATCH = 20;

	private final JdbcClient jdbc;

	private final AlertProperties properties;

	private final ObjectProvider<JavaMailSender> mail;

	private final JsonMapper json;

	private final Clock clock;

	private final HttpClient http;

	AlertDelivery(JdbcClient jdbc, AlertProperties properties, ObjectProvider<JavaMailSender> mail, JsonMapper json,
			Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.mail = mail;
		this.json = json;
		this.clock = clock;
		this.http = HttpClient.newBuilder()
			.connectTimeout(properties.webhookTimeout())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
	}

	@Scheduled(initialDelayString = "${provisioning.alerts.delivery-interval:5s}",
			fixedDelayString = "${provisioning.alerts.delivery-interval:5s}")
	void scheduled() {
		deliverDue();
	}

	/**
	 * Sends every notification that is due now.
	 * @return how many were delivered
	 */
	int deliverDue() {
		int delivered = 0;
		List<Pending> batch;
		do {
			batch = claim();
			for (Pending pending : batch) {
				delivered += deliver(pending) ? 1 : 0;
			}
		}
		while (batch.size() == BATCH);
		return delivered;
	}

	private List<Pending> claim() {
		Instant now = this.clock.instant();
		Duration lease = this.properties.webhookTimeout().multipliedBy(3).plusSeconds(30);
		return this.jdbc.sql("""
				UPDATE alert_outbox SET attempts = attempts + 1, next_attempt_at = :leaseUntil
				WHERE id IN (SELECT id FROM alert_outbox
				  WHERE delivered_at IS NULL AND abandoned_at IS NULL AND next_attempt_at <= :now
				  ORDER BY next_attempt_at, id LIMIT :batch FOR UPDATE SKIP LOCKED)
				RETURNING id, channel, payload, attempts""")
			.param("now", Timestamp.from(now))
			.param("leaseUntil", Timestamp.from(now.plus(lease)))
			.param("batch", BATCH)
			.query((rs, i) -> new Pending(rs.getLong("id"), rs.getString("channel"), rs.getString("payload"),
					rs.getInt("attempts")))
			.list();
	}

	private boolean deliver(Pending pending) {
		String error;
		try {
			error = switch (pending.channel()) {
				case "WEBHOOK" -> post(pending);
				case "EMAIL" -> email(pending);
				default -> "unknown channel";
			};
		}
		catch (RuntimeException ex) {
			error = ex.getClass().getSimpleName();
		}
		Instant now = this.clock.instant();
		if (error == null) {
			this.jdbc.sql("UPDATE alert_outbox SET delivered_at = :now, last_error = NULL WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("id", pending.id())
				.update();
			return true;
		}
		if (pending.attempts() >= this.properties.maxAttempts()) {
			log.error("Alert notification {} ({}) abandoned after {} attempts: {}", pending.id(), pending.channel(),
					pending.attempts(), error);
			this.jdbc
				.sql("UPDATE alert_outbox SET abandoned_at = :now, last_error = :error, next_attempt_at = :now"
						+ " WHERE id = :id")
				.param("now", Timestamp.from(now))
				.param("error", error)
				.param("id", pending.id())
				.update();
			return false;
		}
		Instant next = now.plus(this.properties.backoff(pending.attempts()));
		log.warn("Alert notification {} ({}) not delivered (attempt {}): {}; next attempt at {}", pending.id(),
				pending.channel(), pending.attempts(), error, next);
		this.jdbc.sql("UPDATE alert_outbox SET next_attempt_at = :next, last_error = :error WHERE id = :id")
			.param("next", Timestamp.from(next))
			.param("error", error)
			.param("id", pending.id())
			.update();
		return false;
	}

	/**
	 * POSTs the notification, signed at the time of sending.
	 * @return {@code null} when the receiver answered 2xx, else why not (never the URL or
	 * the secret)
	 */
	private String post(Pending pending) {
		if (this.properties.webhookUrl() == null) {
			return "no webhook URL configured any more";
		}
		long timestamp = this.clock.instant().getEpochSecond();
		HttpRequest request = HttpRequest.newBuilder(this.properties.webhookUrl())
			.timeout(this.properties.webhookTimeout())
			.header("Content-Type", "application/json")
			.header("User-Agent", "twilio-provisioning-alerts")
			.header(AlertSignature.ID_HEADER, this.json.readTree(pending.payload()).path("id").asString())
			.header(AlertSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
			.header(AlertSignature.SIGNATURE_HEADER,
					AlertSignature.sign(this.properties.webhookSecret(), timestamp, pending.payload()))
			.POST(HttpRequest.BodyPublishers.ofString(pending.payload(), StandardCharsets.UTF_8))
			.build();
		try {
			HttpResponse<Void> response = this.http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			return (status >= 200 && status < 300) ? null : "the receiver answered HTTP " + status;
		}
		catch (IOException ex) {
			return "no answer from the receiver (" + ex.getClass().getSimpleName() + ")";
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return "interrupted";
		}
	}

	private String email(Pending pending) {
		JavaMailSender sender = this.mail.getIfAvailable();
		if (sender == null || this.properties.emailTo().isEmpty()) {
			return "no SMTP server or recipients configured any more";
		}
		JsonNode alert = this.json.readTree(pending.payload());
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(this.properties.emailFrom());
		message.setTo(this.properties.emailTo().toArray(String[]::new));
		message.setSubject(
				"[twilio-provisioning] " + alert.path("event").asString() + ": " + alert.path("title").asString());
		message.setText(alert.path("message").asString() + "\n\nAlert " + alert.path("key").asString() + " at "
				+ alert.path("occurredAt").asString() + " (" + alert.path("mode").asString() + " mode).\n");
		try {
			sender.send(message);
			return null;
		}
		catch (MailException ex) {
			return "the SMTP server refused or was unreachable (" + ex.getClass().getSimpleName() + ")";
		}
	}

	private record Pending(long id, String channel, String payload, int attempts) {
	}

}
