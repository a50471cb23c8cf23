package io.twilioprovisioning.alerts;

import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberStatistics;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.platform.ClusterJobs;
import io.twilioprovisioning.platform.ProvisioningMode;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RawHttpSession;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Alerts on the real database and the sandbox's real balance: the low-balance alert fires
 * once per crossing (also when checked from a second instance), notifications are signed
 * so a receiver on 127.0.0.1 can verify them, and a failed delivery is tried again after
 * its backoff — on a clock the test moves, never by waiting.
 */
@RunningServerTest
class AlertsTests {

	private static final String SECRET = "receiver-shared-secret-0123456789";

	private static final Instant START = Instant.parse("2026-03-01T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	JsonMapper json;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	ApplicationContext context;

	@Autowired
	NumberCarrier carrier;

	@Autowired
	NumberStatistics statistics;

	@Autowired
	NumberLifecycle numbers;

	@Autowired
	ClientManagement clients;

	@Autowired
	ClusterJobs clusterJobs;

	@Autowired
	Alerts appAlerts;

	private final MutableClock clock = new MutableClock(START);

	@BeforeEach
	@AfterEach
	void clearAlerts() {
		this.jdbc.sql("DELETE FROM alert_outbox").update();
		this.jdbc.sql("DELETE FROM alert_states").update();
	}

	@Test
	void lowBalanceFiresOnceWhenTheBalanceCrossesTheThresholdAndAgainOnlyAfterItRecovered() {
		BigDecimal start = this.carrier.balance().amount();
		AlertProperties firstThreshold = properties(start.subtract(new BigDecimal("0.01")),
				URI.create("http://127.0.0.1:9/alerts"));
		Alerts instanceA = alerts(firstThreshold);
		Alerts instanceB = alerts(firstThreshold);

		monitor(instanceA, firstThreshold).checkBalance();
		assertThat(notifications("LOW_BALANCE", "FIRED")).isZero();

		buyANumber();
		BigDecimal afterFirst = this.carrier.balance().amount();
		assertThat(afterFirst).isLessThan(firstThreshold.lowBalance());
		monitor(instanceA, firstThreshold).checkBalance();
		monitor(instanceB, firstThreshold).checkBalance();
		monitor(instanceA, firstThreshold).checkBalance();
		assertThat(notifications("LOW_BALANCE", "FIRED")).isEqualTo(1);
		assertThat(instanceA.active()).singleElement().satisfies((alert) -> {
			assertThat(alert.type()).isEqualTo(AlertType.LOW_BALANCE);
			assertThat(alert.message()).contains(afterFirst.toPlainString()).contains("below the threshold");
		});

		BigDecimal price = start.subtract(afterFirst);
		AlertProperties lowerThreshold = properties(afterFirst.subtract(price.divide(new BigDecimal("2"))),
				firstThreshold.webhookUrl());
		monitor(instanceB, lowerThreshold).checkBalance();
		monitor(instanceA, lowerThreshold).checkBalance();
		assertThat(notifications("LOW_BALANCE", "RESOLVED")).isEqualTo(1);
		assertThat(instanceA.active()).isEmpty();

		buyANumber();
		assertThat(this.carrier.balance().amount()).isLessThan(lowerThreshold.lowBalance());
		monitor(instanceA, lowerThreshold).checkBalance();
		monitor(instanceB, lowerThreshold).checkBalance();
		assertThat(notifications("LOW_BALANCE", "FIRED")).isEqualTo(2);
		assertThat(notifications("LOW_BALANCE", "RESOLVED")).isEqualTo(1);
	}

	@Test
	void theReceiverVerifiesTheSignatureAndAFailedDeliveryIsRetriedAfterItsBackoff() throws Exception {
		try (AlertReceiver receiver = new AlertReceiver()) {
			AlertProperties properties = properties(null, receiver.url());
			Alerts alerts = alerts(properties);
			AlertDelivery delivery = new AlertDelivery(this.jdbc, properties,
					this.context.getBeanProvider(JavaMailSender.class), this.json, this.clock);
			assertThat(alerts.raise(AlertType.JOB_FAILED, "42", "Job 42 (release 3 numbers of Acme) failed")).isTrue();
			receiver.answerNext(500);

			assertThat(delivery.deliverDue()).isZero();
			assertThat(receiver.deliveries()).hasSize(1);
			assertThat(outboxRow()).containsEntry("attempts", 1)
				.containsEntry("next_attempt_at", Timestamp.from(START.plus(properties.initialBackoff())))
				.containsEntry("last_error", "the receiver answered HTTP 500");

			this.clock.advance(properties.initialBackoff().minusSeconds(1));
			assertThat(delivery.deliverDue()).isZero();
			assertThat(receiver.deliveries()).hasSize(1);

			this.clock.advance(Duration.ofSeconds(1));
			assertThat(delivery.deliverDue()).isEqualTo(1);
			assertThat(delivery.deliverDue()).isZero();
			List<AlertReceiver.Delivery> received = receiver.deliveries();
			assertThat(received).hasSize(2);
			assertThat(outboxRow().get("delivered_at")).isNotNull();

			for (AlertReceiver.Delivery request : received) {
				long timestamp = Long.parseLong(request.header(AlertSignature.TIMESTAMP_HEADER));
				assertThat(request.header(AlertSignature.SIGNATURE_HEADER))
					.isEqualTo("v1=" + hmacSha256Hex(SECRET, timestamp + "." + request.body()));
				assertThat(AlertSignature.verify(SECRET, timestamp, request.body(),
						request.header(AlertSignature.SIGNATURE_HEADER)))
					.isTrue();
				assertThat(AlertSignature.verify("another-secret-0123456789", timestamp, request.body(),
						request.header(AlertSignature.SIGNATURE_HEADER)))
					.isFalse();
				assertThat(AlertSignature.verify(SECRET, timestamp, request.body().replace("42", "43"),
						request.header(AlertSignature.SIGNATURE_HEADER)))
					.isFalse();
			}
			assertThat(received).extracting((request) -> request.header(AlertSignature.TIMESTAMP_HEADER))
				.containsExactly(Long.toString(START.getEpochSecond()),
						Long.toString(START.plus(properties.initialBackoff()).getEpochSecond()));
			assertThat(received).extracting((request) -> request.header(AlertSignature.ID_HEADER))
				.doesNotContainNull()
				.containsOnly(received.get(0).header(AlertSignature.ID_HEADER));
			JsonNode payload = this.json.readTree(received.get(1).body());
			assertThat(payload.path("event").asString()).isEqualTo("FIRED");
			assertThat(payload.path("type").asString()).isEqualTo("JOB_FAILED");
			assertThat(payload.path("key").asString()).isEqualTo("JOB_FAILED:42");
			assertThat(payload.path("message").asString()).contains("Job 42");
			assertThat(payload.path("id").asString()).isEqualTo(received.get(0).header(AlertSignature.ID_HEADER));
			assertThat(received.get(0).body()).doesNotContain(SECRET);
		}
	}

	@Test
	void aDeliveryThatKeepsFailingIsAbandonedAfterMaxAttempts() throws Exception {
		try (AlertReceiver receiver = new AlertReceiver()) {
			AlertProperties properties = new AlertProperties(null, receiver.url(), SECRET, List.of(), "a@localhost",
					Duration.ofMinutes(1), Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), 3,
					Duration.ofSeconds(30), 1, 1, Duration.ofHours(24));
			AlertDelivery delivery = new AlertDelivery(this.jdbc, properties,
					this.context.getBeanProvider(JavaMailSender.class), this.json, this.clock);
			alerts(properties).raise(AlertType.NUMBERS_STUCK, null, "2 numbers are stuck");
			for (int i = 0; i < 3; i++) {
				receiver.answerNext(503);
			}

			delivery.deliverDue();
			this.clock.advance(Duration.ofSeconds(30));
			delivery.deliverDue();
			this.clock.advance(Duration.ofSeconds(59));
			delivery.deliverDue();
			assertThat(receiver.deliveries()).hasSize(2);
			this.clock.advance(Duration.ofSeconds(1));
			delivery.deliverDue();
			this.clock.advance(Duration.ofHours(1));
			delivery.deliverDue();

			assertThat(receiver.deliveries()).hasSize(3);
			assertThat(outboxRow()).containsEntry("attempts", 3).containsEntry("delivered_at", null);
			assertThat(outboxRow().get("abandoned_at")).isNotNull();
		}
	}

