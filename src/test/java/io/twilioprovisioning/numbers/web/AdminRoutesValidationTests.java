package io.twilioprovisioning.numbers.web;

import java.util.List;
import java.util.stream.Stream;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Malformed, missing, oversized and hostile values on every route: a 400 problem naming
 * the field, never a 500, and nothing changes in the database.
 */
@RunningServerTest
class AdminRoutesValidationTests {

	static final String SCRIPT = "<script>alert(1)</script>";

	static final String SQL = "1'; DROP TABLE phone_numbers;--";

	static final String BIDI = "+1415\u202E5550100";

	static final String HUGE = "9".repeat(10_000);

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	static String json(String... pairs) {
		StringBuilder json = new StringBuilder("{");
		for (int i = 0; i < pairs.length; i += 2) {
			if (i > 0) {
				json.append(',');
			}
			String value = pairs[i + 1];
			boolean literal = value.equals("true") || value.equals("false") || value.matches("-?\\d{1,9}")
					|| value.startsWith("[") || value.startsWith("{");
			json.append('"').append(pairs[i]).append("\":");
			json.append(literal ? value : '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"');
		}
		return json.append('}').toString();
	}

	static Stream<Arguments> badRequests() {
		return Stream.of(
				// route 1: search
				Arguments.of("/api/admin/twilio/search", json("country", "USA"), "country"),
				Arguments.of("/api/admin/twilio/search", json("type", "landline"), "type"),
				Arguments.of("/api/admin/twilio/search", json("areaCode", "41"), "areaCode"),
				Arguments.of("/api/admin/twilio/search", json("areaCode", SQL), "areaCode"),
				Arguments.of("/api/admin/twilio/search", json("contains", SCRIPT), "contains"),
				Arguments.of("/api/admin/twilio/search", json("locality", SCRIPT), "locality"),
				Arguments.of("/api/admin/twilio/search", json("nearNumber", BIDI), "nearNumber"),
				Arguments.of("/api/admin/twilio/search", json("limit", "31"), "limit"),
				Arguments.of("/api/admin/twilio/search", json("limit", "0"), "limit"),
				Arguments.of("/api/admin/twilio/search", json("limit", "many"), "limit"),
				Arguments.of("/api/admin/twilio/search", json("smsEnabled", "[1]"), "smsEnabled"),
				Arguments.of("/api/admin/twilio/search", json("postalCode", HUGE), "postalCode"),
				// route 2: purchase
				Arguments.of("/api/admin/twilio/purchase", json("clientId", "1"), "phoneNumberOrAreaCode"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", "+14155550100"), "clientId"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", SCRIPT, "clientId", "1"), "phoneNumber"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", SQL, "clientId", "1"), "phoneNumber"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", BIDI, "clientId", "1"), "phoneNumber"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", HUGE, "clientId", "1"), "phoneNumber"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", "+14155550100", "clientId", "-4"),
						"clientId"),
				Arguments.of("/api/admin/twilio/purchase", json("phoneNumber", "+14155550100", "clientId", "abc"),
						"clientId"),
				Arguments.of("/api/admin/twilio/purchase",
						json("phoneNumber", "+14155550100", "clientId", "1", "friendlyName", SCRIPT), "friendlyName"),
				Arguments.of("/api/admin/twilio/purchase",
						json("phoneNumber", "+14155550100", "clientId", "1", "idempotencyKey", SQL), "idempotencyKey"),
				Arguments.of("/api/admin/twilio/purchase", json("areaCode", "5O0", "clientId", "1"), "areaCode"),
				// route 3: configure
				Arguments.of("/api/admin/twilio/configure", json("useDefaults", "true"), "oneNumber"),
				Arguments.of("/api/admin/twilio/configure", json("phoneNumber", "+14155550100"), "valuesOrDefaults"),
				Arguments.of("/api/admin/twilio/configure", json("sid", SQL, "useDefaults", "true"), "sid"),
				Arguments.of("/api/admin/twilio/configure",
						json("phoneNumber", "+14155550100", "voiceMethod", "DELETE"), "voiceMethod"),
				Arguments.of("/api/admin/twilio/configure", json("phoneNumber", "+14155550100", "voiceUrl", HUGE),
						"voiceUrl"),
				// route 4: release
				Arguments.of("/api/admin/twilio/release", json("phoneNumber", "+14155550100"), "confirm"),
				Arguments.of("/api/admin/twilio/release", json("phoneNumber", SCRIPT, "confirm", "x"), "phoneNumber"),
				Arguments.of("/api/admin/twilio/release", json("phoneNumber", "+14155550100", "confirm", HUGE),
						"confirm"),
				// route 6: reassign
				Arguments.of("/api/admin/phone-numbers/reassign", json("phoneNumber", "+14155550100"), "toClientId"),
				Arguments.of("/api/admin/phone-numbers/reassign", json("phoneNumber", BIDI, "toClientId", "1"),
						"phoneNumber"),
				Arguments.of("/api/admin/phone-numbers/reassign", json("sid", "PN123", "toClientId", "1"), "sid"),
				Arguments.of("/api/admin/phone-numbers/reassign",
						json("phoneNumber", "+14155550100", "toClientId", "1", "fromClientId", "0"), "fromClientId"));
	}

	@ParameterizedTest(name = "{0} {2}")
	@MethodSource("badRequests")
	void badBodyIsA400NamingTheFieldAndChangesNothing(String path, String body, String field) {
		long[] before = counts();
		Response response = this.admin.post(path, body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
		assertThat(response.body()).doesNotContain("<script>");
		assertThat(counts()).containsExactly(before);
	}

	@ParameterizedTest(name = "{1}")
	@MethodSource("purchaseTargets")
	void purchaseSaysWhetherNeitherOrBothOfPhoneNumberAndAreaCodeWereGiven(String body, String message) {
		Response response = this.admin.post("/api/admin/twilio/purchase", body);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValues("field").stream().map((field) -> field.asString()))
			.containsOnlyOnce("phoneNumberOrAreaCode");
		assertThat(response.json().get("errors").findValuesAsString("message")).contains(message);
	}

	static Stream<Arguments> purchaseTargets() {
		String neither = "give phoneNumber (the number to buy) or areaCode (buy any number in it); neither was given";
		return Stream.of(Arguments.of("{\"clientId\":1}", neither),
				Arguments.of("{\"phoneNumber\":\" \",\"clientId\":1}", neither),
				Arguments.of("{\"phoneNumber\":\"+14155550100\",\"areaCode\":\"415\",\"clientId\":1}",
						"give phoneNumber or areaCode, not both"));
	}

	static Stream<Arguments> badQueries() {
		return Stream.of(Arguments.of("/api/admin/phone-numbers?size=1000", "size"),
				Arguments.of("/api/admin/phone-numbers?page=-1", "page"),
				Arguments.of("/api/admin/phone-numbers?status=SOLD", "status"),
				Arguments.of("/api/admin/phone-numbers?sort=" + "x".repeat(100), "sort"),
				Arguments.of("/api/admin/phone-numbers?sort=price,asc", "sort"),
				Arguments.of("/api/admin/phone-numbers?clientId=abc", "clientId"),
				Arguments.of("/api/admin/phone-numbers?q=%3Cscript%3E", "q"),
				Arguments.of("/api/admin/audit?action=DROP", "action"),
				Arguments.of("/api/admin/audit?phoneNumber=%3Cscript%3E", "phoneNumber"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badQueries")
	void badQueryIsA400NamingTheParameter(String path, String field) {
		Response response = this.admin.get(path);
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).contains(field);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("routesWithBodies")
	void emptyOrBrokenJsonIsA400(String path) {
		for (String body : List.of("", "{", "[]", "null", "\"text\"")) {
			Response response = this.admin.post(path, body);
			assertThat(response.status()).as(path + " " + body).isEqualTo(400);
			assertThat(response.isProblem()).isTrue();
		}
	}

	static Stream<String> routesWithBodies() {
		return Stream.of("/api/admin/twilio/search", "/api/admin/twilio/purchase", "/api/admin/twilio/configure",
				"/api/admin/twilio/release", "/api/admin/phone-numbers/reassign");
	}

	private long[] counts() {
		return new long[] { count("phone_numbers"), count("audit_events"), count("number_assignments"),
				count("clients") };
	}

	private long count(String table) {
		return this.jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
	}

}
