package io.twilioprovisioning.tenancy;

import java.util.UUID;

import io.twilioprovisioning.numbers.E164Number;
import io.twilioprovisioning.numbers.NumberLifecycle;
import io.twilioprovisioning.sandbox.OwnedRecord;
import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.FreshNumbers;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole flow over HTTP on a running server in {@code subaccount-per-client} mode: two
 * clients each get a subaccount and a Messaging Service; a number bought for the first
 * sits in its subaccount and service (the emulator's state says so); reassigned, it moves
 * to the second's subaccount and service; released, it is gone from both.
 */
@RunningServerTest
@TestPropertySource(
		properties = { "provisioning.tenancy=subaccount-per-client", "provisioning.messaging-service-per-client=true" })
class SubaccountFullFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	NumberLifecycle lifecycle;

	@Autowired
	JdbcClient jdbc;

	@Test
	void twoClientsBuyReassignAndReleaseAcrossTheirSubaccountsAndServices() {
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		String tag = UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.get("/api/admin/tenancy").json().get("mode").asString()).isEqualTo("subaccount-per-client");

		long acme = created(admin, "Flow Acme " + tag);
		long globex = created(admin, "Flow Globex " + tag);
		JsonNode acmeTenancy = admin.get("/api/admin/clients/" + acme + "/tenancy").json();
		JsonNode globexTenancy = admin.get("/api/admin/clients/" + globex + "/tenancy").json();
		String acmeAccount = acmeTenancy.get("subaccountSid").asString();
		String globexAccount = globexTenancy.get("subaccountSid").asString();
		String acmeService = acmeTenancy.get("messagingServiceSid").asString();
		String globexService = globexTenancy.get("messagingServiceSid").asString();
		assertThat(acmeAccount).matches("AC[0-9a-f]{32}").isNotEqualTo(globexAccount);
		assertThat(acmeService).matches("MG[0-9a-f]{32}").isNotEqualTo(globexService);

		E164Number number = FreshNumbers.forSale(this.lifecycle, this.jdbc, "617");
		ApiClient.Response bought = admin.post("/api/admin/twilio/purchase",
				"{\"phoneNumber\":\"" + number.value() + "\",\"clientId\":" + acme + "}");
		assertThat(bought.status()).as(bought.body()).isEqualTo(201);
		String sid = bought.json().at("/number/sid").asString();
		assertThat(owned(sid).accountSid()).isEqualTo(acmeAccount);
		assertThat(this.emulator.serviceOf(sid)).hasValue(acmeService);
		assertThat(admin.get("/api/admin/clients/" + acme + "/tenancy").json().get("serviceNumbers").asInt())
			.isEqualTo(1);
		assertThat(admin.get("/api/admin/clients/" + acme + "/tenancy").json().get("a2pWarning").asString())
			.contains("no registered A2P 10DLC campaign");

		ApiClient.Response moved = admin.post("/api/admin/phone-numbers/reassign", "{\"phoneNumber\":\""
				+ number.value() + "\",\"fromClientId\":" + acme + ",\"toClientId\":" + globex + "}");
		assertThat(moved.status()).as(moved.body()).isEqualTo(200);
		assertThat(moved.json().at("/number/client/id").asLong()).isEqualTo(globex);
		assertThat(owned(sid).accountSid()).isEqualTo(globexAccount);
		assertThat(this.emulator.serviceOf(sid)).hasValue(globexService);
		assertThat(this.emulator.ownedNumbers()).filteredOn((n) -> n.phoneNumber().equals(number.value())).hasSize(1);

		ApiClient.Response released = admin.post("/api/admin/twilio/release",
				"{\"phoneNumber\":\"" + number.value() + "\",\"confirm\":\"" + number.value() + "\"}");
		assertThat(released.status()).as(released.body()).isEqualTo(200);
		assertThat(this.emulator.owned(sid)).isEmpty();
		assertThat(this.emulator.serviceOf(sid)).isEmpty();
		JsonNode audit = admin.get("/api/admin/audit?phoneNumber=" + number.value().replace("+", "%2B") + "&size=50")
			.json();
		assertThat(audit.get("content")).extracting((entry) -> entry.get("action").asString())
			.contains("PURCHASE", "SERVICE_JOIN", "TRANSFER", "REASSIGN", "RELEASE");
	}

	private long created(ApiClient admin, String name) {
		ApiClient.Response created = admin.post("/api/admin/clients", "{\"name\":\"" + name + "\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asLong();
	}

	private OwnedRecord owned(String sid) {
		return this.emulator.owned(sid).orElseThrow();
	}

}
