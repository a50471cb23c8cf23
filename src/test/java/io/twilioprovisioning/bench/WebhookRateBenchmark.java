package io.twilioprovisioning.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.PurchaseCommand;
import io.twilioprovisioning.numbers.TrackedNumber;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.webhooks.TwilioSigner;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 2,000 signed inbound webhooks per second for 10 s over loopback (80 % voice, 20 % SMS,
 * to 50 numbers), sent open-loop on a fixed schedule with at most 48 in flight (one
 * address may have 50); each answer's time is measured from its scheduled send time, so a
 * stall counts in full. Then every number's last call and message must be recorded. Not
 * part of the normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=WebhookRateBenchmark}.
 */
@Tag("benchmark")
class WebhookRateBenchmark {

	static final int RATE = Integer.getInteger("bench.rate", 2000);

	static final int SECONDS = Integer.getInteger("bench.seconds", 10);

	static final int NUMBERS = 50;

	/**
	 * Below the per-address limit of requests in progress (50): the load comes from one
	 * address.
	 */
	static final int MAX_IN_FLIGHT = 48;

	@Test
	void answersEveryWebhookAndRecordsActivity() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwilioProvisioningApplication.class)
			.run("--server.port=0", "--provisioning.scheduling.enabled=true", "--logging.level.root=WARN",
					"--logging.level.io.twilioprovisioning=WARN")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			Environment environment = context.getEnvironment();
			NumberLifecycle lifecycle = context.getBean(NumberLifecycle.class);
			JdbcClient jdbc = context.getBean(JdbcClient.class);
			Client client = context.getBean(ClientManagement.class)
				.create("Webhook bench " + UUID.randomUUID().toString().substring(0, 8), null);
			List<TrackedNumber> numbers = new ArrayList<>();
			for (int i = 0; i < NUMBERS; i++) {
				numbers.add(lifecycle
					.purchase(new PurchaseCommand(FreshNumbers.forSale(lifecycle, jdbc, (i % 2 == 0) ? "206" : "617"),
							null, client.id(), null, null, "bench"))
					.number());
			}
			String token = environment.getRequiredProperty("sandbox.auth-token");
			String base = environment.getRequiredProperty("app.base-url");
			List<HttpRequest> requests = new ArrayList<>();
			for (int i = 0; i < NUMBERS * 5; i++) {
				String path = ((i / NUMBERS) % 5 == 4) ? "/webhooks/twilio/sms" : "/webhooks/twilio/voice";
				Map<String, String> params = new LinkedHashMap<>();
				params.put("AccountSid", "AC" + "2".repeat(32));
				params.put("From", "+14155550123");
				params.put("To", numbers.get(i % NUMBERS).e164());
				String body = params.entrySet()
					.stream()
					.map((e) -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
							+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
					.collect(Collectors.joining("&"));
				requests.add(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
					.timeout(Duration.ofSeconds(30))
					.version(HttpClient.Version.HTTP_1_1)
					.header("Content-Type", "application/x-www-form-urlencoded")
					.header("X-Twilio-Signature", TwilioSigner.sign(token, base + path, params))
					.POST(HttpRequest.BodyPublishers.ofString(body))
					.build());
			}
			HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
			// warm-up: 2,000 requests, not measured
			run(http, requests, RATE, 1, new long[RATE], new long[RATE]);

			Instant started = Instant.now();
			int total = RATE * SECONDS;
			long[] micros = new long[total];
			long[] sendMicros = new long[total];
			Result result = run(http, requests, RATE, SECONDS, micros, sendMicros);
			long[] sorted = Arrays.copyOf(micros, result.answered());
			Arrays.sort(sorted);
			long[] sortedSend = Arrays.copyOf(sendMicros, result.answered());
			Arrays.sort(sortedSend);
			System.out.println();
			System.out.printf(Locale.ROOT,
					"%d webhooks at %d/s for %d s: sent in %.1f s, %d answered 200, %d other, %d failed%n", total, RATE,
					SECONDS, result.sendSeconds(), result.ok(), result.answered() - result.ok(), result.failed());
			System.out.printf(Locale.ROOT,
					"| measured from | median | p90 | p99 | max |%n| scheduled send | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
					pct(sorted, 50), pct(sorted, 90), pct(sorted, 99), sorted[sorted.length - 1] / 1000.0);
			System.out.printf(Locale.ROOT, "| actual send | %.2f ms | %.2f ms | %.2f ms | %.2f ms |%n",
					pct(sortedSend, 50), pct(sortedSend, 90), pct(sortedSend, 99),
					sortedSend[sortedSend.length - 1] / 1000.0);

			long recorded = waitForActivity(jdbc, numbers, started);
			System.out.printf(Locale.ROOT, "activity recorded for %d of %d numbers%n", recorded, NUMBERS);
			assertThat(result.ok()).isEqualTo(total);
			assertThat(recorded).isEqualTo(NUMBERS);
		}
	}

	private static Result run(HttpClient http, List<HttpRequest> requests, int rate, int seconds, long[] micros,
			long[] sendMicros) throws InterruptedException {
		int total = rate * seconds;
		long interval = TimeUnit.SECONDS.toNanos(1) / rate;
		Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
		AtomicInteger ok = new AtomicInteger();
		AtomicInteger answered = new AtomicInteger();
		AtomicInteger failed = new AtomicInteger();
		Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentHashMap<>();
		List<CompletableFuture<?>> pending = new ArrayList<>(total);
		long start = System.nanoTime();
		for (int i = 0; i < total; i++) {
			long scheduled = start + i * interval;
			long wait = scheduled - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			inFlight.acquire();
			long sent = System.nanoTime();
			pending.add(http.sendAsync(requests.get(i % requests.size()), HttpResponse.BodyHandlers.discarding())
				.whenComplete((response, error) -> {
					long now = System.nanoTime();
					long took = (now - scheduled) / 1000;
					inFlight.release();
					if (error != null) {
						failed.incrementAndGet();
						return;
					}
					int index = answered.getAndIncrement();
					micros[index] = took;
					sendMicros[index] = (now - sent) / 1000;
					if (response.statusCode() == 200) {
						ok.incrementAndGet();
					}
					else {
						statuses.merge(response.statusCode(), 1, Integer::sum);
					}
				}));
		}
		double sendSeconds = (System.nanoTime() - start) / 1e9;
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally((ex) -> null).join();
		if (!statuses.isEmpty()) {
			System.out.println("other answers by status: " + statuses);
		}
		return new Result(ok.get(), answered.get(), failed.get(), sendSeconds);
	}

	private static long waitForActivity(JdbcClient jdbc, List<TrackedNumber> numbers, Instant after)
			throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(60);
		long recorded = 0;
		while (Instant.now().isBefore(deadline)) {
			recorded = jdbc.sql("""
					SELECT count(*) FROM usage_activity WHERE number_id IN (:ids)
					AND last_call_at >= :after AND last_message_at >= :after""")
				.param("ids", numbers.stream().map(TrackedNumber::id).toList())
				.param("after", java.sql.Timestamp.from(after))
				.query(Long.class)
				.single();
			if (recorded == numbers.size()) {
				return recorded;
			}
			Thread.sleep(200);
		}
		return recorded;
	}

	private static double pct(long[] sorted, int percentile) {
		int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, index)] / 1000.0;
	}

	record Result(int ok, int answered, int failed, double sendSeconds) {

	}

}
