package io.twilioprovisioning.sandbox.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The sandbox's run-time API: the emulator's fault plan can be read, replaced and
 * cleared; bad plans get field errors; the concurrency limit answers 429 above it.
 */
@RunningServerTest
class SandboxApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	@Test
	void setsReadsAndClearsTheFaultPlan() {
		Response set = this.admin.put("/api/admin/sandbox/faults", """
				{"latency":{"minMs":0,"maxMs":0},"concurrencyLimit":7,"hangSeconds":5,
				 "rules":[{"operation":"SEARCH","fault":"TOO_MANY_REQUESTS","rate":1},
				          {"operation":"PURCHASE","fault":"DROP_AFTER_COMMIT","next":2},
				          {"fault":"SERVICE_UNAVAILABLE","rate":0.25}]}""");
		assertThat(set.status()).isEqualTo(200);
		Response read = this.admin.get("/api/admin/sandbox/faults");
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("active").asBoolean()).isTrue();
		assertThat(read.json().get("concurrencyLimit").asInt()).isEqualTo(7);
		assertThat(read.json().get("hangSeconds").asInt()).isEqualTo(5);
		assertThat(read.json().get("rules").toString()).contains("\"operation\":\"PURCHASE\"", "\"next\":2",
				"\"operation\":\"SEARCH\"", "\"rate\":1.0", "\"fault\":\"SERVICE_UNAVAILABLE\"");
		assertThat(this.emulator.faults().snapshot().concurrencyLimit()).isEqualTo(7);

		assertThat(this.admin.delete("/api/admin/sandbox/faults").status()).isEqualTo(200);
		Response cleared = this.admin.get("/api/admin/sandbox/faults");
		assertThat(cleared.json().get("active").asBoolean()).isFalse();
		assertThat(cleared.json().get("rules").size()).isZero();
		assertThat(this.emulator.faults().snapshot().isActive()).isFalse();
	}

	@Test
	void aBadPlanIsA400ListingTheFieldsAndChangesNothing() {
		this.admin.put("/api/admin/sandbox/faults", "{\"concurrencyLimit\":3}");
		Response bad = this.admin.put("/api/admin/sandbox/faults", """
				{"latency":{"minMs":500,"maxMs":100},"concurrencyLimit":0,
				 "rules":[{"operation":"SEARCH","fault":"SERVER_ERROR","rate":1.5},
				          {"fault":"TIMEOUT","next":1},
				          {"operation":"PURCHASE","fault":"TIMEOUT","rate":0.5,"next":1}]}""");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.isProblem()).isTrue();
		assertThat(bad.body()).contains("latency.ordered", "concurrencyLimit", "rules[0].rate",
				"rules[1].nextForAnOperation", "rules[2].rateOrNext");
		Response unknownFault = this.admin.put("/api/admin/sandbox/faults",
				"{\"rules\":[{\"operation\":\"SEARCH\",\"fault\":\"EXPLODE\",\"rate\":1}]}");
		assertThat(unknownFault.status()).isEqualTo(400);
		assertThat(unknownFault.isProblem()).isTrue();
		assertThat(this.emulator.faults().snapshot().concurrencyLimit()).isEqualTo(3);
	}

	@Test
	void aResetNeedsTheWordReset() {
		Response refused = this.admin.post("/api/admin/sandbox/reset", "{\"confirm\":\"yes\"}");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.json().get("type").asString()).endsWith("/reset-not-confirmed");
		assertThat(this.admin.post("/api/admin/sandbox/reset", "{}").status()).isEqualTo(400);
	}

	@Test
	void requestsAboveTheConcurrencyLimitAre429() throws Exception {
		assertThat(this.admin.put("/api/admin/sandbox/faults", "{\"concurrencyLimit\":1,\"latency\":{\"minMs\":60000}}")
			.status()).isEqualTo(200);
		CompletableFuture<HttpResponse<String>> held = balance();
		await().atMost(60, TimeUnit.SECONDS).until(() -> this.emulator.faults().waiting() == 1);

		HttpResponse<String> over = balance().get(60, TimeUnit.SECONDS);
		assertThat(over.statusCode()).isEqualTo(429);
		assertThat(over.body()).contains("\"code\":20429");

		assertThat(this.admin.delete("/api/admin/sandbox/faults").status()).isEqualTo(200);
		assertThat(held.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
		assertThat(balance().get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
	}

	@Test
	void withoutCredentialsItIs401() {
		Response anonymous = ApiClient.anonymous(this.port).get("/api/admin/sandbox/faults");
		assertThat(anonymous.status()).isEqualTo(401);
	}

	private CompletableFuture<HttpResponse<String>> balance() {
		String credentials = TwilioEmulator.DEFAULT_ACCOUNT_SID + ":" + TwilioEmulator.DEFAULT_AUTH_TOKEN;
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/sandbox/twilio/2010-04-01/Accounts/"
					+ TwilioEmulator.DEFAULT_ACCOUNT_SID + "/Balance.json"))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))
			.timeout(Duration.ofSeconds(120))
			.build();
		return HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofString());
	}

}
