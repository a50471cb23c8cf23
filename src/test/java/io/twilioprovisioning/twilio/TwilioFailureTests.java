package io.twilioprovisioning.twilio;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import io.twilioprovisioning.numbers.CarrierException;
import io.twilioprovisioning.numbers.CarrierOutcomeUnknownException;
import io.twilioprovisioning.numbers.CarrierRefusedException;
import io.twilioprovisioning.numbers.CarrierUnavailableException;
import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberCarrier;
import io.twilioprovisioning.numbers.NumberUpdate;
import io.twilioprovisioning.numbers.OwnedNumber;
import io.twilioprovisioning.numbers.PurchaseOrder;
import io.twilioprovisioning.numbers.WebhookConfig;
import io.twilioprovisioning.twilio.FakeTwilioServer.Reply;
import io.twilioprovisioning.twilio.TwilioFixtures.Adapter;

import static io.twilioprovisioning.twilio.TwilioFixtures.ACCOUNT_SID;
import static io.twilioprovisioning.twilio.TwilioFixtures.API_KEY;
import static io.twilioprovisioning.twilio.TwilioFixtures.API_SECRET;
import static io.twilioprovisioning.twilio.TwilioFixtures.AUTH_TOKEN;
import static io.twilioprovisioning.twilio.TwilioFixtures.PN_SID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The retry policy, timeouts, concurrency cap and error mapping against a plain HTTP
 * server that answers like Twilio on a bad day.
 */
class TwilioFailureTests {

	private static final PurchaseOrder PURCHASE = PurchaseOrder.number(new E164Number("+15005550006"), "Main",
			new WebhookConfig("https://app.example.com/voice", null, null, null, null, null, null));

	private static final Reply TOO_MANY = Reply.json(429,
			TwilioFixtures.error(20429, 429, "Too Many Requests: concurrency limit exceeded"));

	private static final Reply SERVER_ERROR = Reply.json(500,
			TwilioFixtures.error(20500, 500, "Internal Server Error"));

	private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

	private FakeTwilioServer twilio;

	private Adapter adapter;

	@BeforeEach
	void start() {
		this.twilio = FakeTwilioServer.start();
		this.adapter = adapter(TwilioFixtures.properties(this.twilio.baseUrl()));
	}

	@AfterEach
	void stop() {
		this.adapter.close();
		this.twilio.close();
	}

	private Adapter adapter(TwilioProperties properties) {
		return TwilioFixtures.adapter(properties, (duration) -> {
			this.sleeps.add(duration);
			Thread.sleep(duration.toMillis());
		});
	}

	private NumberCarrier carrier() {
		return this.adapter.carrier();
	}

	@Test
	void tooManyRequestsIsRetriedAfterABackoffThenSucceeds() {
		this.twilio.enqueue(TOO_MANY, Reply.json(200, TwilioFixtures.incomingNumber()));

		assertThat(carrier().fetch(PN_SID)).isPresent();

		assertThat(this.twilio.requests()).hasSize(2);
		assertThat(this.sleeps).singleElement()
			.satisfies((sleep) -> assertThat(sleep).isBetween(Duration.ZERO, Duration.ofMillis(5)));
	}

	@Test
	void tooManyRequestsOnAPurchaseIsRetriedBecauseTwilioDidNotProcessIt() {
		this.twilio.enqueue(TOO_MANY, TOO_MANY, Reply.json(201, TwilioFixtures.incomingNumber()));

		OwnedNumber number = carrier().purchase(PURCHASE);

		assertThat(number.sid()).isEqualTo(PN_SID);
		assertThat(this.twilio.requests()).extracting(FakeTwilioServer.Recorded::method)
			.containsExactly("POST", "POST", "POST");
	}

	@Test
	void tooManyRequestsForeverGivesUpAfterMaxRetriesAsUnavailableKeepingTheCode() {
		this.twilio.otherwise(TOO_MANY);

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> carrier().balance());

