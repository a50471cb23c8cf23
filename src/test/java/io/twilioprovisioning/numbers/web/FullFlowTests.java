package io.twilioprovisioning.numbers.web;

import java.util.UUID;

import io.twilioprovisioning.sandbox.TwilioEmulator;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole lifecycle through the JSON API on a running server in sandbox mode, checking
 * the emulator's state and the database at each step.
 */
@RunningServerTest
class FullFlowTests {

	@LocalServerPort
	int port;

	@Autowired
	TwilioEmulator emulator;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createSearchPurchaseConfigureReassignRelease() {
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		this.emulator.faults().clear();

		long acme = admin.post("/api/admin/clients", "{\"name\":\"Flow Acme " + UUID.randomUUID() + "\"}")
			.json()
			.get("id")
			.asLong();
		long globex = admin.post("/api/admin/clients", "{\"name\":\"Flow Globex " + UUID.randomUUID() + "\"}")
			.json()
			.get("id")
			.asLong();

		Response search = admin.post("/api/admin/twilio/search",
				"{\"country\":\"US\",\"type\":\"local\",\"areaCode\":\"512\",\"smsEnabled\":true,\"limit\":30}");
		assertThat(search.status()).isEqualTo(200);
		assertThat(search.json().get("mode").asString()).isEqualTo("sandbox");
		String number = null;
		for (JsonNode candidate : search.json().get("numbers")) {
			String e164 = candidate.get("phoneNumber").asString();
			if (count("SELECT count(*) FROM phone_numbers WHERE e164 = '" + e164 + "'") == 0) {
				number = e164;
				break;
			}
		}
		assertThat(number).startsWith("+1512");
		String typed = "(" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8);

		Response purchase = admin.post("/api/admin/twilio/purchase", "{\"phoneNumber\":\"" + typed + "\",\"clientId\":"
				+ acme + ",\"idempotencyKey\":\"flow-" + UUID.randomUUID() + "\"}");
		assertThat(purchase.status()).as(purchase.body()).isEqualTo(201);
		JsonNode bought = purchase.json().get("number");
		String sid = bought.get("sid").asString();
		assertThat(bought.get("phoneNumber").asString()).isEqualTo(number);
		assertThat(bought.get("state").asString()).isEqualTo("ACTIVE");
		assertThat(bought.get("client").get("id").asLong()).isEqualTo(acme);
		assertThat(bought.get("webhooksMatchPolicy").asBoolean()).isTrue();
		assertThat(this.emulator.owned(sid)).isPresent();
		assertThat(count("SELECT count(*) FROM phone_numbers WHERE twilio_sid = '" + sid
				+ "' AND state = 'ACTIVE' AND client_id = " + acme))
			.isEqualTo(1);

		Response configure = admin.post("/api/admin/twilio/configure",
				"{\"sid\":\"" + sid + "\",\"smsUrl\":\"https://hooks.example.com/sms\",\"smsMethod\":\"POST\"}");
		assertThat(configure.status()).as(configure.body()).isEqualTo(200);
		assertThat(configure.json().at("/number/webhooks/smsUrl").asString())
			.isEqualTo("https://hooks.example.com/sms");
		assertThat(configure.json().at("/number/webhooksMatchPolicy").asBoolean()).isFalse();
		assertThat(this.emulator.owned(sid).orElseThrow().smsUrl()).isEqualTo("https://hooks.example.com/sms");

		Response reassign = admin.post("/api/admin/phone-numbers/reassign",
				"{\"phoneNumber\":\"" + number + "\",\"fromClientId\":" + acme + ",\"toClientId\":" + globex + "}");
		assertThat(reassign.status()).as(reassign.body()).isEqualTo(200);
		assertThat(reassign.json().at("/number/client/id").asLong()).isEqualTo(globex);
		assertThat(this.emulator.owned(sid).orElseThrow().friendlyName())
			.isEqualTo(reassign.json().at("/number/friendlyName").asString());
		assertThat(
				count("SELECT count(*) FROM number_assignments WHERE phone_number_id = " + bought.get("id").asLong()))
			.isEqualTo(2);

		Response list = admin.get("/api/admin/phone-numbers?clientId=" + globex);
		assertThat(list.json().get("totalElements").asInt()).isEqualTo(1);

		Response wrongConfirm = admin.post("/api/admin/twilio/release",
				"{\"phoneNumber\":\"" + number + "\",\"confirm\":\"+15125550000\"}");
		assertThat(wrongConfirm.status()).isEqualTo(400);
		assertThat(this.emulator.owned(sid)).isPresent();

		Response release = admin.post("/api/admin/twilio/release",
				"{\"phoneNumber\":\"" + number + "\",\"confirm\":\"" + typed + "\"}");
		assertThat(release.status()).as(release.body()).isEqualTo(200);
		assertThat(release.json().at("/number/state").asString()).isEqualTo("RELEASED");
		assertThat(this.emulator.owned(sid)).isEmpty();
		assertThat(count("SELECT count(*) FROM phone_numbers WHERE twilio_sid = '" + sid
				+ "' AND state = 'RELEASED' AND client_id IS NULL"))
			.isEqualTo(1);

		Response audit = admin.get("/api/admin/audit?phoneNumber=" + number.replace("+", "%2B"));
		assertThat(audit.json().get("content").findValuesAsString("action")).containsExactly("RELEASE", "REASSIGN",
				"CONFIGURE", "PURCHASE");

		Response account = admin.get("/api/admin/twilio/account");
		assertThat(account.status()).isEqualTo(200);
		assertThat(account.json().get("mode").asString()).isEqualTo("sandbox");
		assertThat(account.json().get("accountSid").asString()).contains("*");
		assertThat(account.json().at("/balance/currency").asString()).isEqualTo("USD");
	}

	@Test
	void refusalCarriesTwilioCodeAndDocLink() {
		ApiClient admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
		long client = admin.post("/api/admin/clients", "{\"name\":\"Refused " + UUID.randomUUID() + "\"}")
			.json()
			.get("id")
			.asLong();
		Response response = admin.post("/api/admin/twilio/purchase",
				"{\"phoneNumber\":\"+15005550000\",\"clientId\":" + client + "}");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("twilioCode").asInt()).isEqualTo(21422);
		assertThat(response.json().get("moreInfo").asString()).contains("21422");
		assertThat(response.json().get("type").asString()).endsWith("/twilio-refused");
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
