package io.twilioprovisioning.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import io.twilioprovisioning.TwilioProvisioningApplication;
import io.twilioprovisioning.support.RunningServerTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The database goes down under a running application (its own PostgreSQL, not the one the
 * other tests share) and comes back: meanwhile valid credentials get a 503 problem with
 * Retry-After, not a 401; readiness and health say DOWN; liveness stays UP; the form
 * login says the service is unavailable, not that the password is wrong. Afterwards the
 * same credentials work again.
 */
class DatabaseOutageTests {

	private static final Duration GENEROUS = Duration.ofSeconds(60);

	private final HttpClient http = HttpClient.newBuilder()
		.connectTimeout(Duration.ofSeconds(5))
		.followRedirects(HttpClient.Redirect.NEVER)
		.build();

	@TempDir
	Path dataDir;

	@Test
	void aDatabaseOutageIsAnsweredAsUnavailableAndRecoveredFrom() throws Exception {
		int databasePort = freePort();
		EmbeddedPostgres database = start(databasePort);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TwilioProvisioningApplication.class)
			.run("--server.port=0", "--spring.datasource.url=" + database.getJdbcUrl("postgres", "postgres"),
					"--spring.datasource.username=postgres")) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(get(port, "/api/admin/clients", true).statusCode()).isEqualTo(200);
			String session = formLogin(port).headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
			assertThat(page(port, "/admin/clients", session).statusCode()).isEqualTo(200);

			database.close();

			HttpResponse<String> page = page(port, "/admin/clients", session);
			assertThat(page.statusCode()).isEqualTo(503);
			assertThat(page.headers().firstValue("Retry-After")).isPresent();
			assertThat(page.body()).doesNotContain("Exception").doesNotContain("at org.");

			HttpResponse<String> refused = get(port, "/api/admin/clients", true);
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Content-Type"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
			assertThat(refused.body()).contains("/problems/service-unavailable");
			assertThat(refused.headers().firstValue("Retry-After")).isPresent();
			assertThat(refused.headers().firstValue("WWW-Authenticate")).isEmpty();
			assertThat(get(port, "/actuator/health/readiness", false).statusCode()).isEqualTo(503);
			assertThat(get(port, "/actuator/health", false).statusCode()).isEqualTo(503);
			assertThat(get(port, "/actuator/health/liveness", false).statusCode()).isEqualTo(200);
			assertThat(formLogin(port).headers().firstValue("Location"))
				.hasValueSatisfying((location) -> assertThat(location).endsWith("/login?unavailable"));

			database = start(databasePort);

			await().atMost(GENEROUS).until(() -> get(port, "/api/admin/clients", true).statusCode() == 200);
			await().atMost(GENEROUS).until(() -> get(port, "/actuator/health/readiness", false).statusCode() == 200);
		}
		finally {
			database.close();
		}
	}

	private EmbeddedPostgres start(int port) throws IOException {
		return EmbeddedPostgres.builder()
			.setDataDirectory(this.dataDir)
			.setCleanDataDirectory(false)
			.setPort(port)
			.start();
	}

	private HttpResponse<String> get(int port, String path, boolean authenticated) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(GENEROUS)
			.header("Accept", "application/json");
		if (authenticated) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder()
						.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
							.getBytes(StandardCharsets.UTF_8)));
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> page(int port, String path, String cookie) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.timeout(GENEROUS)
			.header("Accept", "text/html")
			.header("Cookie", cookie)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Signs in through the form with the right password; CSRF protection needs the login
	 * page's token and session first.
	 */
	private HttpResponse<String> formLogin(int port) throws Exception {
		HttpResponse<String> page = get(port, "/login", false);
		String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"")
			.matcher(page.body());
		assertThat(csrf.find()).isTrue();
		String form = "email=" + encode(RunningServerTest.ADMIN_EMAIL) + "&password="
				+ encode(RunningServerTest.ADMIN_PASSWORD) + "&_csrf=" + encode(csrf.group(1));
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/login"))
			.timeout(GENEROUS)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Cookie", cookie)
			.POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