		assertThat(failure.carrierCode()).isEqualTo(20429);
		assertThat(failure.httpStatus()).isEqualTo(429);
		assertThat(failure.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/20429");
		assertThat(failure.getMessage()).contains("rate limiting");
		assertThat(this.twilio.requests()).hasSize(1 + 3);
		assertThat(this.sleeps).hasSize(3);
		assertThat(this.sleeps.get(0)).isLessThanOrEqualTo(Duration.ofMillis(5));
		assertThat(this.sleeps.get(1)).isLessThanOrEqualTo(Duration.ofMillis(10));
		assertThat(this.sleeps.get(2)).isLessThanOrEqualTo(Duration.ofMillis(20));
	}

	@Test
	void serverErrorOnAGetIsRetriedThenSucceeds() {
		this.twilio.enqueue(SERVER_ERROR, Reply.json(503, ""), Reply.json(200, TwilioFixtures.incomingNumber()));

		assertThat(carrier().fetch(PN_SID)).isPresent();

		assertThat(this.twilio.requests()).hasSize(3);
	}

	@Test
	void serverErrorOnADeleteIsRetriedThenSucceeds() {
		this.twilio.enqueue(SERVER_ERROR, Reply.noContent());

		assertThat(carrier().release(PN_SID)).isTrue();

		assertThat(this.twilio.requests()).extracting(FakeTwilioServer.Recorded::method)
			.containsExactly("DELETE", "DELETE");
	}

