package io.twilioprovisioning.twilio;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.twilio.FakeTwilioServer.Reply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The adapter's metrics against a fake Twilio with exact answers: each call is timed once
 * by operation and outcome however many attempts it took, each retry is counted by its
 * reason, and every 429 is counted.
 */
class TwilioMetricsTests {

	private static final PurchaseOrder PURCHASE = PurchaseOrder.number(new E164Number("+15005550006"), "Main",
			new WebhookConfig("https://app.example.com/voice", null, null, null, null, null, null));

	private static final Reply TOO_MANY = Reply.json(429, TwilioFixtures.error(20429, 429, "Too Many Requests"));

	private static final Reply SERVER_ERROR = Reply.json(500, TwilioFixtures.error(20500, 500, "Internal error"));

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private FakeTwilioServer twilio;

	private BaseUrlHttpClient http;

	private TwilioNumberCarrier carrier;

	@BeforeEach
	void start() {
		this.twilio = FakeTwilioServer.start();
		TwilioProperties properties = TwilioFixtures.properties(this.twilio.baseUrl());
		TwilioEndpoint endpoint = TwilioEndpoint.live(properties);
		this.http = new BaseUrlHttpClient(endpoint::baseUrl, properties.connectTimeout(), properties.readTimeout(),
				properties.maxConcurrency(), properties.retryPolicy(), (duration) -> {
				});
		TwilioMetrics metrics = new TwilioMetrics(this.registry);
		this.http.observeWith(metrics);
		this.carrier = new TwilioNumberCarrier(endpoint.restClient(this.http), metrics);
	}

	@AfterEach
	void stop() {
		this.http.close();
		this.twilio.close();
	}

	@Test
	void aPurchaseAnswered429TwiceIsOneSuccessfulCallWithTwoRetriesAndTwo429s() {
		this.twilio.enqueue(TOO_MANY, TOO_MANY, Reply.json(201, TwilioFixtures.incomingNumber()));

		this.carrier.purchase(PURCHASE);

		assertThat(calls("purchase", "success")).isEqualTo(1);
		assertThat(this.registry.get(TwilioMetrics.RETRIES).tag("reason", "rate_limited").counter().count())
			.isEqualTo(2);
		assertThat(this.registry.get(TwilioMetrics.RATE_LIMITED).counter().count()).isEqualTo(2);
	}

	@Test
	void aFetchAnswered500ThenFoundIsRetriedForAServerError() {
		this.twilio.enqueue(SERVER_ERROR, Reply.json(200, TwilioFixtures.incomingNumber()));

		assertThat(this.carrier.fetch(TwilioFixtures.PN_SID)).isPresent();

		assertThat(calls("fetch", "success")).isEqualTo(1);
		assertThat(this.registry.get(TwilioMetrics.RETRIES).tag("reason", "server_error").counter().count())
			.isEqualTo(1);
		assertThat(this.registry.get(TwilioMetrics.RATE_LIMITED).counter().count()).isZero();
	}

	@Test
	void refusalsOutagesAndLostPurchasesAreTheirOwnOutcomes() {
		this.twilio.enqueue(Reply.json(400, TwilioFixtures.error(21422, 400, "Number not available")));
		assertThatExceptionOfType(CarrierRefusedException.class).isThrownBy(() -> this.carrier.purchase(PURCHASE));
		this.twilio.enqueue(SERVER_ERROR);
		assertThatExceptionOfType(CarrierOutcomeUnknownException.class)
			.isThrownBy(() -> this.carrier.purchase(PURCHASE));
		// java.net.http may repeat a GET once on a dropped connection by itself: enough
		// drops for every attempt
		for (int i = 0; i < 8; i++) {
			this.twilio.enqueue(Reply.drop());
		}
		assertThatExceptionOfType(CarrierException.class).isThrownBy(() -> this.carrier.balance())
			.isInstanceOf(CarrierUnavailableException.class);

		assertThat(calls("purchase", "refused")).isEqualTo(1);
		assertThat(calls("purchase", "unknown")).isEqualTo(1);
		assertThat(calls("balance", "unavailable")).isEqualTo(1);
		assertThat(this.registry.get(TwilioMetrics.RETRIES).tag("reason", "transport").counter().count()).isEqualTo(3);
	}

	private long calls(String operation, String outcome) {
		return this.registry.get(TwilioMetrics.CALLS)
			.tag("operation", operation)
			.tag("outcome", outcome)
			.timer()
			.count();
	}

}
