package io.twilioprovisioning.numbers.web;

import java.util.UUID;
import java.util.stream.Stream;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import io.twilioprovisioning.users.Role;
import io.twilioprovisioning.users.UserManagement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every admin route as anonymous (401), as a USER (403) and as an ADMIN (not 401/403), on
 * a running server.
 */
@RunningServerTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminRoutesAuthorizationTests {

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	String userEmail;

	@BeforeAll
	void createUser() {
		this.userEmail = "plain-" + UUID.randomUUID() + "@test.local";
		this.users.create(this.userEmail, "plain-user-password", Role.USER);
	}

	static Stream<Arguments> routes() {
		return Stream.of(Arguments.of("POST", "/api/admin/twilio/search", "{\"areaCode\":\"415\",\"limit\":2}"),
				Arguments.of("POST", "/api/admin/twilio/purchase",
						"{\"phoneNumber\":\"+15005550000\",\"clientId\":999999}"),
				Arguments.of("POST", "/api/admin/twilio/configure",
						"{\"phoneNumber\":\"+14155550199\",\"useDefaults\":true}"),
				Arguments.of("POST", "/api/admin/twilio/release",
						"{\"phoneNumber\":\"+14155550199\",\"confirm\":\"+14155550199\"}"),
				Arguments.of("GET", "/api/admin/twilio/account", null),
				Arguments.of("POST", "/api/admin/twilio/sync", null),
				Arguments.of("GET", "/api/admin/twilio/sync", null),
				Arguments.of("POST", "/api/admin/twilio/sync/adopt", null),
				Arguments.of("POST", "/api/admin/twilio/sync/fix-webhooks", null),
				Arguments.of("POST", "/api/admin/twilio/sync/close-missing", null),
				Arguments.of("POST", "/api/admin/phone-numbers/reassign",
						"{\"phoneNumber\":\"+14155550199\",\"toClientId\":999999}"),
				Arguments.of("GET", "/api/admin/phone-numbers", null), Arguments.of("GET", "/api/admin/clients", null),
				Arguments.of("POST", "/api/admin/clients", "{\"name\":\"Auth " + UUID.randomUUID() + "\"}"),
				Arguments.of("GET", "/api/admin/audit", null), Arguments.of("GET", "/api/admin/jobs", null),
				Arguments.of("POST", "/api/admin/jobs/999999999/cancel", null),
				Arguments.of("GET", "/api/admin/users", null));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void anonymousIs401(String method, String path, String body) {
		Response response = ApiClient.anonymous(this.port).send(method, path, "application/json", body);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void userIs403(String method, String path, String body) {
		Response response = ApiClient.as(this.port, this.userEmail, "plain-user-password")
			.send(method, path, "application/json", body);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.isProblem()).isTrue();
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("routes")
	void adminGetsThrough(String method, String path, String body) {
		Response response = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.send(method, path, "application/json", body);
		assertThat(response.status()).isNotIn(401, 403, 500);
		if (method.equals("GET") || path.endsWith("/search") || path.endsWith("/clients")) {
			assertThat(response.status()).isBetween(200, 201);
		}
		else {
			assertThat(response.status()).as(response.body()).isIn(200, 201, 202, 404, 422);
		}
	}

}
