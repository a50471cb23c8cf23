package io.twilioprovisioning.users;

import java.util.UUID;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@RunningServerTest
class SecurityTests {

	@LocalServerPort
	int port;

	@Autowired
	UserManagement users;

	@Test
	void anonymousApiCallIsA401Problem() {
		Response response = ApiClient.anonymous(this.port).get("/api/admin/clients");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.wwwAuthenticate()).startsWith("Basic");
		assertThat(response.json().get("type").asString()).endsWith("/unauthorized");
		assertThat(response.json().get("status").asInt()).isEqualTo(401);
	}

	@Test
	void wrongPasswordIsA401Problem() {
		Response response = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, "not-the-password")
			.get("/api/admin/clients");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void userRoleGetsA403Problem() {
		String email = "user-" + UUID.randomUUID() + "@test.local";
		this.users.create(email, "user-password-123", Role.USER);
		Response response = ApiClient.as(this.port, email, "user-password-123").get("/api/admin/clients");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/forbidden");
	}

	@Test
	void adminIsLetIn() {
		Response response = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.get("/api/admin/clients");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().has("content")).isTrue();
	}

	@Test
	void emailIsCaseInsensitiveAtLogin() {
		Response response = ApiClient.as(this.port, "ADMIN@Test.Local", RunningServerTest.ADMIN_PASSWORD)
			.get("/api/admin/users");
		assertThat(response.status()).isEqualTo(200);
	}

	@Test
	void disabledUserCannotLogIn() {
		String email = "gone-" + UUID.randomUUID() + "@test.local";
		UserAccount user = this.users.create(email, "admin-password-123", Role.ADMIN);
		this.users.disable(user.id(), RunningServerTest.ADMIN_EMAIL);
		Response response = ApiClient.as(this.port, email, "admin-password-123").get("/api/admin/clients");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.json().get("detail").asString()).contains("disabled");
	}

	@Test
	void openApiDescriptionIsForAdminsWithBasicAuth() {
		assertThat(ApiClient.anonymous(this.port).get("/v3/api-docs").status()).isIn(302, 401);
		Response response = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.get("/v3/api-docs");
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().at("/paths").has("/api/admin/twilio/purchase")).isTrue();
		assertThat(response.json().at("/paths").has("/api/admin/phone-numbers")).isTrue();
	}

	@Test
	void healthIsOpenButOtherActuatorEndpointsAreAdminOnly() {
		assertThat(ApiClient.anonymous(this.port).get("/actuator/health").status()).isEqualTo(200);
		assertThat(ApiClient.anonymous(this.port).get("/actuator/metrics").status()).isEqualTo(401);
		assertThat(ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.get("/actuator/metrics")
			.status()).isEqualTo(200);
	}

	@Test
	void healthIncludesTheDatabaseForAdmins() {
		Response response = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD)
			.get("/actuator/health");
		assertThat(response.json().at("/components/db/status").asString()).isEqualTo("UP");
	}

}
