package io.twilioprovisioning.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import io.twilioprovisioning.TwilioProvisioningApplication;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 500 connections trickling request bodies (10 bytes every 3 s) to
 * {@code /webhooks/twilio/voice} and {@code /login}, from one loopback address and from
 * 39, while {@code /actuator/health} is asked from 127.0.0.1: once against Tomcat as it
 * comes (no valve, 60 s connection timeout), once with only the per-client limit, once
 * with the defaults of this service. Prints health latency during the attack and what
 * happened to the attackers. Not part of the normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=SlowClientBenchmark}.
 */
@Tag("benchmark")
class SlowClientBenchmark {

	static final int CONNECTIONS = 500;

	static final Duration HOLD = Duration.ofSeconds(Long.getLong("bench.hold-seconds", 35));

	@Test
	void healthAnswersWhile500SlowConnectionsAreOpen() throws Exception {
		List<String> rows = new ArrayList<>();
		rows.add(run("Tomcat as it comes", "--provisioning.http.buffer-slow-bodies=false",
				"--provisioning.http.max-requests-per-client=0", "--server.tomcat.connection-timeout=60s"));
		rows.add(run("per-client limit only", "--provisioning.http.buffer-slow-bodies=false"));
		rows.add(run("this service's defaults"));
		System.out.println();
		System.out.printf(Locale.ROOT, "%d slow connections held %d s; health from 127.0.0.1 every 250 ms%n",
				CONNECTIONS, HOLD.toSeconds());
		System.out.println("| server | attackers from | health p50 | p99 | max | no answer in 10 s "
				+ "| attacker connections open (min-max) | connections opened | cut by the server: answer x count, after (median, max) |");
		System.out.println("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
		rows.forEach(System.out::println);
	}

	private String run(String name, String... settings) throws Exception {
		List<String> args = new ArrayList<>(
				List.of("--server.port=0", "--logging.level.root=WARN", "--logging.level.io.twilioprovisioning=WARN"));
		args.addAll(List.of(settings));
		StringBuilder rows = new StringBuilder();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwilioProvisioningApplication.class)
			.run(args.toArray(String[]::new))) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			List<Double> quiet = SlowClientAttack.quietHealth(port, 40);
			System.out.printf(Locale.ROOT, "%s, quiet: health %s%n", name, SlowClientAttack.percentiles(quiet));
			for (int sources : new int[] { 1, 39 }) {
				SlowClientAttack.Result result = new SlowClientAttack(port, loopbackSources(sources), CONNECTIONS, HOLD)
					.run();
				String row = row(name, sources, result);
				System.out.println(row);
				rows.append(rows.isEmpty() ? "" : "\n").append(row);
				assertThat(result.opened()).isGreaterThanOrEqualTo(CONNECTIONS);
				waitUntilQuiet(port);
			}
		}
		return rows.toString();
	}

	private static String row(String name, int sources, SlowClientAttack.Result result) {
		List<Double> health = new ArrayList<>(result.healthMillis());
		Collections.sort(health);
		String from = (sources == 1) ? "127.0.0.2" : "127.0.0.2-127.0.0." + (sources + 1);
		StringBuilder answers = new StringBuilder();
		result.cutsByAnswer().forEach((answer, after) -> {
			List<Double> sorted = new ArrayList<>(after);
			Collections.sort(sorted);
			answers.append(answers.isEmpty() ? "" : "; ")
				.append(String.format(Locale.ROOT, "%s x %d, after %.1f s, %.1f s", answer, sorted.size(),
						SlowClientAttack.at(sorted, 50), sorted.get(sorted.size() - 1)));
		});
		return String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %d of %d | %d-%d | %d | %s |", name, from,
				millis(health, 50), millis(health, 99), health.isEmpty() ? "-" : millis(health, 100),
				result.healthTimeouts(), result.healthTimeouts() + result.healthNotOk() + health.size(),
				result.minOpen(), result.maxOpen(), result.opened(), answers.isEmpty() ? "none" : answers.toString());
	}

	private static String millis(List<Double> sorted, int percent) {
		return sorted.isEmpty() ? "-" : String.format(Locale.ROOT, "%.0f ms", SlowClientAttack.at(sorted, percent));
	}

	private static List<InetAddress> loopbackSources(int count) throws UnknownHostException {
		List<InetAddress> sources = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			sources.add(InetAddress.getByName("127.0.0." + (2 + i)));
		}
		return sources;
	}

	/**
	 * After the attackers hang up, waits (bounded) until health answers quickly again, so
	 * the next run starts from a quiet server.
	 */
	private static void waitUntilQuiet(int port) throws InterruptedException {
		for (int i = 0; i < 60; i++) {
			List<Double> probe = SlowClientAttack.quietHealth(port, 1);
			if (!probe.isEmpty() && probe.get(0) < 200) {
				return;
			}
			Thread.sleep(1000);
		}
	}

}
