package io.twilioprovisioning.bench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds inventories of 1,000, 100,000 and 1,000,000 numbers (10,000 clients, 100,000 for
 * the largest) straight in SQL, then runs {@link LoadClient} in a separate JVM against
 * this server at concurrency 1 and 8 and prints its latency table per size, the load
 * average and, at the end, the resident memory of this JVM (which runs the server). Not
 * part of the normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=InventoryListBenchmark -DargLine="-Xmx256m"}
 * ({@code -Dbench.sizes=1000,100000} for fewer sizes, {@code -Dbench.requests=300}).
 */
@Tag("benchmark")
@RunningServerTest
class InventoryListBenchmark {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TwilioEmulator emulator;

	@Test
	void listsStayFastFromAThousandToAMillionNumbers() throws Exception {
		int[] sizes = Arrays.stream(System.getProperty("bench.sizes", "1000,100000,1000000").split(","))
			.mapToInt(Integer::parseInt)
			.toArray();
		String requests = System.getProperty("bench.requests", "300");
		List<String> summary = new ArrayList<>();
		for (int size : sizes) {
			int clients = (size >= 1_000_000) ? 100_000 : 10_000;
			long[] ids = seed(size, clients);
			explainAStart();
			String before = loadAverage();
			String output = load(requests, "1,8", ids, size, clients, false);
			summary.add("=== " + size + " numbers, " + clients + " clients; load average before " + before + ", after "
					+ loadAverage() + "\n" + output);
			System.out.println(summary.get(summary.size() - 1));
		}
		this.emulator.faults().latency(Duration.ofSeconds(2));
		try {
			int size = sizes[sizes.length - 1];
			int clients = (size >= 1_000_000) ? 100_000 : 10_000;
			long[] ids = ids();
			String before = loadAverage();
			String output = load("100", "1,8", ids, size, clients, true);
			summary.add("=== dashboard with Twilio answering after 2 s, " + size + " numbers; load average before "
					+ before + ", after " + loadAverage() + "\n" + output);
		}
		finally {
			this.emulator.faults().clear();
		}
		System.gc();
		Runtime runtime = Runtime.getRuntime();
		summary.add(String.format("Server JVM: %s; heap used %d MB of %d MB committed (max %d MB); %s",
				ManagementFactory.getRuntimeMXBean().getInputArguments(),
				(runtime.totalMemory() - runtime.freeMemory()) >> 20, runtime.totalMemory() >> 20,
				runtime.maxMemory() >> 20, residentMemory()));
		System.out.println(String.join("\n", summary));
	}

