package io.twilioprovisioning.web;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.sandbox.Fault;
import io.twilioprovisioning.sandbox.Operation;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.web.OpenApiContract.Caller;
import io.twilioprovisioning.web.OpenApiContract.Exchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The served OpenAPI description is exact: a scripted flow on a running server exercises
 * every operation, successes and the problems each can answer, and every exchange is
 * checked against {@code /v3/api-docs} (status documented, content type, body against the
 * documented schema); the description itself has human operation ids, the six tags, JSON
 * only, and 401/403 on every operation.
 */
@RunningServerTest
class OpenApiContractTests {

	private static final String CLIENTS = "/api/admin/clients";

	private static final String PURCHASE = "/api/admin/twilio/purchase";

	/**
	 * An area code no other test buys in: the number released here is for sale again, and
	 * tests that take the first number offered must not get it.
	 */
	private static final String AREA_CODE = "702";

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

	@AfterEach
	void clearFaults() {
		this.emulator.faults().clear();
	}

	@Test
	void everyOperationHasAHumanIdAndOneOfTheSevenTags() {
		Map<String, String> ids = this.contract.operationIds();
		assertThat(ids).isNotEmpty();
		assertThat(ids.values()).allSatisfy((id) -> assertThat(id).matches("^[a-z][A-Za-z]+$").doesNotMatch(".*_\\d+$"))
			.doesNotHaveDuplicates();
		assertThat(ids).containsEntry("GET /api/admin/phone-numbers", "listPhoneNumbers")
			.containsEntry("POST /api/admin/twilio/purchase", "purchaseNumber")
			.containsEntry("POST /api/admin/clients", "createClient");
		Set<String> tags = new TreeSet<>();
		forEachOperation((label, operation) -> {
			assertThat(operation.get("tags")).as(label).hasSize(1);
			tags.add(operation.get("tags").get(0).asString());
		});
		assertThat(tags).containsExactlyInAnyOrderElementsOf(OpenApiConfiguration.TAG_ORDER);
		List<String> declared = new ArrayList<>();
		this.contract.document().get("tags").forEach((tag) -> declared.add(tag.get("name").asString()));
		assertThat(declared).containsExactlyElementsOf(OpenApiConfiguration.TAG_ORDER);
	}

	@Test
	void everyOperationDocuments401And403AndOnlyJson() {
		forEachOperation((label, operation) -> {
			JsonNode responses = operation.get("responses");
			assertThat(responses.propertyNames()).as(label).contains("401", "403").noneMatch("default"::equals);
			responses.properties().forEach((response) -> {
				String expected = response.getKey().startsWith("2") ? "application/json" : "application/problem+json";
				JsonNode content = response.getValue().path("content");
				if (label.equals("get /api/admin/reports/costs") && response.getKey().equals("200")) {
					// the cost report is also its CSV export
					assertThat(content.propertyNames()).as(label).containsExactly(expected, "text/csv");
					return;
				}
				assertThat(content.propertyNames()).as(label + " " + response.getKey()).containsExactly(expected);
				if (!response.getKey().startsWith("2")) {
					assertThat(content.at("/application~1problem+json/schema/$ref").asString()).as(label)
						.isIn("#/components/schemas/ProblemDetail", "#/components/schemas/ValidationProblem",
								"#/components/schemas/TwilioProblem");
				}
			});
			if (operation.has("requestBody")) {
				assertThat(operation.at("/requestBody/content").propertyNames()).as(label)
					.containsExactly("application/json");
				assertThat(responses.propertyNames()).as(label).contains("400", "413", "415");
			}
		});
	}

	@Test
	void auditBeforeAndAfterAreDocumentedAsObjects() {
		JsonNode entry = this.contract.document().at("/components/schemas/AuditEntry");
		assertThat(entry.at("/properties/before/type").asString()).isEqualTo("object");
		assertThat(entry.at("/properties/after/type").asString()).isEqualTo("object");
		assertThat(entry.at("/required").toString()).contains("\"id\"", "\"occurredAt\"", "\"action\"")
			.doesNotContain("\"before\"");
	}

