package io.twilioprovisioning.usage;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PhoneNumberState;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.platform.InvalidParameterException;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.webhooks.InboundTraffic;
import io.twilioprovisioning.webhooks.TwilioSigner;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Last activity from signed inbound webhooks, written in batches, and the idle numbers
 * with their release through the lifecycle.
 */
@RunningServerTest
class ActivityAndIdleTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	Environment environment;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ActivityBuffer buffer;

	@Autowired
	IdleNumbers idle;

	@Test
	void signedWebhooksRecordTheLastCallAndMessage() throws Exception {
		TrackedNumber number = buy(client("Chatty"));

		for (int i = 0; i < 20; i++) {
			assertThat(post("/webhooks/twilio/voice", number.e164()).statusCode()).isEqualTo(200);
		}
		assertThat(post("/webhooks/twilio/sms", number.e164()).statusCode()).isEqualTo(200);
		assertThat(post("/webhooks/twilio/voice", number.e164(), "not-the-token").statusCode()).isEqualTo(403);

		Polling.until("activity of " + number.e164() + " written", () -> {
			this.buffer.flush();
			return this.jdbc
				.sql("SELECT count(*) FROM usage_activity WHERE number_id = :id AND last_call_at IS NOT NULL"
						+ " AND last_message_at IS NOT NULL")
				.param("id", number.id())
				.query(Long.class)
				.single() == 1;
		});
	}

	@Test
	void theBufferKeepsOneEntryPerNumberAndNeverMovesATimeBack() {
		TrackedNumber a = buy(client("Busy A"));
		TrackedNumber b = buy(client("Busy B"));
		Instant latest = Instant.parse("2026-06-01T12:00:00Z");

		for (int i = 0; i < 1000; i++) {
			this.buffer.on(new InboundTraffic(a.id(), InboundTraffic.Kind.CALL, latest.minusSeconds(i)));
			this.buffer.on(new InboundTraffic(b.id(), InboundTraffic.Kind.MESSAGE, latest.minusSeconds(i)));
		}
		assertThat(this.buffer.pendingNumbers()).isLessThanOrEqualTo(2);
		this.buffer.flush();
		this.buffer.on(new InboundTraffic(a.id(), InboundTraffic.Kind.CALL, latest.minusSeconds(3600)));
		this.buffer.flush();

		assertThat(lastCall(a)).isEqualTo(latest);
		assertThat(lastMessage(b)).isEqualTo(latest);
		assertThat(lastMessage(a)).isNull();
	}

	@Test
	void idleNumbersAreListedWithTheirCostAndReleasedAfterTheClientsNameIsTyped() {
		Client client = client("Sleepy");
		TrackedNumber quiet = buy(client);
		TrackedNumber busy = buy(client);
		TrackedNumber fresh = buy(client);
		Polling.until("numbers priced", () -> this.jdbc
			.sql("SELECT count(*) FROM usage_number_prices WHERE number_id IN (:ids) AND monthly_price IS NOT NULL")
			.param("ids", List.of(quiet.id(), busy.id(), fresh.id()))
			.query(Long.class)
			.single() == 3);
		this.jdbc
			.sql("UPDATE usage_number_prices SET acquired_at = now() - interval '40 days' WHERE number_id IN (:ids)")
			.param("ids", List.of(quiet.id(), busy.id()))
			.update();
		this.buffer.on(new InboundTraffic(busy.id(), InboundTraffic.Kind.MESSAGE, Instant.now()));
		this.buffer.flush();

		assertThat(this.idle.ofClient(client.id())).extracting(IdleNumbers.IdleNumber::numberId)
			.containsExactly(quiet.id());
		assertThat(this.idle.clients()).filteredOn((c) -> c.clientId() == client.id())
			.singleElement()
			.satisfies((c) -> {
				assertThat(c.numbers()).isEqualTo(1);
				assertThat(c.monthlyCost()).isEqualByComparingTo(new BigDecimal("1.15"));
				assertThat(c.currency()).isEqualTo("USD");
			});

		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.idle.release(client.id(), "Sleepy", 1, "test"));
		assertThatExceptionOfType(InvalidParameterException.class)
			.isThrownBy(() -> this.idle.release(client.id(), client.name(), 2, "test"));
		IdleNumbers.ReleaseOutcome outcome = this.idle.release(client.id(), client.name(), 1, "test");

		assertThat(outcome.released()).containsExactly(quiet.e164());
		assertThat(outcome.failed()).isEmpty();
		assertThat(this.lifecycle.get(quiet.id()).state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(this.lifecycle.get(busy.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(this.lifecycle.get(fresh.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(this.idle.ofClient(client.id())).isEmpty();
		assertThat(this.jdbc.sql("SELECT held_until IS NOT NULL FROM usage_holdings WHERE number_id = :id")
			.param("id", quiet.id())
			.query(Boolean.class)
			.single()).isTrue();
	}

	private Instant lastCall(TrackedNumber number) {
		return this.jdbc.sql("SELECT last_call_at FROM usage_activity WHERE number_id = :id")
			.param("id", number.id())
			.query(Timestamp.class)
			.optional()
			.map(Timestamp::toInstant)
			.orElse(null);
	}

	private Instant lastMessage(TrackedNumber number) {
		return this.jdbc.sql("SELECT last_message_at FROM usage_activity WHERE number_id = :id")
			.param("id", number.id())
			.query((rs, i) -> (rs.getTimestamp(1) != null) ? rs.getTimestamp(1).toInstant() : null)
			.optional()
			.orElse(null);
	}

	private HttpResponse<String> post(String path, String to) throws Exception {
		return post(path, to, this.environment.getRequiredProperty("sandbox.auth-token"));
	}

	private HttpResponse<String> post(String path, String to, String token) throws Exception {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("AccountSid", "AC" + "2".repeat(32));
		params.put("From", "+14155550123");
		params.put("To", to);
		String url = this.environment.getRequiredProperty("app.base-url") + path;
		String body = params.entrySet()
			.stream()
			.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", TwilioSigner.sign(token, url, params))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private TrackedNumber buy(Client client) {
		return this.lifecycle
			.purchase(new PurchaseCommand(FreshNumbers.forSale(this.lifecycle, this.jdbc, "312"), null, client.id(),
					null, null, "test"))
			.number();
	}

	private Client client(String name) {
		return this.clients.create(name + " " + UUID.randomUUID().toString().substring(0, 8), null);
	}

}
