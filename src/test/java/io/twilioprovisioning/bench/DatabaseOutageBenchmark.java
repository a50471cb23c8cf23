package io.twilioprovisioning.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.support.RunningServerTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How long the answers take once PostgreSQL is down: an API call with valid credentials
 * (HTTP Basic), health and readiness (anonymous), each asked three times. Not part of the
 * normal build:
 * {@code ./mvnw test -Dgroups=benchmark -DexcludedGroups= -Dtest=DatabaseOutageBenchmark}.
 */
@Tag("benchmark")
class DatabaseOutageBenchmark {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void answersWhileTheDatabaseIsDown() throws Exception {
		Path dataDir = Files.createTempDirectory("outage-bench");
		int databasePort;
		try (ServerSocket socket = new ServerSocket(0)) {
			databasePort = socket.getLocalPort();
		}
		EmbeddedPostgres database = EmbeddedPostgres.builder()
			.setDataDirectory(dataDir)
			.setCleanDataDirectory(true)
			.setPort(databasePort)
			.start();
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwilioProvisioningApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres", "--logging.level.root=ERROR")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			measure(port, "database up");
			database.close();
			measure(port, "database down");
		}
		finally {
			database.close();
		}
	}

	private void measure(int port, String state) throws Exception {
		for (String path : new String[] { "/api/admin/clients", "/actuator/health", "/actuator/health/readiness" }) {
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				int status = get(port, path);
				System.out.printf(Locale.ROOT, "%-14s %-28s %d in %6.0f ms%n", state, path, status,
						(System.nanoTime() - start) / 1e6);
			}
		}
	}

	private int get(int port, String path) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(Duration.ofSeconds(60))
			.header("Accept", "application/json");
		if (path.startsWith("/api/")) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
							.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