	@Test
	void answersOfAScriptedFlowMatchTheDescription() {
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Exchange acme = expect(201, this.admin.post(CLIENTS, "{\"name\":\"Contract Acme " + tag + "\"}"));
		long acmeId = acme.json().get("id").asLong();
		assertThat(acme.location()).isEqualTo(CLIENTS + "/" + acmeId);
		long globexId = expect(201,
				this.admin.post(CLIENTS,
						"{\"name\":\"Contract Globex " + tag + "\",\"contactEmail\":\"ops@globex.example\"}"))
			.json()
			.get("id")
			.asLong();
		expect(200, this.admin.get(CLIENTS + "?q=Contract&status=ACTIVE&page=0&size=5"));
		String clientsCursor = expect(200, this.admin.get(CLIENTS + "?q=Contract&size=1")).json()
			.get("nextCursor")
			.asString();
		JsonNode clientsPage = expect(200, this.admin.get(CLIENTS + "?q=Contract&size=1&cursor=" + clientsCursor))
			.json();
		assertThat(clientsPage.get("previousCursor").isString()).isTrue();
		expect(200, this.admin.get(CLIENTS + "?q=Contract&size=1&page=1"));
		expect(200, this.admin.get(CLIENTS + "/" + acmeId));
		expect(200, this.admin.put(CLIENTS + "/" + globexId,
				"{\"name\":\"Contract Globex " + tag + "\",\"contactEmail\":\"it@globex.example\"}"));

		expect(200, this.admin.post("/api/admin/twilio/search", "{\"country\":\"US\",\"type\":\"local\",\"areaCode\":\""
				+ AREA_CODE + "\",\"smsEnabled\":true,\"limit\":5}"));
		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, AREA_CODE);
		String purchase = "{\"phoneNumber\":\"" + number.value() + "\",\"clientId\":" + acmeId
				+ ",\"idempotencyKey\":\"contract-" + tag + "\"}";
		Exchange bought = expect(201, this.admin.post(PURCHASE, purchase));
		long numberId = bought.json().at("/number/id").asLong();
		String sid = bought.json().at("/number/sid").asString();
		assertThat(bought.location()).isEqualTo("/api/admin/phone-numbers/" + numberId);
		assertThat(expect(200, this.admin.post(PURCHASE, purchase)).json().get("replayed").asBoolean()).isTrue();
		expect(200, this.admin.get("/api/admin/phone-numbers/" + numberId));
		expect(200,
				this.admin.get("/api/admin/phone-numbers?clientId=" + acmeId + "&status=ACTIVE&sort=phoneNumber,asc"));
		String digits = number.value().substring(2, 8);
		String formatted = "(" + digits.substring(0, 3) + ")%20" + digits.substring(3);
		JsonNode byDigits = expect(200, this.admin.get("/api/admin/phone-numbers?q=" + formatted + "&size=1")).json();
		assertThat(byDigits.get("totalIsExact").isBoolean()).isTrue();
		expect(200, this.admin.get("/api/admin/phone-numbers?q=Contract%20Acme%20" + tag + "&size=1&page=1"));
		String numbersCursor = byDigits.path("nextCursor").asString(null);
		if (numbersCursor != null) {
			expect(200, this.admin.get("/api/admin/phone-numbers?q=" + formatted + "&size=1&cursor=" + numbersCursor));
		}
		expect(200, this.admin.post("/api/admin/twilio/configure",
				"{\"sid\":\"" + sid + "\",\"smsUrl\":\"https://hooks.example.com/sms\",\"smsMethod\":\"POST\"}"));
		expect(200, this.admin.post("/api/admin/phone-numbers/reassign", "{\"phoneNumber\":\"" + number.value()
				+ "\",\"fromClientId\":" + acmeId + ",\"toClientId\":" + globexId + "}"));
		// Globex holds the number until the end of the month
		JsonNode costs = expect(200, this.admin.get("/api/admin/reports/costs")).json();
		assertThat(costs.get("clients"))
			.anySatisfy((client) -> assertThat(client.get("clientId").asLong()).isIn(acmeId, globexId));
		expect(200, this.admin.get("/api/admin/reports/costs?month=2024-02&format=json"));
		expect(400, this.admin.get("/api/admin/reports/costs?month=2024-13"));
		expect(200, this.admin.post("/api/admin/twilio/release",
				"{\"phoneNumber\":\"" + number.value() + "\",\"confirm\":\"" + number.value() + "\"}"));
		expect(200, this.admin.get("/api/admin/phone-numbers/" + numberId));
		JsonNode audit = expect(200,
				this.admin.get("/api/admin/audit?phoneNumber=" + number.value().replace("+", "%2B") + "&size=20"))
			.json();
		assertThat(audit.get("content")).hasSizeGreaterThanOrEqualTo(4);
		assertThat(audit.get("content")).anySatisfy((entry) -> assertThat(entry.get("after").isObject()).isTrue());
		expect(200, this.admin.get("/api/admin/audit?action=PURCHASE&outcome=SUCCEEDED"));
		String auditCursor = expect(200, this.admin.get("/api/admin/audit?size=1")).json().get("nextCursor").asString();
		expect(200, this.admin.get("/api/admin/audit?size=1&cursor=" + auditCursor));
		expect(200, this.admin.get("/api/admin/audit?size=1&page=2"));
		expect(200, this.admin.get("/api/admin/twilio/account"));

