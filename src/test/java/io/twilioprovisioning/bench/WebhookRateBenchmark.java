package io.twilioprovisioning.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
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
 * to 50 numbers), sent by {@link WebhookLoadClient} in a JVM of its own, open-loop on a
 * fixed schedule over 48 keep-alive connections (one address may have 50 requests in
 * progress), after a 2-s warm-up; each answer's time is measured from its scheduled send
 * time, so a stall counts in full. Then every number's last call and message must be
 * recorded. Not part of the normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=WebhookRateBenchmark}.
 */
@Tag("benchmark")
class WebhookRateBenchmark {

	static final int RATE = Integer.getInteger("bench.rate", 2000);

	static final int SECONDS = Integer.getInteger("bench.seconds", 10);

	static final int NUMBERS = 50;

	static final int WARM_UP = 2;

	/**
	 * Keep-alive connections, each one request at a time: below the per-address limit of
	 * requests in progress (50), the load comes from one address.
	 */
	static final int CONNECTIONS = Integer.getInteger("bench.connections", 48);

	@Test
	void answersEveryWebhookAndRecordsActivity() throws Exception {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwilioProvisioningApplication.class)
			.run("--server.port=0", "--provisioning.scheduling.enabled=true")) {
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
			List<String> requests = new ArrayList<>();
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
				String raw = WebhookLoadClient.raw("127.0.0.1", port, path, body,
						TwilioSigner.sign(token, base + path, params));
				requests.add(Base64.getEncoder().encodeToString(raw.getBytes(StandardCharsets.UTF_8)));
			}
			Path file = Files.createTempFile("webhook-requests", ".txt");
			Files.write(file, requests);

			String before = loadAverage();
			Instant started = Instant.now();
			long cpuBefore = cpuNanos();
			String output = load(port, file);
			long cpu = cpuNanos() - cpuBefore;
			String after = loadAverage();
			Files.deleteIfExists(file);
			System.out.println();
			System.out.printf(Locale.ROOT,
					"%d webhooks at %d/s for %d s over %d connections (load client in its own JVM)%n", RATE * SECONDS,
					RATE, SECONDS, CONNECTIONS);
			System.out.println("| measured from | median | p90 | p99 | max |");
			output.lines()
				.filter((line) -> line.startsWith("|") || line.startsWith("RESULT"))
				.forEach(System.out::println);
			System.out.println("load average before / after: " + before + " / " + after);
			System.out.printf(Locale.ROOT,
					"service JVM CPU during warm-up and load: %.1f s, %.0f µs per webhook (%d webhooks)%n", cpu / 1e9,
					cpu / 1e3 / (RATE * (SECONDS + WARM_UP)), RATE * (SECONDS + WARM_UP));

			long recorded = waitForActivity(jdbc, numbers, started);
			System.out.printf(Locale.ROOT, "activity recorded for %d of %d numbers%n", recorded, NUMBERS);
			assertThat(output).contains("ok=" + (RATE * SECONDS) + " ");
			assertThat(recorded).isEqualTo(NUMBERS);
		}
	}

	private static String load(int port, Path requests) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				WebhookLoadClient.class.getName(), "127.0.0.1", String.valueOf(port), requests.toString(),
				String.valueOf(RATE), String.valueOf(SECONDS), String.valueOf(CONNECTIONS), String.valueOf(WARM_UP)))
			.redirectErrorStream(true)
			.directory(new File("."))
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

	/** CPU time of this JVM (the service, its emulator and this test), all threads. */
	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static String loadAverage() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).strip();
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

}
