package io.twilioprovisioning.metrics;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.numbers.NumberStatistics;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.users.Role;
import io.twilioprovisioning.users.UserManagement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} after a scripted flow through the API — a purchase, a
 * refusal, a purchase that Twilio first answers 429, a release, and signed and unsigned
 * webhooks — shows each metric with the right labels and counts (as differences to a
 * scrape before the flow, since the server is shared); and it is for admins only.
 */
@RunningServerTest
class MetricsScrapeTests {

	private static final Path DASHBOARD = Path.of("docs/grafana/twilio-provisioning-dashboard.json");

	/**
	 * Named by the dashboard, registered by modules built beside this one: the jobs
	 * module ({@code jobs.running}). Drop each name once its module is in.
	 */
	private static final Set<String> PROVIDED_BY_OTHER_MODULES = Set.of();

	private static final String ADMIN = RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD;

	@LocalServerPort
	int port;

	@Autowired
	NumberLifecycle numbers;

	@Autowired
	NumberStatistics statistics;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	UserManagement users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Environment environment;

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	@Test
	void anonymousAndUsersGetNoMetrics() {
		String email = "metrics-user-" + UUID.randomUUID() + "@example.com";
		this.users.create(email, "user-password-123", Role.USER);

		HttpResponse<String> anonymous = Scrape.get(this.port, null);
		HttpResponse<String> user = Scrape.get(this.port, email + ":user-password-123");
		HttpResponse<String> admin = Scrape.get(this.port, ADMIN);

		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(user.statusCode()).isEqualTo(403);
		assertThat(anonymous.body() + user.body()).doesNotContain("twilio_calls").doesNotContain("jvm_");
		assertThat(admin.statusCode()).isEqualTo(200);
		assertThat(admin.body()).contains("jvm_memory_used_bytes");
	}

	@Test
	void aScriptedFlowShowsInTheMetricsWithItsLabelsAndCounts() {
		Flow flow = flow();
		Scrape before = flow.before();
		Scrape beforeRateLimited = flow.beforeRateLimited();
		Scrape after = flow.after();

		assertThat(flow.statuses()).containsExactly(201, 422, 201, 200, 200, 403);

		String calls = "twilio_calls_seconds_count";
		assertThat(delta(before, after, calls, "operation", "purchase", "outcome", "success")).isEqualTo(2);
		assertThat(delta(before, after, calls, "operation", "purchase", "outcome", "refused")).isEqualTo(1);
		assertThat(delta(before, after, calls, "operation", "release", "outcome", "success")).isEqualTo(1);
		assertThat(
				after.value("twilio_calls_seconds_bucket", "operation", "purchase", "outcome", "success", "le", "+Inf"))
			.isEqualTo(after.value(calls, "operation", "purchase", "outcome", "success"));
		assertThat(after.named("twilio_calls_seconds_bucket")).hasSizeGreaterThan(10);
		assertThat(delta(beforeRateLimited, after, "twilio_rate_limited_total")).isEqualTo(1);
		assertThat(delta(beforeRateLimited, after, "twilio_retries_total", "reason", "rate_limited")).isEqualTo(1);
		assertThat(delta(before, after, "twilio_retries_total", "reason", "server_error")).isZero();

		String steps = "provisioning_lifecycle_steps_total";
		assertThat(delta(before, after, steps, "step", "purchase", "outcome", "succeeded")).isEqualTo(2);
		assertThat(delta(before, after, steps, "step", "purchase", "outcome", "refused")).isEqualTo(1);
		assertThat(delta(before, after, steps, "step", "release", "outcome", "succeeded")).isEqualTo(1);

		String webhooks = "webhooks_requests_total";
		assertThat(delta(before, after, webhooks, "endpoint", "voice", "signature", "valid")).isEqualTo(1);
		assertThat(delta(before, after, webhooks, "endpoint", "sms", "signature", "missing")).isEqualTo(1);

		assertThat(after.value("provisioning_numbers", "state", "active")).isEqualTo(countInState("ACTIVE"));
		assertThat(after.value("provisioning_numbers", "state", "released")).isEqualTo(countInState("RELEASED"));
		assertThat(after.value("provisioning_numbers", "state", "failed")).isEqualTo(countInState("FAILED"));
		assertThat(after.value("provisioning_numbers", "state", "released")
				- before.value("provisioning_numbers", "state", "released"))
			.isGreaterThanOrEqualTo(1);
		assertThat(after.named("provisioning_numbers_stuck")).hasSize(1);
		assertThat(after.named("provisioning_sync_drift")).extracting((sample) -> sample.labels().get("kind"))
			.containsExactlyInAnyOrder("untracked", "missing", "webhooks_differ", "names_differ");
	}

	@Test
	void theGrafanaDashboardParsesAndNamesOnlyMetricsAScrapeHas() throws IOException {
		Scrape scrape = flow().after();
		JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(DASHBOARD));