		expect(200, this.admin.get("/api/admin/tenancy"));
		expect(200, this.admin.get(CLIENTS + "/" + acmeId + "/tenancy"));
		expect(200, this.admin.put(CLIENTS + "/" + acmeId + "/tenancy", "{\"messagingEnabled\":true}"));
		expect(200, this.admin.post(CLIENTS + "/" + acmeId + "/tenancy/provision", null));
		expect(200,
				this.admin.post(CLIENTS + "/" + acmeId + "/tenancy/address",
						"{\"customerName\":\"Contract Acme\",\"street\":\"1 Fictional Street\",\"city\":\"London\","
								+ "\"region\":\"Greater London\",\"postalCode\":\"W1A 1AA\",\"isoCountry\":\"GB\"}"));
		expect(400,
				this.admin.put(CLIENTS + "/" + acmeId + "/tenancy", "{\"messagingEnabled\":true,\"bundleSid\":\"x\"}"));
		E164Number placed = FreshNumbers.forSale(this.lifecycle, this.jdbc, AREA_CODE);
		expect(201,
				this.admin.post(PURCHASE, "{\"phoneNumber\":\"" + placed.value() + "\",\"clientId\":" + acmeId + "}"));
		expect(200, this.admin.get("/api/admin/tenancy/drift"));
		expect(200, this.admin.post("/api/admin/tenancy/drift/fix", null));
		expect(200, this.admin.post("/api/admin/tenancy/relocate", "{\"phoneNumber\":\"" + placed.value() + "\"}"));
		expect(422, this.admin.post(PURCHASE, "{\"phoneNumber\":\"+442079460100\",\"clientId\":" + globexId + "}"));

		expect(200, this.admin.post("/api/admin/twilio/sync", null));
		expect(200, this.admin.get("/api/admin/twilio/sync"));
		awaitJob(expect(202, this.admin.post("/api/admin/twilio/sync/adopt", null)).location());
		awaitJob(expect(202, this.admin.post("/api/admin/twilio/sync/fix-webhooks", null)).location());
		expect(200, this.admin.post("/api/admin/twilio/sync/fix-names", null));
		awaitJob(expect(202, this.admin.post("/api/admin/twilio/sync/close-missing", null)).location());