	/**
	 * Prints how PostgreSQL finds the first page of the start {@code +1 202 56} (~14,000
	 * numbers, ADR 0034): the capped count, then the page.
	 */
	private void explainAStart() {
		String live = "state IN ('PURCHASING', 'ACTIVE', 'RELEASING') AND e164 >= '+120256' AND e164 < '+120256:'";
		for (String statement : List.of(
				"SELECT count(*) FROM (SELECT 1 FROM phone_numbers WHERE " + live + " LIMIT 20001) AS capped",
				"SELECT * FROM phone_numbers WHERE id IN (SELECT id FROM phone_numbers WHERE " + live
						+ " ORDER BY (created_at + interval '0 seconds') DESC, id DESC LIMIT 51)"
						+ " ORDER BY created_at DESC, id DESC")) {
			System.out.println(String.join("\n",
					this.jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement).query(String.class).list()));
		}
	}

	/**
	 * Replaces the inventory with {@code size} numbers across {@code clients} clients.
	 * @return the smallest client id, the largest, and the smallest number id
	 */
	private long[] seed(int size, int clients) throws InterruptedException {
		long start = System.nanoTime();
		this.jdbc.sql("TRUNCATE number_assignments, phone_numbers CASCADE").update();
		long existing = this.jdbc.sql("SELECT count(*) FROM clients WHERE name LIKE 'Bench Client %'")
			.query(Long.class)
			.single();
		if (existing < clients) {
			this.jdbc.sql("""
					INSERT INTO clients (name, contact_email)
					SELECT 'Bench Client ' || lpad(g::text, 6, '0'), 'ops' || g || '@bench.example'
					FROM generate_series(:from, :to) g""").param("from", existing + 1).param("to", clients).update();
		}
		long minClient = this.jdbc.sql("SELECT min(id) FROM clients WHERE name LIKE 'Bench Client %'")
			.query(Long.class)
			.single();
		this.jdbc
			.sql("""
					INSERT INTO phone_numbers (state, e164, twilio_sid, friendly_name, voice_enabled, sms_enabled, mms_enabled,
					  voice_url, voice_method, sms_url, sms_method, status_callback, client_id, purchased_at, released_at,
					  created_at, updated_at)
					SELECT CASE WHEN g % 50 = 0 THEN 'RELEASED' ELSE 'ACTIVE' END,
					  '+1' || (2025550000 + g * 7)::text, 'PN' || md5('bench' || g),
					  'Bench Client ' || lpad((g % :clients + 1)::text, 6, '0'),
					  TRUE, g % 2 = 0, g % 3 = 0,
					  'http://localhost:8080/webhooks/twilio/voice', 'POST',
					  CASE WHEN g % 10 = 0 THEN 'https://custom.example/sms' ELSE 'http://localhost:8080/webhooks/twilio/sms' END, 'POST',
					  'http://localhost:8080/webhooks/twilio/status',
					  CASE WHEN g % 50 = 0 THEN NULL WHEN g % 20 = 0 THEN NULL ELSE :minClient + (g % :clients) END,
					  now() - (g || ' minutes')::interval,
					  CASE WHEN g % 50 = 0 THEN now() ELSE NULL END,
					  now() - (g || ' minutes')::interval, now()
					FROM generate_series(1, :numbers) g""")
			.param("clients", clients)
			.param("numbers", size)
			.param("minClient", minClient)
			.update();
		this.jdbc.sql("VACUUM ANALYZE").update();
		// as autovacuum leaves a table that stopped changing: every page all-visible, so
		// index-only scans read no rows (a VACUUM that ran while one of the
		// application's own transactions was open cannot mark the new rows)
		for (int attempt = 0; attempt < 20 && allVisibleShare() < 0.99; attempt++) {
			Thread.sleep(500);
			this.jdbc.sql("VACUUM phone_numbers").update();
		}
		// and with the seed's pages written out: a checkpoint flushing them would stall
		// the requests measured next
		this.jdbc.sql("CHECKPOINT").update();
		System.out.printf(java.util.Locale.ROOT, "all-visible pages: %.3f%n", allVisibleShare());
		System.out.printf("Seeded %d clients and %d numbers in %d ms%n", clients, size,
				(System.nanoTime() - start) / 1_000_000);
		return ids();
	}

	private double allVisibleShare() {
		return this.jdbc
			.sql("SELECT relallvisible::float8 / greatest(relpages, 1) FROM pg_class WHERE relname = 'phone_numbers'")
			.query(Double.class)
			.single();
	}

	private long[] ids() {
		long minClient = this.jdbc.sql("SELECT min(id) FROM clients WHERE name LIKE 'Bench Client %'")
			.query(Long.class)
			.single();
		long maxClient = this.jdbc.sql("SELECT max(id) FROM clients WHERE name LIKE 'Bench Client %'")
			.query(Long.class)
			.single();
		long minNumber = this.jdbc.sql("SELECT min(id) FROM phone_numbers").query(Long.class).single();
		return new long[] { minClient, maxClient, minNumber };
	}

	private String load(String requests, String concurrencies, long[] ids, int size, int clients, boolean dashboard)
			throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				LoadClient.class.getName(), "http://127.0.0.1:" + this.port, RunningServerTest.ADMIN_EMAIL,
				RunningServerTest.ADMIN_PASSWORD, requests, concurrencies, String.valueOf(ids[0]),
				String.valueOf(ids[0] + clients - 1), String.valueOf(ids[2]), String.valueOf(size),
				dashboard ? "dashboard" : "lists"))
			.redirectErrorStream(true)
			.directory(new File("."))
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor()).as(output).isZero();
		return output;
	}

	private static String loadAverage() throws Exception {
		return Files.readString(Path.of("/proc/loadavg")).strip();
	}

	private static String residentMemory() throws Exception {
		return Files.readAllLines(Path.of("/proc/self/status"))
			.stream()
			.filter((line) -> line.startsWith("VmRSS") || line.startsWith("VmHWM"))
			.map((line) -> line.replaceAll("\\s+", " "))
			.reduce((a, b) -> a + ", " + b)
			.orElse("");
	}

}