		Set<String> named = new TreeSet<>();
		dashboard.path("panels").forEach((panel) -> panel.path("targets").forEach((target) -> {
			Matcher metric = DashboardRendering.METRIC.matcher(target.path("expr").asString());
			while (metric.find()) {
				named.add(metric.group(1));
			}
		}));
		Set<String> absent = new TreeSet<>(named);
		absent.removeAll(scrape.names());

		assertThat(named).contains("twilio_calls_seconds_count", "twilio_calls_seconds_bucket", "twilio_retries_total",
				"twilio_rate_limited_total", "provisioning_lifecycle_steps_total", "provisioning_numbers",
				"provisioning_numbers_stuck", "provisioning_sync_drift", "webhooks_requests_total", "jobs_running",
				"twilio_bulk_concurrency_limit", "twilio_bulk_concurrency_in_flight");
		assertThat(absent).isSubsetOf(PROVIDED_BY_OTHER_MODULES);
		Path svg = Path.of("docs/screenshots/metrics-dashboard.svg");
		Files.createDirectories(svg.getParent());
		Files.writeString(svg, DashboardRendering.svg(dashboard, scrape,
				"Rendered by MetricsScrapeTests from one real /actuator/prometheus scrape after its scripted flow"
						+ " (not Grafana): counters as totals since start, p95 and error ratio over the lifetime."));
		assertThat(Files.readString(svg)).contains("Twilio calls per second by operation and outcome")
			.contains("purchase success");
	}

	private Flow flow() {
		ApiClient api = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		long clientId = api.post("/api/admin/clients", """
				{"name":"Metrics %s","contactEmail":"ops@metrics.example"}""".formatted(UUID.randomUUID()))
			.json()
			.path("id")
			.asLong();
		E164Number first = FreshNumbers.forSale(this.numbers, this.jdbc, "617");
		Scrape before = scrape();
		Response bought = purchase(api, first.value(), clientId);
		Response refused = purchase(api, "+15005550000", clientId);
		api.put("/api/admin/sandbox/faults", """
				{"rules":[{"operation":"PURCHASE","fault":"TOO_MANY_REQUESTS","next":1}]}""");
		E164Number second = FreshNumbers.forSale(this.numbers, this.jdbc, "617");
		Scrape beforeRateLimited = scrape();
		Response boughtAfter429 = purchase(api, second.value(), clientId);
		Response released = api.post("/api/admin/twilio/release", """
				{"phoneNumber":"%s","confirm":"%s"}""".formatted(first.value(), first.value()));
		int validWebhook = webhook("/webhooks/twilio/voice", true);
		int unsignedWebhook = webhook("/webhooks/twilio/sms", false);
		this.statistics.refresh();
		return new Flow(before, beforeRateLimited, scrape(), List.of(bought.status(), refused.status(),
				boughtAfter429.status(), released.status(), validWebhook, unsignedWebhook));
	}

	private double countInState(String state) {
		return this.jdbc.sql("SELECT count(*) FROM phone_numbers WHERE state = :state")
			.param("state", state)
			.query(Long.class)
			.single();
	}

	private static Response purchase(ApiClient api, String number, long clientId) {
		return api.post("/api/admin/twilio/purchase", """
				{"phoneNumber":"%s","clientId":%d}""".formatted(number, clientId));
	}

	private Scrape scrape() {
		HttpResponse<String> response = Scrape.get(this.port, ADMIN);
		assertThat(response.statusCode()).isEqualTo(200);
		return Scrape.parse(response.body());
	}

	private static double delta(Scrape before, Scrape after, String name, String... labels) {
		return after.value(name, labels) - before.value(name, labels);
	}

	private int webhook(String path, boolean signed) {
		Map<String, String> params = new TreeMap<>(
				Map.of("CallSid", "CA" + "1".repeat(32), "From", "+14155550123", "To", "+15005550199"));
		String body = String.join("&",
				params.entrySet().stream().map((e) -> e.getKey() + "=" + e.getValue().replace("+", "%2B")).toList());
		java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body));
		if (signed) {
			request.header("X-Twilio-Signature",
					twilioSignature(this.environment.getRequiredProperty("app.base-url") + path, params));
		}
		try {
			return java.net.http.HttpClient.newHttpClient()
				.send(request.build(), java.net.http.HttpResponse.BodyHandlers.discarding())
				.statusCode();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The scrapes around the scripted flow and the statuses of its steps.
	 */
	private record Flow(Scrape before, Scrape beforeRateLimited, Scrape after, List<Integer> statuses) {
	}

	/**
	 * Twilio's signature (docs/twilio-notes.md §6): HMAC-SHA1 over the URL and the sorted
	 * parameters, keyed with the auth token.
	 */
	private String twilioSignature(String url, Map<String, String> sortedParams) {
		StringBuilder data = new StringBuilder(url);
		sortedParams.forEach((name, value) -> data.append(name).append(value));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec(
					this.environment.getRequiredProperty("sandbox.auth-token").getBytes(StandardCharsets.UTF_8),
					"HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(data.toString().getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