	@Test
	void serverErrorOnAGetForeverIsUnavailable() {
		this.twilio.otherwise(SERVER_ERROR);

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> carrier().account());

		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(failure.carrierCode()).isEqualTo(20500);
		assertThat(this.twilio.requests()).hasSize(4);
	}

	@Test
	void serverErrorOnAPurchaseIsNotRetriedAndLeavesTheOutcomeUnknown() {
		this.twilio.otherwise(SERVER_ERROR);

		CarrierOutcomeUnknownException failure = catchThrowableOfType(CarrierOutcomeUnknownException.class,
				() -> carrier().purchase(PURCHASE));

		assertThat(this.twilio.requests()).hasSize(1);
		assertThat(failure.httpStatus()).isEqualTo(500);
		assertThat(failure.getMessage()).contains("look it up before buying again");
	}

	@Test
	void serverErrorOnAnUpdateIsNotRetriedAndUnavailable() {
		this.twilio.otherwise(SERVER_ERROR);

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> carrier().update(PN_SID, new NumberUpdate("Renamed", null)));

		assertThat(this.twilio.requests()).hasSize(1);
		assertThat(failure.getMessage()).contains("repeating it is safe");
	}

	@Test
	void aProxyErrorPageWithoutJsonStillCarriesTheHttpStatus() {
		this.twilio.otherwise(Reply.text(502, "text/html", "<html><body>Bad gateway</body></html>"));

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> carrier().balance());

		assertThat(failure.httpStatus()).isEqualTo(502);
		assertThat(failure.carrierCode()).isNull();
	}

	@Test
	void readTimeoutOnAGetIsRetriedThenUnavailable() {
		try (Adapter oneRetry = adapter(TwilioFixtures.impatient(TwilioFixtures.properties(this.twilio.baseUrl())))) {
			this.twilio.otherwise(Reply.hang());

			CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
					() -> oneRetry.carrier().balance());

			assertThat(failure.getMessage()).contains("did not answer in time");
			assertThat(failure.getCause()).isInstanceOf(TwilioTransportException.class);
			assertThat(this.sleeps).hasSize(1);
		}
	}

	@Test
	void readTimeoutOnAPurchaseLeavesTheOutcomeUnknownWithoutARetry() {
		this.twilio.otherwise(Reply.hang());

		try (Adapter impatient = adapter(TwilioFixtures.impatient(TwilioFixtures.properties(this.twilio.baseUrl())))) {
			CarrierOutcomeUnknownException failure = catchThrowableOfType(CarrierOutcomeUnknownException.class,
					() -> impatient.carrier().purchase(PURCHASE));

			assertThat(failure.getMessage()).contains("did not answer in time");
			assertThat(failure.httpStatus()).isNull();
			assertThat(this.sleeps).isEmpty();
		}
	}

	@Test
	void aConnectionDroppedAfterAPurchaseWasSentLeavesTheOutcomeUnknownAfterOneRequest() {
		this.twilio.otherwise(Reply.drop());

		CarrierOutcomeUnknownException failure = catchThrowableOfType(CarrierOutcomeUnknownException.class,
				() -> carrier().purchase(PURCHASE));

		assertThat(failure.getMessage()).contains("connection to Twilio was lost");
		assertThat(this.twilio.requests()).hasSize(1);
		assertThat(this.twilio.onlyRequest().formParam("PhoneNumber")).isEqualTo("+15005550006");
	}

	@Test
	void aConnectionDroppedOnAGetIsRetried() {
		this.twilio.enqueue(Reply.drop(), Reply.json(200, TwilioFixtures.balance()));

		assertThat(carrier().balance().currency()).isEqualTo("USD");

		assertThat(this.twilio.requests()).hasSize(2);
	}

	@Test
	void anUnreachableTwilioIsUnavailableEvenForAPurchaseBecauseNothingWasSent() throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		try (Adapter nowhere = adapter(TwilioFixtures.properties(closed))) {
			CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
					() -> nowhere.carrier().purchase(PURCHASE));

			assertThat(failure.getMessage()).contains("could not be reached");
			assertThat(this.sleeps).isEmpty();
		}
	}

	@Test
	void aRefusalKeepsTwilioCodeMessageAndLinkWithAnExplanation() {
		this.twilio.otherwise(Reply.json(400, TwilioFixtures.error(21422, 400, "+15005550006 is not available")));

		CarrierRefusedException failure = catchThrowableOfType(CarrierRefusedException.class,
				() -> carrier().purchase(PURCHASE));

		assertThat(failure.carrierCode()).isEqualTo(21422);
		assertThat(failure.carrierMessage()).isEqualTo("+15005550006 is not available");
		assertThat(failure.moreInfo()).isEqualTo("https://www.twilio.com/docs/errors/21422");
		assertThat(failure.httpStatus()).isEqualTo(400);
		assertThat(failure.getMessage()).contains("21422").contains("not available to buy");
		assertThat(failure.properties()).containsEntry("twilioCode", 21422)
			.containsEntry("moreInfo", "https://www.twilio.com/docs/errors/21422");
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void fetchOfANumberTwilioDoesNotKnowIsEmpty() {
		assertThat(carrier().fetch(PN_SID)).isEmpty();

		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void releaseOfANumberTwilioDoesNotKnowIsFalse() {
		assertThat(carrier().release(PN_SID)).isFalse();

		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void badCredentialsAreUnavailableWithAHintAndNoSecret() {
		this.twilio.otherwise(Reply.json(401, TwilioFixtures.error(20003, 401, "Authenticate")));

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> carrier().account());

		assertThat(failure.carrierCode()).isEqualTo(20003);
		assertThat(failure.httpStatus()).isEqualTo(401);
		assertThat(failure.getMessage()).contains("TWILIO_ACCOUNT_SID").contains("TWILIO_AUTH_TOKEN");
		assertThat(everything(failure)).doesNotContain(AUTH_TOKEN);
		assertThat(this.twilio.requests()).hasSize(1);
	}

	@Test
	void aSuspendedAccountIsUnavailableWithAHint() {
		this.twilio.otherwise(Reply.json(403, TwilioFixtures.error(20403, 403, "403 Forbidden")));

		CarrierUnavailableException failure = catchThrowableOfType(CarrierUnavailableException.class,
				() -> carrier().listOwned(50).findFirst());

		assertThat(failure.carrierCode()).isEqualTo(20403);
		assertThat(failure.getMessage()).contains("suspended").contains("TWILIO_AUTH_TOKEN");
	}

	@Test
	void theConcurrencyCapBoundsCallsInFlight() throws Exception {
		try (Adapter capped = adapter(withConcurrency(TwilioFixtures.properties(this.twilio.baseUrl()), 2))) {
			CountDownLatch gate = new CountDownLatch(1);
			this.twilio.otherwise(Reply.after(gate, Reply.json(200, TwilioFixtures.incomingNumber())));
			ExecutorService callers = Executors.newFixedThreadPool(8);
			try {
				List<Future<?>> calls = new ArrayList<>();
				for (int i = 0; i < 8; i++) {
					calls.add(callers.submit(() -> capped.carrier().fetch(PN_SID)));
				}
				await().atMost(Duration.ofSeconds(60)).until(() -> this.twilio.inFlight() == 2);
				assertThat(capped.http().availablePermits()).isZero();
				gate.countDown();
				for (Future<?> call : calls) {
					call.get(60, TimeUnit.SECONDS);
				}
			}
			finally {
				callers.shutdownNow();
			}

			assertThat(this.twilio.requests()).hasSize(8);
			assertThat(this.twilio.maxInFlight()).isEqualTo(2);
			assertThat(capped.http().availablePermits()).isEqualTo(2);
		}
	}

	@Test
	void noCredentialAppearsInAnyExceptionOrLogLine() {
		Logger adapterLog = (Logger) LoggerFactory.getLogger("io.twilioprovisioning.twilio");
		Logger sdkLog = (Logger) LoggerFactory.getLogger("com.twilio");
		Level adapterLevel = adapterLog.getLevel();
		Level sdkLevel = sdkLog.getLevel();
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		adapterLog.addAppender(appender);
		sdkLog.addAppender(appender);
		adapterLog.setLevel(Level.DEBUG);
		sdkLog.setLevel(Level.DEBUG);
		List<Throwable> failures = new ArrayList<>();
		try (Adapter keyed = adapter(TwilioFixtures.apiKeyProperties(this.twilio.baseUrl()));
				Adapter impatient = adapter(TwilioFixtures.impatient(TwilioFixtures.properties(this.twilio.baseUrl())));
				Adapter impatientKeyed = adapter(
						TwilioFixtures.impatient(TwilioFixtures.apiKeyProperties(this.twilio.baseUrl())))) {
			Consumer<Runnable> attempt = (call) -> {
				try {
					call.run();
				}
				catch (CarrierException ex) {
					failures.add(ex);
				}
			};
			Map<NumberCarrier, NumberCarrier> impatientOf = Map.of(carrier(), impatient.carrier(), keyed.carrier(),
					impatientKeyed.carrier());
			for (NumberCarrier carrier : List.of(carrier(), keyed.carrier())) {
				this.twilio.enqueue(Reply.json(401, TwilioFixtures.error(20003, 401, "Authenticate")));
				attempt.accept(carrier::account);
				this.twilio.enqueue(SERVER_ERROR);
				attempt.accept(() -> carrier.purchase(PURCHASE));
				this.twilio.enqueue(Reply.drop());
				attempt.accept(() -> carrier.purchase(PURCHASE));
				this.twilio.enqueue(Reply.hang());
				attempt.accept(() -> impatientOf.get(carrier).purchase(PURCHASE));
				this.twilio.enqueue(TOO_MANY, TOO_MANY, TOO_MANY, TOO_MANY);
				attempt.accept(carrier::balance);
				this.twilio.enqueue(Reply.json(400, TwilioFixtures.error(21421, 400, "Invalid phone number")));
				attempt.accept(() -> carrier.purchase(PURCHASE));
				this.twilio.enqueue(Reply.json(200, TwilioFixtures.account()));
				carrier.account();
			}
		}
		finally {
			adapterLog.detachAppender(appender);
			sdkLog.detachAppender(appender);
			adapterLog.setLevel(adapterLevel);
			sdkLog.setLevel(sdkLevel);
		}

		assertThat(failures).hasSize(12);
		assertThat(appender.list).isNotEmpty();
		StringBuilder everything = new StringBuilder();
		failures.forEach((failure) -> everything.append(everything(failure)));
		appender.list.forEach((event) -> everything.append(event.getFormattedMessage()).append('\n'));
		assertThat(everything.toString()).doesNotContain(AUTH_TOKEN)
			.doesNotContain(API_SECRET)
			.doesNotContain(base64(ACCOUNT_SID + ":" + AUTH_TOKEN))
			.doesNotContain(base64(API_KEY + ":" + API_SECRET))
			.doesNotContain("Basic ");
	}

	private static String everything(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		for (Throwable t = failure; t != null; t = t.getCause()) {
			text.append(String.valueOf(t)).append('\n');
		}
		return text.toString();
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}

	private static TwilioProperties withConcurrency(TwilioProperties p, int concurrency) {
		return new TwilioProperties(p.accountSid(), p.authToken(), p.apiKey(), p.apiSecret(), p.apiBaseUrl(),
				p.connectTimeout(), p.readTimeout(), concurrency, p.maxRetries(), p.initialBackoff(), p.maxBackoff());
	}

}