		// jobs
		Exchange job = expect(202, this.admin.post("/api/admin/jobs",
				"{\"kind\":\"REPOINT_WEBHOOKS\",\"parameters\":{\"scope\":\"CLIENT\",\"clientId\":" + acmeId + "}}"));
		String jobUrl = job.location();
		assertThat(jobUrl).isEqualTo("/api/admin/jobs/" + job.json().get("id").asLong());
		expect(200, this.admin.get("/api/admin/jobs?page=0&size=5"));
		expect(200, this.admin.get(jobUrl));
		awaitJob(jobUrl);
		expect(200, this.admin.get(jobUrl + "/items?page=0&size=10"));
		expect(200, this.admin.get(jobUrl + "/items?outcome=FAILED"));
		expect(409, this.admin.post(jobUrl + "/pause", null));
		expect(409, this.admin.post(jobUrl + "/resume", null));
		expect(409, this.admin.post(jobUrl + "/cancel", null));
		expect(409, this.admin.post(jobUrl + "/retry-failed", null));
		// Acme's numbers go to a client of their own, so that Globex holds none when it
		// is deactivated below
		long initechId = expect(201, this.admin.post(CLIENTS, "{\"name\":\"Contract Initech " + tag + "\"}")).json()
			.get("id")
			.asLong();
		Exchange paused = expect(202, this.admin.post("/api/admin/jobs", "{\"kind\":\"MOVE_CLIENT\",\"parameters\":"
				+ "{\"clientId\":" + acmeId + ",\"toClientId\":" + initechId + "}}"));
		String pausedUrl = paused.location();
		if (this.admin.post(pausedUrl + "/pause", null).status() == 200) {
			expect(200, this.admin.post(pausedUrl + "/resume", null));
		}
		awaitJob(pausedUrl);
		Exchange failing = expect(202,
				this.admin.post("/api/admin/jobs", "{\"kind\":\"REPOINT_WEBHOOKS\",\"parameters\":"
						+ "{\"scope\":\"NUMBERS\",\"phoneNumbers\":[\"+14155550199\"]}}"));
		awaitJob(failing.location());
		expect(202, this.admin.post(failing.location() + "/retry-failed", null));
		awaitJob(failing.location());
		Exchange cancelled = expect(202, this.admin.post("/api/admin/jobs", "{\"kind\":\"ADOPT_UNTRACKED\"}"));
		if (this.admin.post(cancelled.location() + "/cancel", null).status() != 200) {
			awaitJob(cancelled.location());
		}
		expect(400, this.admin.post("/api/admin/jobs", "{\"kind\":\"RELEASE_CLIENT\",\"parameters\":{\"clientId\":"
				+ acmeId + ",\"confirm\":\"not the name\"}}"));
		expect(404, this.admin.get("/api/admin/jobs/999999999"));

		String email = "contract-" + tag + "@example.com";
		Exchange user = expect(201, this.admin.post("/api/admin/users",
				"{\"email\":\"" + email + "\",\"password\":\"contract-password-" + tag + "\",\"role\":\"USER\"}"));
		long userId = user.json().get("id").asLong();
		expect(200, this.admin.get("/api/admin/users?page=0&size=10"));
		expect(200, this.admin.get("/api/admin/users/" + userId));
		expect(200, this.admin.post("/api/admin/users/" + userId + "/disable", null));
		expect(200, this.admin.post("/api/admin/users/" + userId + "/enable", null));
		expect(200, this.admin.post("/api/admin/users/" + userId + "/role", "{\"role\":\"USER\"}"));
		expect(200, this.admin.post(CLIENTS + "/" + globexId + "/deactivate", null));

