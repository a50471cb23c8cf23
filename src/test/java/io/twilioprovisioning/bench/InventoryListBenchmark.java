package io.twilioprovisioning.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeds 10,000 clients and 100,000 numbers, then runs {@link LoadClient} in a separate
 * JVM against this server and prints its latency table. Not part of the normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=InventoryListBenchmark}.
 */
@Tag("benchmark")
@RunningServerTest
class InventoryListBenchmark {

	static final int CLIENTS = 10_000;

	static final int NUMBERS = 100_000;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsAPageOf50Over100000Numbers() throws Exception {
		long start = System.nanoTime();
		this.jdbc.sql("""
				INSERT INTO clients (name, contact_email)
				SELECT 'Bench Client ' || lpad(g::text, 5, '0'), 'ops' || g || '@bench.example'
				FROM generate_series(1, :clients) g""").param("clients", CLIENTS).update();
		long minClient = this.jdbc.sql("SELECT min(id) FROM clients WHERE name LIKE 'Bench Client %'")
			.query(Long.class)
			.single();
		long maxClient = minClient + CLIENTS - 1;
		this.jdbc
			.sql("""
					INSERT INTO phone_numbers (state, e164, twilio_sid, friendly_name, voice_enabled, sms_enabled, mms_enabled,
					  voice_url, voice_method, sms_url, sms_method, status_callback, client_id, purchased_at, released_at,
					  created_at, updated_at)
					SELECT CASE WHEN g % 50 = 0 THEN 'RELEASED' ELSE 'ACTIVE' END,
					  '+1' || (2025550000 + g * 7)::text, 'PN' || md5('bench' || g), 'Bench Client ' || lpad((g % :clients + 1)::text, 5, '0'),
					  TRUE, g % 2 = 0, g % 3 = 0,
					  'http://localhost:8080/webhooks/twilio/voice', 'POST',
					  CASE WHEN g % 10 = 0 THEN 'https://custom.example/sms' ELSE 'http://localhost:8080/webhooks/twilio/sms' END, 'POST',
					  'http://localhost:8080/webhooks/twilio/status',
					  CASE WHEN g % 50 = 0 THEN NULL WHEN g % 20 = 0 THEN NULL ELSE :minClient + (g % :clients) END,
					  now() - (g || ' minutes')::interval,
					  CASE WHEN g % 50 = 0 THEN now() ELSE NULL END,
					  now() - (g || ' minutes')::interval, now()
					FROM generate_series(1, :numbers) g""")
			.param("clients", CLIENTS)
			.param("numbers", NUMBERS)
			.param("minClient", minClient)
			.update();
		this.jdbc.sql("VACUUM ANALYZE").update();
		System.out.printf("Seeded %d clients and %d numbers in %d ms%n", CLIENTS, NUMBERS,
				(System.nanoTime() - start) / 1_000_000);

		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
				LoadClient.class.getName(), "http://127.0.0.1:" + this.port, RunningServerTest.ADMIN_EMAIL,
				RunningServerTest.ADMIN_PASSWORD, "300", "1,4", String.valueOf(maxClient), String.valueOf(minClient)))
			.redirectErrorStream(true)
			.directory(new File("."))
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		System.out.println(output);
		assertThat(process.waitFor()).isZero();
	}

}
