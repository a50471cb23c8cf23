package io.twilioprovisioning.web;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.twilioprovisioning.clients.Client;
import io.twilioprovisioning.clients.ClientManagement;
import io.twilioprovisioning.support.ApiClient;
import io.twilioprovisioning.support.ApiClient.Response;
import io.twilioprovisioning.support.RawHttpSession;
import io.twilioprovisioning.support.RunningServerTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API reads JSON only, strictly typed, and reads path ids and query numbers as
 * decimal digits only: every other form is a 400 (415 for another content type) problem
 * naming the field, and nothing is written.
 */
@RunningServerTest
class StrictInputTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ClientManagement clients;

	ApiClient admin;

	@BeforeEach
	void setUp() {
		this.admin = ApiClient.as(this.port, RunningServerTest.ADMIN_EMAIL, RunningServerTest.ADMIN_PASSWORD);
	}

	@Test
	void aNumberIsNotARole() {
		String email = "role-zero-" + UUID.randomUUID() + "@test.example";
		Response response = this.admin.post("/api/admin/users",
				"{\"email\":\"" + email + "\",\"password\":\"long-enough-password\",\"role\":0}");
		assertFieldRefused(response, "role");
		assertThat(count("users", "email", email)).isZero();
	}

	@Test
	void aNumberIsNotAClientStatus() {
		String name = "Status one " + UUID.randomUUID();
		Response response = this.admin.post("/api/admin/clients", "{\"name\":\"" + name + "\",\"status\":1}");
		assertFieldRefused(response, "status");
		assertThat(count("clients", "name", name)).isZero();
	}

	@Test
	void aNumberIsNotABoolean() {
		assertFieldRefused(this.admin.post("/api/admin/twilio/configure",
				"{\"phoneNumber\":\"+15005550199\",\"useDefaults\":123}"), "useDefaults");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"\"", "\"true\"", "1", "\"yes\"", "[true]" })
	void onlyTrueOrFalseIsABoolean(String value) {
		assertFieldRefused(this.admin.post("/api/admin/twilio/search", "{\"smsEnabled\":" + value + "}"), "smsEnabled");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"1\"", "1.0", "1e0", "\"0x10\"", "true", "99999999999999999999" })
	void onlyAnIntegerLiteralIsAnId(String value) {
		assertFieldRefused(this.admin.post("/api/admin/twilio/purchase",
				"{\"phoneNumber\":\"+15005550006\",\"clientId\":" + value + "}"), "clientId");
	}

	@ParameterizedTest
	@ValueSource(strings = { "123", "true", "[\"Acme\"]", "{\"a\":1}", "\"Nul\\u0000Inc\"", "\"Line\\nbreak\"" })
	void onlyAPlainJsonStringIsAString(String value) {
		Response response = this.admin.post("/api/admin/clients", "{\"name\":" + value + "}");
		assertFieldRefused(response, "name");
	}

	@Test
	void aRepeatedKeyIsRefused() {
		String name = "Twice " + UUID.randomUUID();
		Response response = this.admin.post("/api/admin/clients",
				"{\"name\":\"" + name + "\",\"status\":\"ACTIVE\",\"status\":\"INACTIVE\"}");
		assertFieldRefused(response, "status");
		assertThat(count("clients", "name", name)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "0x%s", "%%20%s", "%s%%20", "+%s", "%s.0", "0%s" })
	void aPathIdIsDecimalDigits(String form) {
		Client client = this.clients.create("Path id " + UUID.randomUUID(), null);
		String id = form.formatted((form.startsWith("0x")) ? Long.toHexString(client.id()) : client.id());
		if (form.equals("0%s")) {
			assertThat(this.admin.get("/api/admin/clients/" + id).status()).isEqualTo(200);
			return;
		}
		assertFieldRefused(this.admin.get("/api/admin/clients/" + id), "id");
		assertFieldRefused(this.admin.post("/api/admin/clients/" + id + "/deactivate", ""), "id");
		assertThat(this.clients.get(client.id()).isActive()).isTrue();
	}

	@Test
	void aPathIdInOtherScriptsDigitsIsRefused() {
		assertFieldRefused(this.admin.get("/api/admin/users/%D9%A1"), "id");
	}

	@ParameterizedTest
	@ValueSource(strings = { "page=0x1", "size=%2010", "size=10%20", "clientId=1e2", "page=%2B1", "status=%20ACTIVE",
			"status=1" })
	void queryParametersAreStrictlyTyped(String query) {
		String field = query.substring(0, query.indexOf('='));
		String path = field.equals("clientId") ? "/api/admin/phone-numbers?" : "/api/admin/clients?";
		assertFieldRefused(this.admin.get(path + query), field);
	}

	@Test
	void bodiesThatAreNotWellFormedUtf8AreRefused() {
		String prefix = "Utf8 " + UUID.randomUUID() + " ";
		Map<String, String> headers = Map.of("Content-Type", "application/json", "Accept", "application/json",
				"Authorization",
				"Basic " + java.util.Base64.getEncoder()
					.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
						.getBytes(StandardCharsets.UTF_8)));
		try (RawHttpSession http = new RawHttpSession(this.port)) {
			for (byte[] bad : new byte[][] { { (byte) 0xC0, (byte) 0xAF }, { (byte) 0xE0, (byte) 0x80, (byte) 0xAF },
					{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xFF, (byte) 0xFE }, { (byte) 0xC3 } }) {
				ByteArrayOutputStream body = new ByteArrayOutputStream();
				body.writeBytes(("{\"name\":\"" + prefix + "a").getBytes(StandardCharsets.UTF_8));
				body.writeBytes(bad);
				body.writeBytes("b\"}".getBytes(StandardCharsets.UTF_8));
				RawHttpSession.Response response = http.send("POST", "/api/admin/clients", headers, body.toByteArray());
				assertThat(response.status()).as(java.util.Arrays.toString(bad)).isEqualTo(400);
				assertThat(response.contentType()).startsWith("application/problem+json");
			}
		}
		assertThat(this.jdbc.sql("SELECT count(*) FROM clients WHERE name LIKE :prefix")
			.param("prefix", prefix + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void xmlBodiesAre415AndCreateNothing() {
		String name = "Xml " + UUID.randomUUID();
		Response response = this.admin.send("POST", "/api/admin/clients", "application/xml",
				"<ClientForm><name>" + name + "</name><bogus>1</bogus></ClientForm>");
		assertThat(response.status()).isEqualTo(415);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("type").asString()).endsWith("/unsupported-media-type");
		assertThat(count("clients", "name", name)).isZero();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/xml", "application/yaml", "application/x-yaml", "application/x-www-form-urlencoded",
			"text/plain", "application/cbor", "not a media type" })
	void everyOtherContentTypeIs415(String contentType) {
		Response response = this.admin.send("POST", "/api/admin/clients", contentType, "name=Other");
		assertThat(response.status()).as(contentType).isEqualTo(415);
		assertThat(response.isProblem()).as(contentType).isTrue();
	}

	@Test
	void aBodyThatIsNotJsonIs415EvenWhereTheRouteReadsNoBody() {
		Client client = this.clients.create("No body " + UUID.randomUUID(), null);
		Response response = this.admin.send("POST", "/api/admin/clients/" + client.id() + "/deactivate",
				"application/xml", "<deactivate/>");
		assertThat(response.status()).isEqualTo(415);
		assertThat(this.clients.get(client.id()).isActive()).isTrue();
	}

	@Test
	void jsonWithACharsetAndJsonSuffixTypesAreRead() {
		Response response = this.admin.send("POST", "/api/admin/clients", "application/json; charset=UTF-8",
				"{\"name\":\"Charset " + UUID.randomUUID() + "\"}");
		assertThat(response.status()).isEqualTo(201);
	}

	@Test
	void answersAreJsonNotXml() {
		Client client = this.clients.create("Accept xml " + UUID.randomUUID(), null);
		java.net.http.HttpResponse<String> xml = sendAccepting("/api/admin/clients/" + client.id(), "application/xml");
		assertThat(xml.statusCode()).isEqualTo(406);
		assertThat(xml.body()).doesNotStartWith("<");
	}

	private java.net.http.HttpResponse<String> sendAccepting(String path, String accept) {
		try {
			String token = java.util.Base64.getEncoder()
				.encodeToString((RunningServerTest.ADMIN_EMAIL + ":" + RunningServerTest.ADMIN_PASSWORD)
					.getBytes(java.nio.charset.StandardCharsets.UTF_8));
			return java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + path))
					.header("Accept", accept)
					.header("Authorization", "Basic " + token)
					.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private long count(String table, String column, String value) {
		return this.jdbc.sql("SELECT count(*) FROM " + table + " WHERE " + column + " = :value")
			.param("value", value)
			.query(Long.class)
			.single();
	}

	private static void assertFieldRefused(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.json().get("errors").findValuesAsString("field")).as(response.body()).contains(field);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("at io.");
	}

}
