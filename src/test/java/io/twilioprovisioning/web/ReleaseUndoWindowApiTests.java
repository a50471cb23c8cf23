package io.twilioprovisioning.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.BrowserSession;
import io.twilioprovisioning.support.BrowserSession.Page;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.web.OpenApiContract.Caller;
import io.twilioprovisioning.web.OpenApiContract.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The JSON API with an undo window on (ADR 0031): a release answers 202 with the time it
 * happens, the number stays active and owned at Twilio, Undo takes it back, configure and
 * reassign are refused while it waits, and the "release a client's numbers" job schedules
 * instead of releasing. Every exchange is checked against the served OpenAPI description.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "provisioning.release.undo-window=24h")
class ReleaseUndoWindowApiTests {

	static final String AREA_CODE = "305";

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	JdbcClient jdbc;

	OpenApiContract contract;

	Caller admin;

	@BeforeEach
	void loadDescription() {
		ApiClient.Response docs = ApiClient
			.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		this.contract = OpenApiContract.of(docs.body());
		this.admin = new Caller(this.contract, this.port, RunningServerTest.ADMIN_EMAIL,
				RunningServerTest.ADMIN_PASSWORD);
		this.emulator.faults().clear();
	}

	@Test
	void aReleaseWaitsForTheWindowAndUndoTakesItBack() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		long acmeId = client("Undo Acme " + tag);
		long globexId = client("Undo Globex " + tag);
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, AREA_CODE);
		JsonNode bought = expect(201, this.admin.post("/api/admin/twilio/purchase",
				"{\"phoneNumber\":\"" + number.value() + "\",\"clientId\":" + acmeId + "}"))
			.json();
		long id = bought.at("/number/id").asLong();
		String sid = bought.at("/number/sid").asString();
		assertThat(bought.at("/number/releaseScheduledAt").isString()).isFalse();
		int releasesBefore = this.emulator.requestCount(Operation.RELEASE);
		Instant asked = Instant.now();

		JsonNode scheduled = expect(202, this.admin.post("/api/admin/twilio/release",
				"{\"phoneNumber\":\"" + number.value() + "\",\"confirm\":\"" + number.value() + "\"}"))
			.json();
		assertThat(scheduled.at("/number/state").asString()).isEqualTo("ACTIVE");
		Instant at = Instant.parse(scheduled.at("/number/releaseScheduledAt").asString());
		assertThat(at).isAfterOrEqualTo(asked.plus(Duration.ofHours(24)).minusSeconds(1));
		// repeating keeps the first time
		JsonNode again = expect(202, this.admin.post("/api/admin/twilio/release",
				"{\"phoneNumber\":\"" + number.value() + "\",\"confirm\":\"" + number.value() + "\"}"))
			.json();
		assertThat(Instant.parse(again.at("/number/releaseScheduledAt").asString())).isEqualTo(at);
		JsonNode shown = expect(200, this.admin.get("/api/admin/phone-numbers/" + id)).json();
		assertThat(Instant.parse(shown.at("/number/releaseScheduledAt").asString())).isEqualTo(at);
		JsonNode listed = expect(200, this.admin.get("/api/admin/phone-numbers?clientId=" + acmeId)).json();
		assertThat(listed.at("/content/0/releaseScheduledAt").isString()).isTrue();
		Exchange configure = expect(409, this.admin.post("/api/admin/twilio/configure",
				"{\"sid\":\"" + sid + "\",\"smsUrl\":\"https://hooks.example.com/sms\"}"));
		assertThat(configure.body()).contains("release-scheduled");
		expect(409, this.admin.post("/api/admin/phone-numbers/reassign",
				"{\"phoneNumber\":\"" + number.value() + "\",\"toClientId\":" + globexId + "}"));
		assertThat(this.emulator.owned(sid)).isPresent();

		JsonNode undone = expect(200, this.admin.post("/api/admin/phone-numbers/" + id + "/release/undo", null)).json();
		assertThat(undone.at("/number/state").asString()).isEqualTo("ACTIVE");
		assertThat(undone.at("/number/releaseScheduledAt").isString()).isFalse();
		assertThat(undone.at("/number/client/id").asLong()).isEqualTo(acmeId);
		expect(409, this.admin.post("/api/admin/phone-numbers/" + id + "/release/undo", null));
		expect(404, this.admin.post("/api/admin/phone-numbers/999999999/release/undo", null));
		expect(200, this.admin.post("/api/admin/twilio/configure",
				"{\"sid\":\"" + sid + "\",\"smsUrl\":\"https://hooks.example.com/sms\"}"));
		assertThat(this.emulator.owned(sid)).isPresent();
		assertThat(this.emulator.requestCount(Operation.RELEASE)).isEqualTo(releasesBefore);
		JsonNode audit = expect(200,
				this.admin
					.get("/api/admin/audit?phoneNumber=" + number.value().replace("+", "%2B") + "&action=RELEASE_UNDO"))
			.json();
		assertThat(audit.get("content")).hasSize(1);
		expect(200, this.admin.get("/api/admin/audit?action=RELEASE_SCHEDULE&size=5"));

		assertThat(this.contract.violations()).isEmpty();
		assertThat(this.contract.exercised()).contains("releaseNumber", "undoRelease");
	}

	@Test
	void releasingAClientsNumbersSchedulesThem() {
		String name = "Undo Churn " + UUID.randomUUID().toString().substring(0, 8);
		long clientId = client(name);
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, AREA_CODE);
		long id = expect(201,
				this.admin.post("/api/admin/twilio/purchase",
						"{\"phoneNumber\":\"" + number.value() + "\",\"clientId\":" + clientId + "}"))
			.json()
			.at("/number/id")
			.asLong();
		int releasesBefore = this.emulator.requestCount(Operation.RELEASE);

		String job = expect(202, this.admin.post("/api/admin/jobs", "{\"kind\":\"RELEASE_CLIENT\",\"parameters\":"
				+ "{\"clientId\":" + clientId + ",\"confirm\":\"" + name + "\"}}"))
			.location();
		await().atMost(Duration.ofSeconds(60))
			.until(() -> expect(200, this.admin.get(job)).json().get("state").asString().equals("SUCCEEDED"));

		JsonNode shown = expect(200, this.admin.get("/api/admin/phone-numbers/" + id)).json();
		assertThat(shown.at("/number/state").asString()).isEqualTo("ACTIVE");
		assertThat(shown.at("/number/releaseScheduledAt").isString()).isTrue();
		assertThat(this.emulator.requestCount(Operation.RELEASE)).isEqualTo(releasesBefore);
		expect(200, this.admin.post("/api/admin/phone-numbers/" + id + "/release/undo", null));
		assertThat(this.contract.violations()).isEmpty();
	}

	@Test
	void theConsoleMarksTheNumberAndItsUndoButtonRestoresIt() {
		long clientId = client("Undo Console " + UUID.randomUUID().toString().substring(0, 8));
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, AREA_CODE);
		long id = expect(201,
				this.admin.post("/api/admin/twilio/purchase",
						"{\"phoneNumber\":\"" + number.value() + "\",\"clientId\":" + clientId + "}"))
			.json()
			.at("/number/id")
			.asLong();
		BrowserSession console = new BrowserSession(this.port);
		console.login(RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		String page = "/admin/phone-numbers/" + id;
		assertThat(console.get(page).html()).contains("waits for an undo window").doesNotContain("releasing at");

		Page released = console.postForm(page + "/release", page, Map.of("confirm", number.value()));
		assertThat(released.status()).isEqualTo(302);
		assertThat(this.lifecycle.get(id).releaseScheduledAt()).isNotNull();
		Page shown = console.get(page);
		assertThat(shown.html()).contains("releasing at").contains("Undo release").contains("will be released at");
		assertThat(console.get("/admin/phone-numbers?clientId=" + clientId).html()).contains("releasing at")
			.contains("/release/undo");
		assertThat(console.get("/admin/clients/" + clientId + "/phone").html()).contains("releasing at");

		Page undone = console.postForm(page + "/release/undo", page, Map.of());
		assertThat(undone.status()).isEqualTo(302);
		assertThat(this.lifecycle.get(id).releaseScheduledAt()).isNull();
		assertThat(console.get(page).html()).contains("was undone").doesNotContain("releasing at");
		assertThat(this.emulator.ownedByNumber(number.value())).isPresent();
	}

	private long client(String name) {
		return expect(201, this.admin.post("/api/admin/clients", "{\"name\":\"" + name + "\"}")).json()
			.get("id")
			.asLong();
	}

	private Exchange expect(int status, Exchange exchange) {
		assertThat(exchange.status()).as(exchange.method() + " " + exchange.path() + ": " + exchange.body())
			.isEqualTo(status);
		return exchange;
	}

}