	@Test
	void activeAlertsShowAsABannerOnAdminPages() {
		this.appAlerts.raise(AlertType.SYNC_DRIFT, null, "The latest sync check found 3 untracked numbers");
		try (RawHttpSession console = new RawHttpSession(this.port)) {
			console.logIn(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
			String page = console.get("/admin/phone-numbers", Map.of()).body();

			assertThat(page).contains("class=\"alert-banner\"")
				.contains("Twilio and the inventory differ")
				.contains("The latest sync check found 3 untracked numbers");

			this.appAlerts.resolve(AlertType.SYNC_DRIFT, null, "in sync");
			assertThat(console.get("/admin/phone-numbers", Map.of()).body()).doesNotContain("class=\"alert-banner\"");
		}
	}

	private void buyANumber() {
		Client client = this.clients.create("Alerts " + UUID.randomUUID().toString().substring(0, 8), null);
		this.numbers.purchase(new PurchaseCommand(FreshNumbers.forSale(this.numbers, this.jdbc, "206"), null,
				client.id(), null, null, RunningServerTest.ADMIN_EMAIL));
	}

	private AlertProperties properties(BigDecimal lowBalance, URI webhookUrl) {
		return new AlertProperties(lowBalance, webhookUrl, SECRET, List.of(), "alerts@localhost", Duration.ofMinutes(1),
				Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofHours(1), 12, Duration.ofSeconds(30), 1, 1,
				Duration.ofHours(24));
	}

	private Alerts alerts(AlertProperties properties) {
		return new Alerts(this.jdbc, this.json, properties, ProvisioningMode.SANDBOX,
				this.context.getBeanProvider(JavaMailSender.class), this.transactionManager, this.clock);
	}

	private AlertMonitor monitor(Alerts alerts, AlertProperties properties) {
		return new AlertMonitor(alerts, this.carrier, this.statistics, properties, this.clusterJobs, this.clock);
	}

	private long notifications(String key, String event) {
		return this.jdbc.sql("SELECT count(*) FROM alert_outbox WHERE alert_key = :key AND event = :event")
			.param("key", key)
			.param("event", event)
			.query(Long.class)
			.single();
	}

	private Map<String, Object> outboxRow() {
		return this.jdbc
			.sql("SELECT attempts, next_attempt_at, last_error, delivered_at, abandoned_at FROM alert_outbox")
			.query()
			.singleRow();
	}

	private static String hmacSha256Hex(String secret, String data) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

}
