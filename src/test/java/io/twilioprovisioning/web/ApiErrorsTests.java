package io.twilioprovisioning.web;

import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error of the JSON API is a problem detail without a stack trace.
 */
@RunningServerTest
class ApiErrorsTests {

	@LocalServerPort
	int port;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void unknownApiPathIsA404Problem() {
		Response response = this.admin.get("/api/admin/nothing-here");
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/not-found");
	}

	@Test
	void wrongMethodIsA405Problem() {
		Response response = this.admin.delete("/api/admin/clients");
		assertThat(response.status()).isEqualTo(405);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/method-not-allowed");
	}

	@Test
	void malformedJsonIsA400Problem() {
		Response response = this.admin.post("/api/admin/clients", "{\"name\": ");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("type").asString()).endsWith("/malformed-body");
	}

	@Test
	void wrongTypeNamesTheField() {
		Response response = this.admin.post("/api/admin/users",
				"{\"email\":\"x@y.example\",\"password\":\"long-enough-password\",\"role\":\"GOD\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("role");
	}

	@Test
	void unknownFieldIsRefusedByName() {
		Response response = this.admin.post("/api/admin/clients", "{\"name\":\"Typo Inc\",\"stauts\":\"ACTIVE\"}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("stauts");
	}

	@Test
	void oversizedBodyIsA413Problem() {
		String big = "{\"name\":\"" + "a".repeat(200_000) + "\"}";
		Response response = this.admin.post("/api/admin/clients", big);
		assertThat(response.status()).isEqualTo(413);
		assertThat(response.isProblem()).isTrue();
	}

	@Test
	void oversizedChunkedBodyIsA413Problem() {
		Response response = this.admin.postChunked("/api/admin/clients", "{\"name\":\"" + "b".repeat(200_000) + "\"}");
		assertThat(response.status()).isEqualTo(413);
	}

	@Test
	void unsupportedMediaTypeIsAProblem() {
		Response response = this.admin.send("POST", "/api/admin/clients", "text/plain", "name=x");
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/unsupported-media-type");
	}

	@Test
	void problemsNeverContainStackTraces() {
		Response response = this.admin.post("/api/admin/clients", "[1,2,3]");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).doesNotContain("at io.").doesNotContain("Exception").doesNotContain("trace");
	}

}
