package io.twilioprovisioning.numbers;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.webhooks.TwilioSigner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A release scheduled with an undo window (ADR 0031), against the emulator: the number
 * stays active and routed, Undo leaves Twilio untouched, and when the window has ended
 * (the sweep is run directly as if it were later: no waiting) the number is released
 * once, audited, however many instances sweep at the same time. Same configuration as
 * {@code ReleaseUndoWindowApiTests}, so both share one application context.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "provisioning.release.undo-window=24h")
class ReleaseUndoWindowTests {

	static final String ACTOR = "ops@test.local";

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@LocalServerPort
	int port;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	ClientManagement clients;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	Client acme;

	@BeforeEach
	void setUp() {
		this.emulator.faults().clear();
		this.acme = this.clients.create("Undo Routed " + UUID.randomUUID(), null);
	}

	TrackedNumber buy() {
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "305");
		return this.lifecycle.purchase(new PurchaseCommand(number, null, this.acme.id(), null, null, ACTOR)).number();
	}

	TrackedNumber schedule(TrackedNumber number) {
		return this.lifecycle.requestRelease(NumberRef.ofSid(number.sid()), number.e164(), ACTOR);
	}

	long audits(long numberId, String action) {
		return this.jdbc
			.sql("SELECT count(*) FROM audit_events WHERE phone_number_id = :id AND action = :action"
					+ " AND outcome = 'SUCCEEDED'")
			.param("id", numberId)
			.param("action", action)
			.query(Long.class)
			.single();
	}

	@Test
	void aScheduledNumberStaysActiveOwnedAndRouted() {
		TrackedNumber number = buy();
		Instant asked = Instant.now();

		TrackedNumber scheduled = schedule(number);

		assertThat(this.lifecycle.releaseWindowOn()).isTrue();
		assertThat(scheduled.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(scheduled.clientId()).isEqualTo(this.acme.id());
		assertThat(scheduled.releaseScheduledAt()).isAfterOrEqualTo(asked.plus(Duration.ofHours(24)).minusSeconds(1));
		assertThat(this.lifecycle.get(number.id()).releaseScheduledAt()).isEqualTo(scheduled.releaseScheduledAt());
		assertThat(this.emulator.owned(number.sid())).isPresent();
		assertThat(audits(number.id(), "RELEASE_SCHEDULE")).isEqualTo(1);
		HttpResponse<String> voice = voice(number.e164());
		assertThat(voice.statusCode()).isEqualTo(200);
		assertThat(voice.body()).contains("client " + this.acme.id()).doesNotContain("<Hangup/>");
		// not due yet: the sweep leaves it alone
		this.lifecycle.releaseDue(Instant.now(), ACTOR);
		assertThat(this.lifecycle.get(number.id()).state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThatExceptionOfType(NumberConflictException.class)
			.isThrownBy(() -> this.lifecycle.configure(NumberRef.ofSid(number.sid()), WebhookConfig.NONE, true, ACTOR));
		this.lifecycle.undoRelease(number.id(), ACTOR);
	}

	@Test
	void undoRestoresTheNumberAndNothingHappensAtTwilio() {
		TrackedNumber number = buy();
		int releases = this.emulator.requestCount(Operation.RELEASE);
		TrackedNumber scheduled = schedule(number);

		TrackedNumber undone = this.lifecycle.undoRelease(number.id(), ACTOR);
		this.lifecycle.releaseDue(scheduled.releaseScheduledAt().plus(Duration.ofDays(1)), ACTOR);

		assertThat(undone.releaseScheduledAt()).isNull();
		TrackedNumber now = this.lifecycle.get(number.id());
		assertThat(now.state()).isEqualTo(PhoneNumberState.ACTIVE);
		assertThat(now.releaseScheduledAt()).isNull();
		assertThat(now.clientId()).isEqualTo(this.acme.id());
		assertThat(this.emulator.owned(number.sid())).isPresent();
		assertThat(audits(number.id(), "RELEASE")).isZero();
		assertThat(audits(number.id(), "RELEASE_UNDO")).isEqualTo(1);
		assertThat(this.emulator.requestCount(Operation.RELEASE)).isEqualTo(releases);
		assertThatExceptionOfType(NumberConflictException.class)
			.isThrownBy(() -> this.lifecycle.undoRelease(number.id(), ACTOR));
	}

	@Test
	void whenTheWindowEndsTheNumberIsReleasedOnceEvenByTwoInstancesAtOnce() throws Exception {
		TrackedNumber number = buy();
		TrackedNumber scheduled = schedule(number);
		Instant later = scheduled.releaseScheduledAt().plusSeconds(1);
		int releases = this.emulator.requestCount(Operation.RELEASE);

		ExecutorService instances = Executors.newFixedThreadPool(2);
		int total;
		try {
			CountDownLatch start = new CountDownLatch(1);
			CompletableFuture<Integer> one = CompletableFuture.supplyAsync(() -> sweepAfter(start, later), instances);
			CompletableFuture<Integer> two = CompletableFuture.supplyAsync(() -> sweepAfter(start, later), instances);
			start.countDown();
			total = one.get() + two.get();
		}
		finally {
			instances.shutdownNow();
		}
		int again = this.lifecycle.releaseDue(later, ACTOR);

		TrackedNumber released = this.lifecycle.get(number.id());
		assertThat(released.state()).isEqualTo(PhoneNumberState.RELEASED);
		assertThat(released.releaseScheduledAt()).isNull();
		assertThat(this.emulator.owned(number.sid())).isEmpty();
		assertThat(audits(number.id(), "RELEASE")).isEqualTo(1);
		assertThat(total).isGreaterThanOrEqualTo(1);
		// one request to Twilio per release, none for a second attempt at the same number
		assertThat(this.emulator.requestCount(Operation.RELEASE)).isEqualTo(releases + total + again);
		assertThatExceptionOfType(NumberConflictException.class)
			.isThrownBy(() -> this.lifecycle.undoRelease(number.id(), ACTOR));
		assertThat(voice(number.e164()).body()).contains("<Hangup/>");
	}

	private int sweepAfter(CountDownLatch start, Instant now) {
		try {
			start.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		return this.lifecycle.releaseDue(now, ACTOR);
	}

	private HttpResponse<String> voice(String to) {
		Map<String, String> params = new LinkedHashMap<>();
		params.put("CallSid", "CA" + "1".repeat(32));
		params.put("AccountSid", "AC" + "2".repeat(32));
		params.put("From", "+14155550123");
		params.put("To", to);
		params.put("CallStatus", "ringing");
		String path = "/webhooks/twilio/voice";
		String body = params.entrySet()
			.stream()
			.map((entry) -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		String signature = TwilioSigner.sign(this.environment.getRequiredProperty("sandbox.auth-token"),
				this.environment.getRequiredProperty("app.base-url") + path, params);
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("X-Twilio-Signature", signature)
			.POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
			.build();
		try {
			return this.http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