		// the problems
		Exchange invalid = expect(400, this.admin.post(CLIENTS, "{\"name\":\"\"}"));
		assertThat(invalid.json().get("errors")).isNotEmpty();
		expect(400, this.admin.get("/api/admin/phone-numbers?size=0"));
		Exchange badCursor = expect(400, this.admin.get("/api/admin/phone-numbers?cursor=bm90LWEtY3Vyc29y.AAAA"));
		assertThat(badCursor.json().at("/errors/0/field").asString()).isEqualTo("cursor");
		expect(400, this.admin.get("/api/admin/phone-numbers?sort=phoneNumber,asc&cursor=" + auditCursor));
		expect(400, this.admin.get("/api/admin/phone-numbers?page=200&size=50"));
		expect(400, this.admin.get("/api/admin/audit?cursor=" + clientsCursor));
		expect(400, this.admin.get(CLIENTS + "?cursor=%3F%3F"));
		expect(401, new Caller(this.contract, this.port, null, null).get(CLIENTS));
		expect(403, new Caller(this.contract, this.port, email, "contract-password-" + tag).get(CLIENTS));
		expect(404, this.admin.get(CLIENTS + "/999999999"));
		expect(404, this.admin.get("/api/admin/phone-numbers/999999999"));
		expect(409, this.admin.post(CLIENTS, "{\"name\":\"Contract Acme " + tag + "\"}"));
		expect(409, this.admin.post("/api/admin/users",
				"{\"email\":\"" + email + "\",\"password\":\"another-password-" + tag + "\",\"role\":\"USER\"}"));
		expect(413, this.admin.post(CLIENTS, "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}"));
		expect(415, this.admin.send("POST", CLIENTS, "text/plain", "name=Acme"));
		Exchange refused = expect(422,
				this.admin.post(PURCHASE, "{\"phoneNumber\":\"+15005550000\",\"clientId\":" + acmeId + "}"));
		assertThat(refused.json().get("twilioCode").asInt()).isEqualTo(21422);
		assertThat(refused.json().get("moreInfo").asString()).startsWith("https://");
		this.emulator.faults().failNext(Operation.SEARCH, Fault.SERVICE_UNAVAILABLE, 10);
		expect(503, this.admin.post("/api/admin/twilio/search", "{\"areaCode\":\"" + AREA_CODE + "\"}"));
		this.emulator.faults().clear();
		E164Number lost = FreshNumbers.forSale(this.lifecycle, this.jdbc, AREA_CODE);
		this.emulator.faults()
			.failNext(Operation.PURCHASE, Fault.SERVER_ERROR, 1)
			.failNext(Operation.LIST, Fault.SERVICE_UNAVAILABLE, 10);
		expect(502,
				this.admin.post(PURCHASE, "{\"phoneNumber\":\"" + lost.value() + "\",\"clientId\":" + acmeId + "}"));
		this.emulator.faults().clear();

		// the sandbox at run time
		expect(200,
				this.admin.put("/api/admin/sandbox/faults",
						"{\"latency\":{\"minMs\":0,\"maxMs\":0},\"concurrencyLimit\":50,"
								+ "\"rules\":[{\"operation\":\"PURCHASE\",\"fault\":\"SERVER_ERROR\",\"next\":1},"
								+ "{\"fault\":\"SERVICE_UNAVAILABLE\",\"rate\":0.01}]}"));
		expect(200, this.admin.get("/api/admin/sandbox/faults"));
		expect(400, this.admin.put("/api/admin/sandbox/faults", "{\"concurrencyLimit\":0}"));
		expect(200, this.admin.delete("/api/admin/sandbox/faults"));
		expect(400, this.admin.post("/api/admin/sandbox/reset", "{\"confirm\":\"no\"}"));
		expect(200, this.admin.post("/api/admin/sandbox/reset", "{\"confirm\":\"RESET\"}"));

		assertThat(this.contract.violations()).isEmpty();
		assertThat(this.contract.exercised())
			.containsExactlyInAnyOrderElementsOf(new TreeSet<>(this.contract.operationIds().values()));
	}

	/**
	 * Waits until the job at the URL has ended (or is paused), reading it through the
	 * contract like every other answer.
	 */
	private void awaitJob(String url) {
		await().atMost(Duration.ofSeconds(60)).until(() -> {
			JsonNode job = expect(200, this.admin.get(url)).json();
			return job.get("state").asString().matches("SUCCEEDED|FAILED|PARTLY_FAILED|CANCELLED|PAUSED");
		});
	}

	private Exchange expect(int status, Exchange exchange) {
		assertThat(exchange.status()).as(exchange.method() + " " + exchange.path() + ": " + exchange.body())
			.isEqualTo(status);
		return exchange;
	}

	private void forEachOperation(java.util.function.BiConsumer<String, JsonNode> action) {
		this.contract.document()
			.get("paths")
			.properties()
			.forEach((path) -> path.getValue()
				.properties()
				.forEach((method) -> action.accept(method.getKey() + " " + path.getKey(), method.getValue())));
	}

}
